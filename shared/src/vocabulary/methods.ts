// How an observation was obtained.
import type { Labelled } from "./label.ts";

/**
 * The codes alone, in label order (vocabulary/codes.test.ts checks it): what
 * schemas import, so a bundle that validates but shows no label (the kiosk's
 * sync worker) carries no label text.
 */
const METHOD_CODES_LIST = [
  "competitor-audit",
  "event-visit",
  "shopper-observation",
  "daily-life",
  "in-depth-interview",
  "survey",
  "feedback",
  "import",
] as const;
export type Method = (typeof METHOD_CODES_LIST)[number];
export const METHOD_CODES = METHOD_CODES_LIST as unknown as [Method, ...Method[]];

export const METHODS = {
  "competitor-audit": {
    vi: "Khảo sát đối thủ",
    en: "Competitor audit",
    description: {
      vi: "Xem xét website, giá, thông điệp của đối thủ",
      en: "Reviewing a competitor's site, prices and claims",
    },
  },
  "event-visit": {
    vi: "Tham quan sự kiện",
    en: "Event visit",
    description: {
      vi: "Quan sát tại hội chợ, gian hàng",
      en: "Observing at a trade show or booth",
    },
  },
  "shopper-observation": {
    vi: "Quan sát khách mua sắm",
    en: "Shopper observation",
    description: {
      vi: "Quan sát hành vi khách tại điểm bán",
      en: "Watching shoppers at the point of sale",
    },
  },
  "daily-life": {
    vi: "Quan sát đời sống",
    en: "Daily life",
    description: {
      vi: "Quan sát khách ngoài cửa hàng",
      en: "Observing customers outside the shop",
    },
  },
  "in-depth-interview": {
    vi: "Phỏng vấn sâu",
    en: "In-depth interview",
    description: { vi: "Trò chuyện sâu với khách hàng", en: "A long conversation with a customer" },
  },
  survey: { vi: "Khảo sát", en: "Survey", description: { vi: "Bảng hỏi", en: "Questionnaire" } },
  feedback: {
    vi: "Phản hồi nhanh",
    en: "Quick feedback",
    description: { vi: "Chấm điểm một chạm", en: "One-tap rating" },
  },
  import: {
    vi: "Nhập dữ liệu",
    en: "Import",
    description: { vi: "Dữ liệu từ hệ thống khác", en: "Data from another system" },
  },
} as const satisfies Record<Method, Labelled>;
