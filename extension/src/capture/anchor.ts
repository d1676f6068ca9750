// Re-anchoring: find a captured quote on the page again, as Hypothesis does.
// Structure first (RangeSelector, CssSelector), then offsets
// (TextPositionSelector), each accepted only if the text there is still the
// quote; then an exact quote search disambiguated by prefix/suffix; then a
// bounded fuzzy search for edited quotes. One text index serves all steps.
import { findFuzzyQuote } from "./fuzzy-quote.ts";
import { resolveCssSelector, resolveRangeSelector } from "./range-selector.ts";
import { type Selector, selectorOfType } from "./selector-types.ts";
import { indexText, type TextIndex, type TextSpan } from "./text-index.ts";
import { resolveTextPosition } from "./text-position.ts";
import { findExactQuote, type QuoteContext } from "./text-quote.ts";

/** Which step found the quote; "fuzzy" means the text there differs from the quote. */
export type AnchorStrategy = "range" | "css" | "position" | "quote" | "fuzzy";

export interface AnchorMatch extends TextSpan {
  range: Range;
  via: AnchorStrategy;
  /** The page text now at the anchor (equals the quote unless via "fuzzy"). */
  text: string;
}

export interface AnchorOptions {
  /** The text to find; defaults to the TextQuoteSelector's `exact`. */
  quote?: string | undefined;
}

// The server stores text NFC-normalised; some Vietnamese pages are NFD.
const sameText = (a: string, b: string) => a === b || a.normalize("NFC") === b.normalize("NFC");

function structural(
  index: TextIndex,
  selectors: readonly Selector[],
  quote: string,
  context: QuoteContext,
): { span: TextSpan; via: AnchorStrategy } | null {
  const holdsQuote = (span: TextSpan | null) =>
    span !== null && sameText(index.text.slice(span.start, span.end), quote);
  for (const s of selectors) {
    if (s.type !== "RangeSelector") continue;
    const region = resolveRangeSelector(index, s);
    const span = region && findExactQuote(index.text, quote, context, region);
    if (span) return { span, via: "range" };
  }
  for (const s of selectors) {
    if (s.type !== "CssSelector") continue;
    const span = resolveCssSelector(index, s);
    if (s.refinedBy && holdsQuote(span) && span) return { span, via: "css" };
    const inside = !s.refinedBy && span && findExactQuote(index.text, quote, context, span);
    if (inside) return { span: inside, via: "css" };
  }
  const position = selectorOfType(selectors, "TextPositionSelector");
  const span = position ? resolveTextPosition(index, position) : null;
  if (span && holdsQuote(span)) return { span, via: "position" };
  return null;
}

/**
 * Find the quote described by `selectors` under `root`, trying in order
 * RangeSelector, CssSelector, TextPositionSelector (each checked against the
 * quote), exact TextQuote search, fuzzy search. Null when there is no quote to
 * look for or it is no longer on the page.
 */
export function anchorMatch(
  root: Node,
  selectors: readonly Selector[],
  options: AnchorOptions = {},
): AnchorMatch | null {
  const tq = selectorOfType(selectors, "TextQuoteSelector");
  const quote = options.quote ?? tq?.exact;
  if (!quote) return null;
  const index = indexText(root);
  const context: QuoteContext = {
    prefix: tq?.prefix,
    suffix: tq?.suffix,
    hint: selectorOfType(selectors, "TextPositionSelector")?.start,
  };
  let found = structural(index, selectors, quote, context);
  if (!found) {
    const exact = findExactQuote(index.text, quote, context);
    if (exact) found = { span: exact, via: "quote" };
  }
  if (!found) {
    const fuzzy = findFuzzyQuote(index.text, quote, context);
    if (fuzzy) found = { span: fuzzy, via: "fuzzy" };
  }
  const range = found && index.rangeAt(found.span.start, found.span.end);
  if (!found || !range) return null;
  const { start, end } = found.span;
  return { range, start, end, via: found.via, text: index.text.slice(start, end) };
}

/** `anchorMatch`, reduced to the Range (or null). */
export function anchor(
  root: Node,
  selectors: readonly Selector[],
  options: AnchorOptions = {},
): Range | null {
  return anchorMatch(root, selectors, options)?.range ?? null;
}
