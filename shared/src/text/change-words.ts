// Does a text speak of a competitor's price cut or claim? Word lists matched
// on folded text. Decided when a web or event observation is written and
// kept in its stored features (features.ts), so the suggestions' competitor
// changes read a flag instead of folding every capture's text per request.
import { foldText } from "./fold.ts";

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

/** A price cut (1) and/or a claim (2) spoken of in the text; 0 for neither. */
export function changeKindOf(text: string): number {
  const folded = foldText(text);
  return (PRICE_PATTERN.test(folded) ? 1 : 0) | (CLAIM_PATTERN.test(folded) ? 2 : 0);
}
