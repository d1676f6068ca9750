// Kiosk observations for one demo store: behaviour taps by staff (each note
// composed — who, what, which product, where — so no two read alike) and
// customers' one-tap feedback whose reasons carry their needs, all inside
// shop hours, in Vietnamese and English, with the price-war week showing
// more price questions, walk-outs and unhappy price feedback.
import { AGE_BANDS, DEFAULT_BEHAVIOURS, PARTIES } from "@sightline/shared";
import { DEMO_STORES, type DemoStoreKey, SHOP_HOURS } from "./catalog.ts";
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
const PRODUCTS = [
  "Galaxy A55",
  "iPhone 15",
  "Redmi Note 13",
  "OPPO Reno11",
  "Galaxy S24",
  "Vivo V30",
  "AirPods Pro",
  "MacBook Air M3",
  "iPad Gen 10",
  "Apple Watch SE",
  "Sony WH-1000XM5",
  "JBL Flip 6",
  "Anker 20.000 mAh",
  "ASUS Vivobook 15",
];
type Words = { vi: string; en: string };
const WHO: Record<string, Words> = {
  alone: { vi: "Khách đi một mình", en: "A shopper on their own" },
  couple: { vi: "Một cặp đôi", en: "A couple" },
  family: { vi: "Một gia đình có con nhỏ", en: "A family with a small child" },
  group: { vi: "Nhóm bạn trẻ", en: "A group of young friends" },
};
const TOPICS: Words[] = [
  { vi: "bảo hành", en: "the warranty" },
  { vi: "thời lượng pin", en: "battery life" },
  { vi: "camera", en: "the camera" },
  { vi: "trả góp 0%", en: "0% instalments" },
  { vi: "màu còn hàng", en: "which colours are in stock" },
];
const PAYMENTS: Words[] = [
  { vi: "trả bằng thẻ", en: "paying by card" },
  { vi: "trả tiền mặt", en: "paying cash" },
  { vi: "trả góp 0%", en: "on 0% instalments" },
  { vi: "quét mã QR", en: "paying by QR code" },
];
const ISSUES: Words[] = [
  { vi: "máy trưng bày hết pin", en: "display phones with flat batteries" },
  { vi: "không có nhân viên ở khu laptop", en: "no staff at the laptop area" },
  { vi: "giá niêm yết khác giá ở quầy", en: "a shelf price that differs from the till" },
  { vi: "máy lạnh quá lạnh", en: "the air conditioning being too cold" },
];

/**
 * What a staff member would write for a tap: who, what they did with which
 * product, where — composed, so a month of taps reads like notes, not one
 * label repeated. `war`: the week after the competitor's cut, price taps
 * mention it.
 */
function tapText(rng: Rng, b: Behaviour, who: Words, zone: string, war: boolean): Words {
  const p = rng.pick(PRODUCTS);
  const q = rng.pick(PRODUCTS.filter((x) => x !== p));
  const min = 2 + rng.int(14);
  const topic = rng.pick(TOPICS);
  const pay = rng.pick(PAYMENTS);
  const w = (vi: string, en: string): Words => ({ vi, en });
  switch (b) {
    case "entered":
      return w(
        `${who.vi} vào cửa hàng, đi thẳng tới ${zone} tìm ${p}`,
        `${who.en} came in and went straight to ${zone} looking for the ${p}`,
      );
    case "browsed":
      return w(
        `${who.vi} xem ${p} ở ${zone} khoảng ${min} phút`,
        `${who.en} looked at the ${p} at ${zone} for about ${min} minutes`,
      );
    case "picked-up":
      return w(
        `${who.vi} cầm ${p} lên xem kỹ ở ${zone}`,
        `${who.en} picked up the ${p} at ${zone} for a close look`,
      );
    case "compared-products":
      return w(
        `${who.vi} so sánh ${p} với ${q} ở ${zone}`,
        `${who.en} compared the ${p} with the ${q} at ${zone}`,
      );
    case "asked-staff":
      return w(
        `${who.vi} hỏi nhân viên về ${topic.vi} của ${p}`,
        `${who.en} asked staff about ${topic.en} of the ${p}`,
      );
    case "tried-on":
      return w(
        `${who.vi} dùng thử ${p} ${min} phút`,
        `${who.en} tried the ${p} for ${min} minutes`,
      );
    case "purchased":
      return w(
        `${who.vi} mua ${p} ở quầy thu ngân, ${pay.vi}`,
        `${who.en} bought the ${p} at the till, ${pay.en}`,
      );
    case "waited":
      return w(
        `${who.vi} chờ thanh toán ${min} phút mới tới lượt mua ${p}`,
        `${who.en} waited ${min} minutes to pay for the ${p}`,
      );
    case "put-back":
      return w(
        `${who.vi} đặt ${p} xuống sau khi xem giá ở ${zone}`,
        `${who.en} put the ${p} back at ${zone} after seeing the price`,
      );
    case "asked-price":
      return war
        ? w(
            `${who.vi} hỏi giá ${p} ở ${zone}, nói PhoneHub đang bán Galaxy A55 rẻ hơn 1,5 triệu`,
            `${who.en} asked the price of the ${p} at ${zone}, saying PhoneHub sells the Galaxy A55 1.5 million cheaper`,
          )
        : w(`${who.vi} hỏi giá ${p} ở ${zone}`, `${who.en} asked the price of the ${p} at ${zone}`);
    case "checked-phone":
      return w(
        `${who.vi} mở web PhoneHub trên điện thoại để so giá ${p} ở ${zone}`,
        `${who.en} opened PhoneHub on their phone at ${zone} to compare the price of the ${p}`,
      );
    case "left-without-buying":
      return war
        ? w(
            `${who.vi} xem ${p} ở ${zone} rồi rời đi, bảo sẽ mua ở PhoneHub cho rẻ`,
            `${who.en} looked at the ${p} at ${zone}, then left saying PhoneHub is cheaper`,
          )
        : w(
            `${who.vi} xem ${p} ở ${zone} rồi rời đi không mua`,
            `${who.en} looked at the ${p} at ${zone} and left without buying`,
          );
    case "complained": {
      const issue = rng.pick(ISSUES);
      return w(
        `${who.vi} phàn nàn về ${issue.vi} (${zone})`,
        `${who.en} complained about ${issue.en} (${zone})`,
      );
    }
    default:
      return w(
        `${who.vi}: ${DEFAULT_BEHAVIOURS[b].vi} (${p})`,
        `${who.en}: ${DEFAULT_BEHAVIOURS[b].en} (${p})`,
      );
  }
}

