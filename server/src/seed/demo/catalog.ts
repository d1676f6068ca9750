// The demo workspace's configuration: two stores of an electronics chain
// (Hồ Chí Minh City and Hà Nội) and three fictional competitors. Names and
// domains are invented (.example) so the demo claims nothing about real shops.
import { type CompetitorInput, DEFAULT_BEHAVIOURS, type StoreInput } from "@sightline/shared";

const behaviours = Object.entries(DEFAULT_BEHAVIOURS).map(([code, b]) => ({
  code,
  label_vi: b.vi,
  label_en: b.en,
}));

const reasons: StoreInput["reasons"] = [
  { code: "too-pricey", need: "price", label_vi: "Giá cao", label_en: "Too expensive" },
  { code: "long-wait", need: "efficiency", label_vi: "Chờ lâu", label_en: "Long wait" },
  {
    code: "helpful-staff",
    need: "empathy",
    label_vi: "Nhân viên nhiệt tình",
    label_en: "Helpful staff",
  },
  { code: "out-of-stock", need: "access", label_vi: "Hết hàng", label_en: "Out of stock" },
  {
    code: "unclear-offer",
    need: "clarity",
    label_vi: "Khuyến mãi khó hiểu",
    label_en: "Unclear offer",
  },
];

const feedbackQuestion = {
  vi: "Hôm nay bạn có hài lòng khi mua sắm tại cửa hàng?",
  en: "Were you happy with your visit today?",
};

/** Both demo stores open 9:00–21:00 local time (taps and feedback fall inside). */
export const SHOP_HOURS = { open: 9, close: 21 } as const;

export const DEMO_STORES = {
  hcm: {
    name: "Sightline Nguyễn Huệ (TP. Hồ Chí Minh)",
    timeZone: "Asia/Ho_Chi_Minh",
    zones: ["Cửa vào", "Kệ điện thoại", "Khu laptop", "Quầy tư vấn", "Quầy thu ngân"],
    behaviours,
    feedbackQuestion,
    reasons,
  },
  hn: {
    name: "Sightline Cầu Giấy (Hà Nội)",
    timeZone: "Asia/Ho_Chi_Minh",
    zones: ["Cửa vào", "Kệ điện thoại", "Phụ kiện", "Quầy tư vấn", "Quầy thu ngân"],
    behaviours,
    feedbackQuestion,
    reasons,
  },
} satisfies Record<string, StoreInput>;

export const DEMO_COMPETITORS = {
  phonehub: { name: "PhoneHub", domains: ["phonehub.example.com"] },
  saoviet: { name: "Điện Máy Sao Việt", domains: ["saoviet.example.vn", "m.saoviet.example.vn"] },
  nhaso: { name: "Nhà Số", domains: ["nhaso.example.vn"] },
} satisfies Record<string, CompetitorInput>;

export type DemoStoreKey = keyof typeof DEMO_STORES;
export type DemoCompetitorKey = keyof typeof DEMO_COMPETITORS;
