// Server-made text in suggestions (titles), vi and en. The wire data in
// `why` stays structured so the web app can phrase it its own way.
import type { Catalog } from "@sightline/shared";

export const insightsCatalog = {
  "link.price": {
    vi: "{competitor} đổi giá {from} → {to} ({pct}%)",
    en: "{competitor} changed a price {from} → {to} ({pct}%)",
  },
  "link.priceWords": {
    vi: "{competitor} giảm giá / khuyến mãi",
    en: "{competitor} cut prices / ran a promotion",
  },
  "link.claim": { vi: "{competitor} đưa ra tuyên bố mới", en: "{competitor} made a new claim" },
  "link.then": {
    vi: "{change}; trong {days} ngày sau: {effects}",
    en: "{change}; within {days} days: {effects}",
  },
  "effect.behaviour": { vi: "“{label}” ×{ratio}", en: "“{label}” ×{ratio}" },
  "effect.complaints": { vi: "phàn nàn về {need} ×{ratio}", en: "{need} complaints ×{ratio}" },
  "effect.happy": {
    vi: "chỉ số hài lòng {before} → {after}",
    en: "happy index {before} → {after}",
  },
} as const satisfies Catalog;
