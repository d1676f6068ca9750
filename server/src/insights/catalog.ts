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
  "effect.behaviour": {
    vi: "“{label}” {before} lần trong {beforeDays} ngày trước → {after} lần trong {afterDays} ngày sau",
    en: "“{label}” {before} in the {beforeDays} days before → {after} in the {afterDays} days after",
  },
  "effect.complaints": {
    vi: "phàn nàn về {need} {before} trong {beforeDays} ngày trước → {after} trong {afterDays} ngày sau",
    en: "{need} complaints {before} in the {beforeDays} days before → {after} in the {afterDays} days after",
  },
  "effect.happy": {
    vi: "chỉ số hài lòng {before} → {after}",
    en: "happy index {before} → {after}",
  },
  // Topic titles: "Pin nhanh hết, máy nóng (38 ý kiến · 3 nguồn)".
  "topic.counts": { vi: "({comments} · {sources})", en: "({comments} · {sources})" },
  "topic.comments": {
    vi: "{count} ý kiến",
    en: "{count} comments",
    plural: { en: { one: "{count} comment" } },
  },
  "topic.sources": {
    vi: "{count} nguồn",
    en: "{count} sources",
    plural: { en: { one: "{count} source" } },
  },
  "topic.oneSource": { vi: "chỉ một nguồn", en: "one source only" },
  "topic.untitled": { vi: "Nhóm ý kiến", en: "Group of comments" },
} as const satisfies Catalog;
