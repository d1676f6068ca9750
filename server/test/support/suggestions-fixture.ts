// Test and bench data: observation builders and the "price" journal, where
// the right grouping is known — price complaints at the feedback kiosk,
// asked-price taps on the shop floor and a competitor's lower price on its
// site belong together; waiting at checkout is a second, smaller theme.
import type { SuggestObservation } from "../../src/insights/suggestions/observation.ts";

let counter = 0;
const DAY = 86_400_000;
export const FIXTURE_START = Date.parse("2024-03-01T03:00:00Z");

/** An observation at `day` days (fractions allowed) after FIXTURE_START, as Asia/Ho_Chi_Minh time. */
export function at(day: number): string {
  const local = new Date(FIXTURE_START + day * DAY + 7 * 3_600_000).toISOString();
  return `${local.slice(0, 19)}+07:00`;
}

export function obs(
  fields: Partial<SuggestObservation> & Pick<SuggestObservation, "channel">,
): SuggestObservation {
  counter++;
  const method =
    fields.channel === "web"
      ? "competitor-audit"
      : fields.channel === "store"
        ? "shopper-observation"
        : fields.channel === "feedback"
          ? "feedback"
          : fields.channel === "import"
            ? "import"
            : "event-visit";
  return { id: `o${counter}`, method, capturedAt: at(0), what: "…", ...fields };
}

export const tap = (
  behaviour: string,
  what: string,
  day: number,
  extra: Partial<SuggestObservation> = {},
) =>
  obs({
    channel: "store",
    storeId: "s1",
    behaviour,
    what,
    capturedAt: at(day),
    zone: "Túi xách",
    ...extra,
  });

export const rate = (
  rating: number,
  day: number,
  reasons: string[] = [],
  extra: Partial<SuggestObservation> = {},
) =>
  obs({
    channel: "feedback",
    storeId: "s1",
    rating,
    reasons,
    what: ["", "Rất không hài lòng", "Không hài lòng", "Hài lòng", "Rất hài lòng"][rating] ?? "",
    question: "Bạn có hài lòng với lần mua sắm hôm nay?",
    capturedAt: at(day),
    ...extra,
  });

export const page = (
  what: string,
  day: number,
  amount?: number,
  extra: Partial<SuggestObservation> = {},
) =>
  obs({
    channel: "web",
    competitorId: "c1",
    url: "https://shop-doi-thu.vn/tui-xach-da",
    what,
    capturedAt: at(day),
    ...(amount === undefined
      ? {}
      : {
          evidence: {
            quote: what,
            facts: { prices: [{ amount, currency: "VND", source: "json-ld", raw: `${amount}đ` }] },
          },
        }),
    ...extra,
  });

export const REASON_NEEDS = new Map([
  ["too-expensive", "price" as const],
  ["slow-checkout", "efficiency" as const],
  ["friendly-staff", "empathy" as const],
]);

export type PriceJournal = {
  observations: SuggestObservation[];
  price: Set<string>;
  waiting: Set<string>;
};

/** The price journal: ~100 observations over a month, with a price cut on day 10. */
export function priceJournal(): PriceJournal {
  const price: SuggestObservation[] = [
    page("Túi xách da Classic giá 1.490.000đ", 1, 1_490_000),
    page("Túi xách da Classic giảm còn 1.290.000đ, rẻ hơn chúng ta 200.000đ", 10, 1_290_000),
    ...[1, 3].map((d) => tap("asked-price", "Hỏi giá", d)),
    ...[10.5, 11, 11.2, 12, 13, 14, 15, 16, 18, 20].map((d, i) =>
      tap("asked-price", i % 3 === 0 ? "Hỏi giá túi xách, nói bên kia rẻ hơn" : "Hỏi giá", d),
    ),
    ...[11, 12.5, 13, 15, 17, 19].map((d) => rate(1 + (d % 2), d, ["too-expensive"])),
    rate(2, 14, ["too-expensive"], { why: "Giá cao hơn chỗ khác" }),
  ];
  const waiting: SuggestObservation[] = [
    ...[2, 6, 9, 16, 22].map((d) =>
      tap("waited", "Chờ thanh toán lâu", d, { zone: "Quầy thu ngân" }),
    ),
    ...[4, 8, 21].map((d) => rate(2, d, ["slow-checkout"])),
  ];
  const noise: SuggestObservation[] = [
    ...Array.from({ length: 24 }, (_, i) =>
      tap("entered", "Vào cửa hàng", i * 0.9, { zone: "Lối vào" }),
    ),
    ...Array.from({ length: 12 }, (_, i) => tap("browsed", "Xem hàng", i * 1.7, { zone: "Ví" })),
    ...Array.from({ length: 6 }, (_, i) => tap("purchased", "Đã mua", i * 3.5)),
    // Content customers: many before the cut, fewer after it.
    ...Array.from({ length: 20 }, (_, i) => rate(i % 5 === 0 ? 3 : 4, i * 0.5)),
    ...Array.from({ length: 8 }, (_, i) => rate(4, 10.2 + i * 1.75)),
    ...[12.2, 14.4, 16.6, 18.8].map((d) => rate(2, d)),
    ...[5, 7, 9, 11].map((d) => rate(4, d + 0.3, ["friendly-staff"])),
    page("Website đối thủ thiết kế đẹp, ảnh sản phẩm lớn", 3),
    page("Trang chủ đối thủ có video giới thiệu bộ sưu tập mới", 12),
  ];
  return {
    observations: [...price, ...waiting, ...noise],
    price: new Set(price.map((o) => o.id)),
    waiting: new Set(waiting.map((o) => o.id)),
  };
}
