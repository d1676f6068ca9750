// Needs an observation implies without being tagged: kiosk behaviours with
// an obvious need ("asked-price" → price), and words in its text or tags.
// Hints widen grouping across channels (a kiosk "hỏi giá" tap, a "too
// expensive" rating and a competitor's lower price all speak of price);
// `why` reports how many needs were tagged and how many inferred. Folded
// syllables are ambiguous ("dat" is đắt / đặt, "re" is rẻ / rẽ, "cham" is chấm / chậm,
// "tien" is tiền / tiện), so such words only count inside a two-word phrase.
import type { NeedCode } from "@sightline/shared";
import { maskOf, needBit } from "./need-mask.ts";

/** Default behaviour → need hints (docs/domain.md "Kiosk behaviours"). */
export const BEHAVIOUR_NEEDS: Readonly<Record<string, readonly NeedCode[]>> = {
  "asked-price": ["price"],
  "compared-products": ["options", "price"],
  "checked-phone": ["information"],
  "asked-staff": ["information"],
  waited: ["efficiency"],
  "returned-item": ["reliability"],
  complained: ["experience"],
};

/** Folded words and two-word phrases (fold.ts) that point at a need. */
const LEXICON: Readonly<Record<NeedCode, string>> = {
  price:
    "gia|gia ca|gia re|gia cao|re hon|dat hon|dat qua|qua dat|re qua|giam gia|khuyen mai|uu dai|" +
    "bao nhieu|voucher|price|prices|pricing|cheap|cheaper|expensive|overpriced|discount|" +
    "sale|promotion|promo|coupon",
  efficiency:
    "cho lau|doi lau|cho doi|kha lau|lau qua|qua lau|xep hang|cham chap|thu ngan|" +
    "wait|waiting|waited|queue|slow|fast|quick|checkout|till",
  information: "thong tin|huong dan|tu van|information|info|details|specs|advice|explain",
  options: "lua chon|het hang|mau ma|kich co|size|choice|choices|options|variety|stock",
  experience: "trai nghiem|khong gian|experience|atmosphere|ambience",
  empathy: "than thien|tho lo|lang nghe|nhiet tinh|friendly|rude|polite|care|listen",
  reliability: "bao hanh|hu hong|warranty|broken|defect|defective|reliable|quality|chat luong",
  transparency: "minh bach|phi an|dieu khoan|hidden|transparent|terms|fees|fee",
  convenience: "tien loi|giao hang|gui xe|convenient|delivery|parking|easy",
  access: "gio mo cua|dia chi|hotline|access|opening hours|location",
  design: "thiet ke|dep|xau|mau sac|design|beautiful|ugly|colour|color|style",
  performance: "hieu nang|pin|do ben|performance|battery|durable|speed",
  compatibility: "tuong thich|compatible|compatibility|fits",
  clarity: "kho hieu|ro rang|confusing|unclear|clear|clarity",
  control: "tuy chinh|customise|customize|control|settings",
  function: "chuc nang|tinh nang|function|feature|features",
};

const TERM_MASK = new Map<string, number>();
for (const [need, words] of Object.entries(LEXICON)) {
  for (const w of words.split("|")) TERM_MASK.set(w, (TERM_MASK.get(w) ?? 0) | needBit(need));
}

/** Behaviour code → need mask. */
export const BEHAVIOUR_MASK: ReadonlyMap<string, number> = new Map(
  Object.entries(BEHAVIOUR_NEEDS).map(([b, needs]) => [b, maskOf(needs)]),
);

/** Needs hinted by folded terms (unigrams and bigrams from tokenise.ts), as a need mask. */
export function needsFromTerms(terms: Iterable<string>): number {
  let mask = 0;
  for (const t of terms) mask |= TERM_MASK.get(t) ?? 0;
  return mask;
}