function tap(
  rng: Rng,
  t: Timeline,
  store: DemoStoreKey,
  storeId: string,
  day: number,
  zones: readonly string[],
  b: Behaviour,
  war: boolean,
  seen: Set<string>,
): Fields {
  const en = rng.chance(0.3);
  const zone = b === "purchased" || b === "waited" ? (zones.at(-1) as string) : rng.pick(zones);
  const segment = { ageBand: rng.pick(AGE_BANDS), party: rng.pick(PARTIES) };
  const who = WHO[segment.party] ?? { vi: "Khách", en: "A shopper" };
  // Re-roll the product (and so the words) until the text is new this month.
  let text = tapText(rng, b, who, zone, war);
  for (let k = 0; k < 50 && (seen.has(text.vi) || seen.has(text.en)); k++)
    text = tapText(rng, b, who, zone, war);
  seen.add(text.vi);
  seen.add(text.en);
  return {
    channel: "store",
    method: "shopper-observation",
    capturedAt: t.at(
      day,
      SHOP_HOURS.open + rng.int(SHOP_HOURS.close - SHOP_HOURS.open),
      rng.int(60),
    ),
    storeId,
    behaviour: b,
    zone,
    segment,
    what: en ? text.en : text.vi,
    ...(NEEDS[b] ? { needs: NEEDS[b] } : {}),
    ...(b === "browsed" || b === "tried-on" ? { durationSec: 30 + rng.int(600) } : {}),
    ...(store === "hn" && rng.chance(0.1) ? { tags: ["cuối-tuần"] } : {}),
  };
}

const REASON_VI = Object.fromEntries(DEMO_STORES.hcm.reasons.map((r) => [r.code, r.label_vi]));
/** The need each feedback reason stands for (the store's own reason config). */
const REASON_NEED = Object.fromEntries(DEMO_STORES.hcm.reasons.map((r) => [r.code, r.need]));

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
    capturedAt: t.at(
      day,
      SHOP_HOURS.open + rng.int(SHOP_HOURS.close - SHOP_HOURS.open),
      rng.int(60),
    ),
    storeId,
    rating,
    question,
    reasons,
    what: `Khách chấm ${rating}/4${reasons.length ? ` — ${reasons.map((r) => REASON_VI[r]).join(", ")}` : ""}`,
    ...(reasons.length ? { needs: [...new Set(reasons.map((r) => REASON_NEED[r]))] } : {}),
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
  /** Texts already used (shared by both stores, so no note repeats across them). */
  seen = new Set<string>(),
): Fields[] {
  const out: Fields[] = [];
  for (let day = 0; day < DAYS; day++) {
    const war = inPriceWar(day);
    const taps = (store === "hcm" ? 4 : 3) + rng.int(3);
    for (let i = 0; i < taps; i++)
      out.push(tap(rng, t, store, storeId, day, zones, rng.pick(EVERYDAY), false, seen));
    if (war)
      for (let i = 0; i < 2 + rng.int(3); i++)
        out.push(tap(rng, t, store, storeId, day, zones, rng.pick(PRICE_WAR), true, seen));
    if (rng.chance(0.15))
      out.push(tap(rng, t, store, storeId, day, zones, "complained", war, seen));
    for (let i = 0; i < 2 + rng.int(2); i++)
      out.push(feedback(rng, t, storeId, day, false, question));
    if (war)
      for (let i = 0; i < 1 + rng.int(3); i++)
        out.push(feedback(rng, t, storeId, day, true, question));
  }
  return out.sort((a, b) => String(a.capturedAt).localeCompare(String(b.capturedAt)));
}
