// Kiosk observations for one demo store: behaviour taps by staff and
// customers' one-tap feedback, in Vietnamese and English, with the price-war
// week showing more price questions, walk-outs and unhappy price feedback.
import { AGE_BANDS, DEFAULT_BEHAVIOURS, PARTIES } from "@sightline/shared";
import { DEMO_STORES, type DemoStoreKey } from "./catalog.ts";
import type { Rng } from "./random.ts";
import { DAYS, inPriceWar, type Timeline } from "./timeline.ts";

type Fields = Record<string, unknown>;
type Behaviour = keyof typeof DEFAULT_BEHAVIOURS;

const EVERYDAY: Behaviour[] = [
  "entered",
  "browsed",
  "browsed",
  "picked-up",
  "compared-products",
  "asked-staff",
  "tried-on",
  "purchased",
  "purchased",
  "waited",
  "put-back",
  "asked-price",
];
const PRICE_WAR: Behaviour[] = [
  "asked-price",
  "asked-price",
  "checked-phone",
  "left-without-buying",
  "compared-products",
];
const NEEDS: Partial<Record<Behaviour, string[]>> = {
  "asked-price": ["price"],
  "checked-phone": ["price", "information"],
  "left-without-buying": ["price"],
  waited: ["efficiency"],
  "asked-staff": ["information"],
  complained: ["experience"],
  "compared-products": ["options"],
};
const PRICE_NOTES = [
  {
    vi: "Khách nói PhoneHub đang bán Galaxy A55 rẻ hơn 1,5 triệu",
    en: "Customer said PhoneHub sells the Galaxy A55 1.5 million cheaper",
  },
  {
    vi: "Khách mở web PhoneHub cho nhân viên xem giá",
    en: "Customer showed staff the PhoneHub price on their phone",
  },
  { vi: "Hỏi có giảm giá bằng bên kia không", en: "Asked whether we match the other shop's price" },
  {
    vi: "Xem máy rồi bảo sẽ mua online cho rẻ",
    en: "Looked at the phone, said they will buy online where it is cheaper",
  },
];
const EVERYDAY_NOTES = [
  { vi: "Hỏi về trả góp 0%", en: "Asked about 0% instalments" },
  { vi: "Cặp đôi so sánh hai màu", en: "A couple compared two colours" },
  { vi: "Chờ quầy thu ngân khá lâu", en: "Waited a while at the till" },
  { vi: "Thích dùng thử camera", en: "Enjoyed trying the camera" },
];

function tap(
  rng: Rng,
  t: Timeline,
  store: DemoStoreKey,
  storeId: string,
  day: number,
  zones: readonly string[],
  b: Behaviour,
  war: boolean,
): Fields {
  const label = DEFAULT_BEHAVIOURS[b];
  const en = rng.chance(0.3);
  const notes = war && (NEEDS[b] ?? []).includes("price") ? PRICE_NOTES : EVERYDAY_NOTES;
  const note = rng.chance(war ? 0.6 : 0.25) ? rng.pick(notes) : null;
  return {
    channel: "store",
    method: "shopper-observation",
    capturedAt: t.at(day, 9 + rng.int(12), rng.int(60)),
    storeId,
    behaviour: b,
    zone: b === "purchased" || b === "waited" ? zones.at(-1) : rng.pick(zones),
    segment: { ageBand: rng.pick(AGE_BANDS), party: rng.pick(PARTIES) },
    what: note ? (en ? note.en : note.vi) : en ? label.en : label.vi,
    ...(NEEDS[b] ? { needs: NEEDS[b] } : {}),
    ...(b === "browsed" || b === "tried-on" ? { durationSec: 30 + rng.int(600) } : {}),
    ...(store === "hn" && rng.chance(0.1) ? { tags: ["cuối-tuần"] } : {}),
  };
}

const REASON_VI = Object.fromEntries(DEMO_STORES.hcm.reasons.map((r) => [r.code, r.label_vi]));

function feedback(
  rng: Rng,
  t: Timeline,
  storeId: string,
  day: number,
  unhappyPrice: boolean,
  question: string,
): Fields {
  const rating = unhappyPrice ? 1 + rng.int(2) : rng.pick([2, 3, 3, 4, 4, 4]);
  const reasons = unhappyPrice
    ? ["too-pricey"]
    : rating >= 3
      ? rng.chance(0.5)
        ? ["helpful-staff"]
        : []
      : [rng.pick(["long-wait", "out-of-stock", "unclear-offer"])];
  return {
    channel: "feedback",
    method: "feedback",
    capturedAt: t.at(day, 10 + rng.int(11), rng.int(60)),
    storeId,
    rating,
    question,
    reasons,
    what: `Khách chấm ${rating}/4${reasons.length ? ` — ${reasons.map((r) => REASON_VI[r]).join(", ")}` : ""}`,
    ...(reasons.includes("too-pricey") ? { needs: ["price"] } : {}),
    ...(rng.chance(0.03) ? { suspect: true } : {}),
  };
}

/** Every create for one store's kiosk, oldest first. */
export function storeFloor(
  rng: Rng,
  t: Timeline,
  store: DemoStoreKey,
  storeId: string,
  zones: readonly string[],
  question: string,
): Fields[] {
  const out: Fields[] = [];
  for (let day = 0; day < DAYS; day++) {
    const war = inPriceWar(day);
    const taps = (store === "hcm" ? 4 : 3) + rng.int(3);
    for (let i = 0; i < taps; i++)
      out.push(tap(rng, t, store, storeId, day, zones, rng.pick(EVERYDAY), false));
    if (war)
      for (let i = 0; i < 2 + rng.int(3); i++)
        out.push(tap(rng, t, store, storeId, day, zones, rng.pick(PRICE_WAR), true));
    if (rng.chance(0.15)) out.push(tap(rng, t, store, storeId, day, zones, "complained", war));
    for (let i = 0; i < 2 + rng.int(2); i++)
      out.push(feedback(rng, t, storeId, day, false, question));
    if (war)
      for (let i = 0; i < 1 + rng.int(3); i++)
        out.push(feedback(rng, t, storeId, day, true, question));
  }
  return out.sort((a, b) => String(a.capturedAt).localeCompare(String(b.capturedAt)));
}
