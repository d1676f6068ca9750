// TextQuoteSelector: the quoted text plus 32 characters either side. The
// context is what tells two identical quotes apart (a price shown twice, a
// repeated sentence), so exact search scores every occurrence by how much of
// the prefix and suffix still surround it — approximately, so a context that
// is one space or one word off still counts for almost all it is worth.
import search from "approx-string-match";
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

/** 1 when `pattern` occurs in `text` unchanged, falling to 0 as edits grow. */
export function similarity(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return 0;
  const errors = search(text, pattern, pattern.length)[0]?.errors ?? pattern.length;
  return Math.max(0, 1 - errors / pattern.length);
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
/** True for a letter, digit or combining mark: a character that continues a word. */
export const isWordChar = (c: string | undefined) => c !== undefined && c !== "" && WORD.test(c);

/**
 * Whether the quote began (ended) at a word boundary when it was captured, as
 * its prefix (suffix) shows: then a match must not begin (end) inside a word.
 */
export function wordEdges(quote: string, context: QuoteContext): { start: boolean; end: boolean } {
  return {
    start: !(isWordChar(context.prefix?.at(-1)) && isWordChar(quote[0])),
    end: !(isWordChar(quote.at(-1)) && isWordChar(context.suffix?.[0])),
  };
}

/** True when `[start, end)` of `text` cuts a word on a side where the quote did not. */
export function cutsWord(
  text: string,
  start: number,
  end: number,
  edges: { start: boolean; end: boolean },
): boolean {
  return (
    (edges.start && isWordChar(text[start - 1]) && isWordChar(text[start])) ||
    (edges.end && isWordChar(text[end - 1]) && isWordChar(text[end]))
  );
}

/** Characters of slack around the context windows (a word inserted or removed next to the quote). */
const SLACK = 8;

/**
 * How well the text around `[start, end)` agrees with the captured prefix and
 * suffix, in [0, 1] (1 when there is no context to check). Edit-distance
 * based: one extra space or changed word costs a little, not everything.
 */
export function contextScore(
  text: string,
  start: number,
  end: number,
  context: QuoteContext,
): number {
  const scores: number[] = [];
  if (context.prefix) {
    const from = Math.max(0, start - context.prefix.length - SLACK);
    scores.push(similarity(text.slice(from, start), context.prefix));
  }
  if (context.suffix)
    scores.push(similarity(text.slice(end, end + context.suffix.length + SLACK), context.suffix));
  return scores.length === 0 ? 1 : scores.reduce((a, b) => a + b, 0) / scores.length;
}

/** An occurrence of a quote and how well its surroundings agree with the context. */
export interface QuoteMatch extends TextSpan {
  /** `contextScore` at this occurrence. */
  context: number;
}

/**
 * The occurrence of `quote` in `text` (optionally only inside `within`) whose
 * surroundings agree most with the context (approximately); ties go to the one
 * nearest the hint. An occurrence inside a longer word ("about a" in "about
 * ax") does not count unless the quote itself was cut so. Null when the quote
 * is empty or does not occur.
 */
export function findExactQuote(
  text: string,
  quote: string,
  context: QuoteContext = {},
  within: TextSpan = { start: 0, end: text.length },
): QuoteMatch | null {
  if (quote.length === 0) return null;
  let best: { start: number; context: number; distance: number } | null = null;
  const edges = wordEdges(quote, context);
  let from = within.start;
  for (let seen = 0; seen < MAX_OCCURRENCES; seen++) {
    const start = text.indexOf(quote, from);
    if (start < 0 || start + quote.length > within.end) break;
    from = start + 1;
    if (cutsWord(text, start, start + quote.length, edges)) continue;
    const agreement = contextScore(text, start, start + quote.length, context);
    const distance = context.hint === undefined ? 0 : Math.abs(start - context.hint);
    if (
      !best ||
      agreement > best.context + 1e-9 ||
      (agreement > best.context - 1e-9 && distance < best.distance)
    ) {
      best = { start, context: agreement, distance };
    }
  }
  return best && { start: best.start, end: best.start + quote.length, context: best.context };
}
