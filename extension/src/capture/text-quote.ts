// TextQuoteSelector: the quoted text plus 32 characters either side. The
// context is what tells two identical quotes apart (a price shown twice, a
// repeated sentence), so exact search scores every occurrence by how much of
// the prefix and suffix still surround it.
import type { TextQuoteSelector } from "./selector-types.ts";
import type { TextSpan } from "./text-index.ts";

/** Characters of context kept each side of a quote. */
export const QUOTE_CONTEXT = 32;
/** Longest quote we capture (the wire cap on `exact`). */
export const MAX_QUOTE = 4000;
/** Occurrences scored before giving up looking for more (keeps "the" cheap). */
const MAX_OCCURRENCES = 1000;

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The selector for `span` of `text` (the root's textContent). */
export function describeTextQuote(text: string, span: TextSpan): TextQuoteSelector {
  let from = Math.max(0, span.start - QUOTE_CONTEXT);
  if (isLowSurrogate(text.charCodeAt(from))) from++;
  let to = Math.min(text.length, span.end + QUOTE_CONTEXT);
  if (isLowSurrogate(text.charCodeAt(to))) to--;
  const selector: TextQuoteSelector = {
    type: "TextQuoteSelector",
    exact: text.slice(span.start, span.end),
  };
  if (from < span.start) selector.prefix = text.slice(from, span.start);
  if (span.end < to) selector.suffix = text.slice(span.end, to);
  return selector;
}

/** What we know about where a quote was. */
export interface QuoteContext {
  prefix?: string | undefined;
  suffix?: string | undefined;
  /** Expected start offset (from a TextPositionSelector). */
  hint?: number | undefined;
}

/** Characters of `prefix` that still end right at `at` in `text`. */
function prefixAgreement(text: string, at: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && at - n - 1 >= 0 && text[at - n - 1] === prefix[prefix.length - n - 1])
    n++;
  return n;
}

/** Characters of `suffix` that still start right at `at` in `text`. */
function suffixAgreement(text: string, at: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && at + n < text.length && text[at + n] === suffix[n]) n++;
  return n;
}

/**
 * The occurrence of `quote` in `text` (optionally only inside `within`) whose
 * surroundings agree most with the context; ties go to the one nearest the
 * hint. Null when the quote is empty or does not occur.
 */
export function findExactQuote(
  text: string,
  quote: string,
  context: QuoteContext = {},
  within: TextSpan = { start: 0, end: text.length },
): TextSpan | null {
  if (quote.length === 0) return null;
  let best: { start: number; agreement: number; distance: number } | null = null;
  let from = within.start;
  for (let seen = 0; seen < MAX_OCCURRENCES; seen++) {
    const start = text.indexOf(quote, from);
    if (start < 0 || start + quote.length > within.end) break;
    const agreement =
      (context.prefix ? prefixAgreement(text, start, context.prefix) : 0) +
      (context.suffix ? suffixAgreement(text, start + quote.length, context.suffix) : 0);
    const distance = context.hint === undefined ? 0 : Math.abs(start - context.hint);
    if (
      !best ||
      agreement > best.agreement ||
      (agreement === best.agreement && distance < best.distance)
    ) {
      best = { start, agreement, distance };
    }
    from = start + 1;
  }
  return best && { start: best.start, end: best.start + quote.length };
}
