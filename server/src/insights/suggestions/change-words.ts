// Does a text speak of a competitor's price cut or claim? Word lists matched
// on folded text, remembered per text between requests. Apart from
// competitor-changes.ts because featurise.ts asks it once per row, and
// competitor-changes.ts reads featurise's types (no import cycle).
import { foldText } from "@sightline/shared/text/fold";

const PRICE_WORDS = [
  "giam gia",
  "khuyen mai",
  "uu dai",
  "dong gia",
  "gia soc",
  "re hon",
  "xa hang",
  "flash sale",
  "sale",
  "discount",
  "price cut",
  "price drop",
  "lower price",
  "cheaper",
];
const CLAIM_WORDS = [
  "cam ket",
  "tot nhat",
  "so 1",
  "hang dau",
  "duy nhat",
  "bao hanh tron doi",
  "mien phi",
  "claim",
  "best price",
  "best quality",
  "number one",
  "guarantee",
  "guaranteed",
  "free shipping",
];
const PRICE_PATTERN = new RegExp(`(^| )(${PRICE_WORDS.map(foldText).join("|")}|giam \\d+)( |$)`);
const CLAIM_PATTERN = new RegExp(`(^| )(${CLAIM_WORDS.map(foldText).join("|")})( |$)`);

/**
 * Price/claim words per text, kept between requests (a pure function of the
 * text): after one new observation only its text is folded and matched.
 * Bounded; cleared with the feature caches.
 */
const KIND_OF_TEXT = new Map<string, number>();
const MAX_KIND_TEXTS = 200_000;

export function clearChangeCache(): void {
  KIND_OF_TEXT.clear();
}

const kindOf = (folded: string) =>
  (PRICE_PATTERN.test(folded) ? 1 : 0) | (CLAIM_PATTERN.test(folded) ? 2 : 0);

/** 1: the text speaks of a price cut; 2: of a claim (featurise.ts keeps it per row). */
export function textChangeKind(text: string): number {
  let kind = KIND_OF_TEXT.get(text);
  if (kind === undefined) {
    kind = kindOf(foldText(text));
    if (KIND_OF_TEXT.size >= MAX_KIND_TEXTS) KIND_OF_TEXT.clear();
    KIND_OF_TEXT.set(text, kind);
  }
  return kind;
}
