// Default kiosk behaviour catalogue; each store may edit its own copy.
import type { Labelled } from "./label.ts";

export const DEFAULT_BEHAVIOURS = {
  entered: {
    vi: "Vào cửa hàng",
    en: "Entered",
    description: { vi: "Khách bước vào cửa hàng", en: "A shopper came in" },
  },
  browsed: {
    vi: "Xem hàng",
    en: "Browsed",
    description: { vi: "Lướt xem sản phẩm", en: "Looked around the products" },
  },
  "picked-up": {
    vi: "Cầm lên xem",
    en: "Picked up",
    description: { vi: "Cầm sản phẩm lên xem", en: "Picked a product up" },
  },
  "put-back": {
    vi: "Đặt lại",
    en: "Put back",
    description: { vi: "Đặt sản phẩm trở lại kệ", en: "Put a product back" },
  },
  "compared-products": {
    vi: "So sánh sản phẩm",
    en: "Compared products",
    description: { vi: "So sánh hai sản phẩm trở lên", en: "Compared two or more products" },
  },
  "asked-price": {
    vi: "Hỏi giá",
    en: "Asked price",
    description: { vi: "Hỏi nhân viên về giá", en: "Asked staff about the price" },
  },
  "asked-staff": {
    vi: "Hỏi nhân viên",
    en: "Asked staff",
    description: { vi: "Nhờ nhân viên tư vấn", en: "Asked staff for help" },
  },
  "tried-on": {
    vi: "Thử sản phẩm",
    en: "Tried on",
    description: { vi: "Thử hoặc dùng thử sản phẩm", en: "Tried the product on or out" },
  },
  "checked-phone": {
    vi: "Xem điện thoại",
    en: "Checked phone",
    description: {
      vi: "Tra cứu trên điện thoại (có thể so giá)",
      en: "Looked something up on the phone (maybe prices)",
    },
  },
  waited: {
    vi: "Chờ đợi",
    en: "Waited",
    description: {
      vi: "Phải chờ nhân viên hoặc thanh toán",
      en: "Had to wait for staff or checkout",
    },
  },
  "left-without-buying": {
    vi: "Rời đi không mua",
    en: "Left without buying",
    description: { vi: "Ra về mà không mua", en: "Left without a purchase" },
  },
  purchased: {
    vi: "Đã mua",
    en: "Purchased",
    description: { vi: "Thanh toán mua hàng", en: "Made a purchase" },
  },
  "returned-item": {
    vi: "Đổi trả hàng",
    en: "Returned item",
    description: { vi: "Đổi hoặc trả sản phẩm", en: "Returned or exchanged an item" },
  },
  complained: {
    vi: "Phàn nàn",
    en: "Complained",
    description: { vi: "Bày tỏ không hài lòng", en: "Voiced dissatisfaction" },
  },
} as const satisfies Record<string, Labelled>;

export type DefaultBehaviourCode = keyof typeof DEFAULT_BEHAVIOURS;

type OwnBehaviour = { code: string; label_vi: string; label_en: string };

/**
 * A behaviour as people read it: the store's own label, else the default
 * one, else null (an unknown code). Own properties only: a code such as
 * "constructor" is a valid code, not a default behaviour.
 */
export function behaviourLabels(
  code: string,
  own: readonly OwnBehaviour[] = [],
): { vi: string; en: string } | null {
  const b = own.find((x) => x.code === code);
  if (b) return { vi: b.label_vi, en: b.label_en };
  if (!Object.hasOwn(DEFAULT_BEHAVIOURS, code)) return null;
  const d = DEFAULT_BEHAVIOURS[code as DefaultBehaviourCode];
  return { vi: d.vi, en: d.en };
}
