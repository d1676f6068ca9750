// Synthetic journals for benchmarks: a deterministic mix of store taps,
// feedback, competitor pages (with prices that move), event notes and
// imports, in Vietnamese and English, over six months.
import { DEFAULT_BEHAVIOURS } from "@sightline/shared";
import type { SuggestObservation } from "../../../src/insights/suggestions/observation.ts";

/** mulberry32: a small seeded PRNG, so every run sees the same data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PRODUCTS = [
  "túi xách da",
  "ví nam",
  "balo laptop",
  "giày thể thao",
  "áo khoác",
  "đồng hồ",
  "kính mát",
  "thắt lưng",
  "vali kéo",
  "mũ lưỡi trai",
  "leather bag",
  "running shoes",
  "wallet",
  "backpack",
];
const NOTES = [
  "hỏi giá {p}, nói bên kia rẻ hơn",
  "so sánh {p} với hàng đối thủ",
  "chờ thanh toán lâu",
  "không tìm thấy size {p}",
  "nhân viên tư vấn {p} nhiệt tình",
  "khách chê {p} đắt quá",
  "asked about the price of {p}",
  "compared {p} with the one online",
  "waited at checkout",
  "could not find {p} in stock",
  "liked the design of {p}",
  "hỏi chính sách đổi trả {p}",
];
const PAGES = [
  "{p} giảm giá {n}% trên website",
  "{p} giá {n}00.000đ, rẻ hơn chúng ta",
  "Trang {p} có video và đánh giá",
  "Cam kết {p} chính hãng, bảo hành trọn đời",
  "Free shipping on {p} this week",
  "{p} new colours, {n} options",
  "Thiết kế trang {p} đẹp, ảnh lớn",
  "Miễn phí giao hàng {p} nội thành",
];
const IMPORTS = [
  "Khách phàn nàn giao {p} trễ",
  "Hỏi tổng đài về bảo hành {p}",
  "Survey: {p} too expensive",
  "Đánh giá 2 sao: {p} nhanh hỏng",
  "Review: great {p}, slow delivery",
  "CRM: khách hủy đơn {p} vì giá",
];
const REASONS = ["too-expensive", "slow-checkout", "friendly-staff", "out-of-stock", "nice-design"];
const BEHAVIOURS = Object.keys(DEFAULT_BEHAVIOURS);
const SOURCES = ["CRM", "Tổng đài", "Khảo sát"];
const ZONES = ["Lối vào", "Túi xách", "Giày", "Quầy thu ngân"];

/** `n` observations over 180 days; the same `seed` gives the same list. */
export function syntheticObservations(n: number, seed = 42): SuggestObservation[] {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)] as T;
  // A model code makes most captured texts distinct, as real quotes are.
  const model = () =>
    `mẫu ${String.fromCharCode(65 + Math.floor(r() * 26))}${1000 + Math.floor(r() * 9000)}`;
  const fill = (t: string) =>
    `${t.replace("{p}", pick(PRODUCTS)).replace("{n}", String(1 + Math.floor(r() * 9)))}, ${model()}`;
  const start = Date.parse("2024-01-01T00:00:00Z");
  const out: SuggestObservation[] = [];
  for (let i = 0; i < n; i++) {
    const capturedAt = new Date(start + Math.floor(r() * 180 * 86_400_000)).toISOString();
    const kind = r();
    const id = `syn-${seed}-${i}`;
    if (kind < 0.4) {
      const behaviour = pick(BEHAVIOURS);
      const label = DEFAULT_BEHAVIOURS[behaviour as keyof typeof DEFAULT_BEHAVIOURS].vi;
      out.push({
        id,
        channel: "store",
        method: "shopper-observation",
        capturedAt,
        storeId: `s${i % 3}`,
        behaviour,
        zone: pick(ZONES),
        what: r() < 0.3 ? fill(pick(NOTES)) : label,
      });
    } else if (kind < 0.7) {
      const rating = 1 + Math.floor(r() * 4);
      out.push({
        id,
        channel: "feedback",
        method: "feedback",
        capturedAt,
        storeId: `s${i % 3}`,
        rating,
        what: ["Rất không hài lòng", "Không hài lòng", "Hài lòng", "Rất hài lòng"][
          rating - 1
        ] as string,
        reasons: r() < 0.5 ? [pick(REASONS)] : [],
        suspect: r() < 0.02,
      });
    } else if (kind < 0.9) {
      const page = Math.floor(r() * 200);
      const what = fill(pick(PAGES));
      out.push({
        id,
        channel: "web",
        method: "competitor-audit",
        capturedAt,
        competitorId: `c${page % 10}`,
        url: `https://competitor${page % 10}.vn/p/${page}`,
        what,
        evidence: {
          quote: what,
          facts: {
            prices: [
              {
                amount: 500_000 + (page % 7) * 100_000 - Math.floor(r() * 3) * 50_000,
                currency: "VND",
                source: "json-ld",
                raw: "",
              },
            ],
          },
        },
      });
    } else if (kind < 0.95) {
      out.push({
        id,
        channel: "event",
        method: "event-visit",
        capturedAt,
        eventName: "Hội chợ",
        what: fill(pick(PAGES)),
      });
    } else {
      out.push({
        id,
        channel: "import",
        method: "import",
        capturedAt,
        source: pick(SOURCES),
        sourceRowId: String(i),
        what: fill(pick(IMPORTS)),
      });
    }
  }
  return out;
}
