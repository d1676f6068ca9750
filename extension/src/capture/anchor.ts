// Re-anchoring: find a captured quote on the page again, as Hypothesis does.
// Structure first (RangeSelector — ours or Hypothesis's —, CssSelector), then
// offsets (TextPositionSelector), each accepted only if the text there is
// still the quote *and* its surroundings agree at least as well as at the best
// occurrence anywhere (a copy of the sentence where the XPath now points is
// not the quote); then an exact quote search scored on approximate context;
// then a strict fuzzy search for edited quotes, snapped to whole words. One
// text index serves all steps; malformed selectors are skipped, never thrown on.
import { DISTINCTIVE_QUOTE, findFuzzyQuote, MIN_CONTEXT } from "./fuzzy-quote.ts";
import { resolveCssSelector, resolveRangeSelector } from "./range-selector.ts";
import { type AnySelector, type CssSelector, selectorOfType } from "./selector-types.ts";
import { indexText, type TextIndex, type TextSpan } from "./text-index.ts";
import { resolveTextPosition } from "./text-position.ts";
import {
  contextScore,
  cutsWord,
  findExactQuote,
  type QuoteContext,
  type QuoteMatch,
  wordEdges,
} from "./text-quote.ts";

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
/** How much worse than the best occurrence a structural match's context may be. */
const CONTEXT_TOLERANCE = 0.05;

/** `fn()`, or null when a malformed selector makes it throw. */
function safely<T>(fn: () => T | null): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

function structural(
  index: TextIndex,
  selectors: readonly AnySelector[],
  quote: string,
  context: QuoteContext,
  best: QuoteMatch | null,
): { span: TextSpan; via: AnchorStrategy } | null {
  const { text } = index;
  // The quote is here, and its surroundings agree about as well as at the best
  // place (or, when exact search cannot see it — NFD pages —, reasonably well).
  const fits = (span: TextSpan | null): span is TextSpan => {
    if (span === null || !sameText(text.slice(span.start, span.end), quote)) return false;
    if (cutsWord(text, span.start, span.end, wordEdges(quote, context))) return false;
    if (best && span.start === best.start) return true;
    const around = contextScore(text, span.start, span.end, context);
    return best ? around >= best.context - CONTEXT_TOLERANCE : around >= MIN_CONTEXT;
  };
  for (const s of selectors) {
    if (s?.type !== "RangeSelector") continue;
    const span = safely(() => {
      const region = resolveRangeSelector(index, s);
      if (!region) return null;
      // Offsets may have drifted a little; a region is searched whole.
      const slack = region.precise ? quote.length + 32 : 0;
      const within = {
        start: Math.max(0, region.start - slack),
        end: Math.min(text.length, region.end + slack),
      };
      return findExactQuote(text, quote, { ...context, hint: region.start }, within);
    });
    if (fits(span)) return { span, via: "range" };
  }
  for (const s of selectors) {
    if (s?.type !== "CssSelector") continue;
    const span = safely(() => {
      const at = resolveCssSelector(index, s as CssSelector);
      if (!at || (s as CssSelector).refinedBy) return at;
      return findExactQuote(text, quote, context, at);
    });
    if (fits(span)) return { span, via: "css" };
  }
  const position = selectorOfType(selectors, "TextPositionSelector");
  const span = position ? safely(() => resolveTextPosition(index, position)) : null;
  if (fits(span)) return { span, via: "position" };
  return null;
}

/**
 * Find the quote described by `selectors` under `root`, trying in order
 * RangeSelector, CssSelector, TextPositionSelector (each checked against the
 * quote and its context), exact TextQuote search, strict fuzzy search. Null
 * when there is no quote to look for or it is no longer (unambiguously) on the page.
 */
export function anchorMatch(
  root: Node,
  selectors: readonly AnySelector[],
  options: AnchorOptions = {},
): AnchorMatch | null {
  const tq = selectorOfType(selectors, "TextQuoteSelector");
  const quote = options.quote ?? tq?.exact;
  if (!quote) return null;
  const index = indexText(root);
  const context: QuoteContext = {
    prefix: typeof tq?.prefix === "string" ? tq.prefix : undefined,
    suffix: typeof tq?.suffix === "string" ? tq.suffix : undefined,
    hint: selectorOfType(selectors, "TextPositionSelector")?.start,
  };
  const exact = findExactQuote(index.text, quote, context);
  let found = structural(index, selectors, quote, context, exact);
  // Found by search alone, a short or repeated quote needs its surroundings to
  // agree: the same three words elsewhere on the page are not the quote.
  const trusted = (m: QuoteMatch) =>
    m.context >= MIN_CONTEXT ||
    (quote.length >= DISTINCTIVE_QUOTE &&
      index.text.indexOf(quote, m.start + 1) < 0 &&
      index.text.indexOf(quote) === m.start);
  if (!found && exact && trusted(exact)) found = { span: exact, via: "quote" };
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
  selectors: readonly AnySelector[],
  options: AnchorOptions = {},
): Range | null {
  return anchorMatch(root, selectors, options)?.range ?? null;
}
