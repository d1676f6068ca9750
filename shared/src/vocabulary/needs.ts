// The 16 customer needs (fixed codes) from the customer-insight guides:
// eight product needs and eight service needs. Codes are wire names.
import type { Labelled } from "./label.ts";

/**
 * The codes alone, in label order (vocabulary/codes.test.ts checks it): what
 * schemas import, so a bundle that validates but shows no label (the kiosk's
 * sync worker) carries no label text.
 */
const NEED_CODES_LIST = [
  "function",
  "convenience",
  "design",
  "performance",
  "compatibility",
  "clarity",
  "control",
  "information",
  "price",
  "experience",
  "reliability",
  "efficiency",
  "empathy",
  "transparency",
  "options",
  "access",
] as const;
export type NeedCode = (typeof NEED_CODES_LIST)[number];
export const NEED_CODES = NEED_CODES_LIST as unknown as [NeedCode, ...NeedCode[]];

export const NEEDS = {
  function: {
    group: "product",
    vi: "Chức năng",
    en: "Function",
    description: {
      vi: "Sản phẩm làm được việc khách cần",
      en: "The product does the job the customer needs",
    },
  },
  convenience: {
    group: "product",
    vi: "Tiện lợi",
    en: "Convenience",
    description: {
      vi: "Dễ mua, dễ dùng, tốn ít công sức",
      en: "Easy to buy and use, little effort",
    },
  },
  design: {
    group: "product",
    vi: "Thiết kế",
    en: "Design",
    description: { vi: "Hình thức, cảm giác và thẩm mỹ", en: "Look, feel and aesthetics" },
  },
  performance: {
    group: "product",
    vi: "Hiệu năng",
    en: "Performance",
    description: { vi: "Hoạt động tốt, nhanh, bền", en: "Works well, fast and lasting" },
  },
  compatibility: {
    group: "product",
    vi: "Tương thích",
    en: "Compatibility",
    description: { vi: "Hợp với thứ khách đã có", en: "Fits with what the customer already has" },
  },
  clarity: {
    group: "product",
    vi: "Rõ ràng",
    en: "Clarity",
    description: { vi: "Dễ hiểu, không gây nhầm lẫn", en: "Easy to understand, no confusion" },
  },
  control: {
    group: "product",
    vi: "Kiểm soát",
    en: "Control",
    description: {
      vi: "Khách tự quyết định và điều chỉnh",
      en: "The customer decides and adjusts",
    },
  },
  information: {
    group: "product",
    vi: "Thông tin",
    en: "Information",
    description: { vi: "Có đủ thông tin để chọn", en: "Enough information to choose" },
  },
  price: {
    group: "service",
    vi: "Giá cả",
    en: "Price",
    description: {
      vi: "Giá hợp lý so với giá trị nhận được",
      en: "A fair price for the value received",
    },
  },
  experience: {
    group: "service",
    vi: "Trải nghiệm",
    en: "Experience",
    description: { vi: "Cảm xúc trong suốt hành trình mua", en: "How the whole journey feels" },
  },
  reliability: {
    group: "service",
    vi: "Tin cậy",
    en: "Reliability",
    description: { vi: "Giữ lời hứa, ổn định", en: "Promises kept, consistent" },
  },
  efficiency: {
    group: "service",
    vi: "Hiệu quả",
    en: "Efficiency",
    description: { vi: "Nhanh, không phải chờ", en: "Fast, no waiting" },
  },
  empathy: {
    group: "service",
    vi: "Thấu cảm",
    en: "Empathy",
    description: { vi: "Được lắng nghe và thấu hiểu", en: "Being listened to and understood" },
  },
  transparency: {
    group: "service",
    vi: "Minh bạch",
    en: "Transparency",
    description: {
      vi: "Giá, điều kiện rõ ràng, không bất ngờ",
      en: "Clear prices and terms, no surprises",
    },
  },
  options: {
    group: "service",
    vi: "Lựa chọn",
    en: "Options",
    description: { vi: "Có nhiều lựa chọn phù hợp", en: "Enough suitable choices" },
  },
  access: {
    group: "service",
    vi: "Tiếp cận",
    en: "Access",
    description: {
      vi: "Dễ tìm, dễ liên hệ, đúng lúc cần",
      en: "Easy to find and reach when needed",
    },
  },
} as const satisfies Record<NeedCode, Labelled & { group: "product" | "service" }>;
