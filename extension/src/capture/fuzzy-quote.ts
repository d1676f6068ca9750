// Last-resort anchoring: find the quote even after it was edited. Follows
// Hypothesis (src/annotator/anchoring/match-quote.ts): Myers' bit-parallel
// approximate search via approx-string-match with at most min(256, len/2)
// errors, then score each candidate on quote 50 / prefix 20 / suffix 20 /
// position 2. Unlike Hypothesis we are strict — better "not found" than the
// wrong place: a weak match, a match whose context disagrees and a match with
// an equally good rival elsewhere are all refused — and a match is snapped to
// whole words, so a highlight never starts or ends inside a word ("ường lực…")
// unless the quote itself did. The work is bounded on huge pages (Hypothesis
// dropped diff-match-patch after a 40 s freeze).
import search from "approx-string-match";
import type { TextSpan } from "./text-index.ts";
import { contextScore, isWordChar as isWord, type QuoteContext, wordEdges } from "./text-quote.ts";

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
/** Below this normalised score a candidate is not the quote. */
export const MIN_FUZZY_SCORE = 0.75;
/** Below this share of the quote unchanged, a candidate is another passage… */
const MIN_QUOTE_SIMILARITY = 0.7;
/** …unless its surroundings are still almost all there (a short quote with a word changed). */
const MIN_QUOTE_IN_CONTEXT = 0.5;
const STRONG_CONTEXT = 0.85;
/** A match must keep at least this much of its surroundings… */
export const MIN_CONTEXT = 0.5;
/** …unless it is barely edited and long enough to be told apart by itself. */
const BARELY_EDITED = 0.9;
export const DISTINCTIVE_QUOTE = 24;
/** A rival this close to the best score elsewhere makes the match ambiguous. */
const AMBIGUOUS = 0.03;
/** Text searched at most; on bigger pages, a window around the expected position. */
export const MAX_FUZZY_TEXT = 1_000_000;
/** Candidates scored at most (repetitive pages can yield thousands). */
const MAX_CANDIDATES = 50;
/** Places where the prefix (suffix) still is, searched around for the quote. */
const MAX_ANCHORS = 5;

/**
 * Move `[start, end)` to word boundaries in `text`: a boundary inside a word
 * goes to the nearer edge of that word (outwards on a tie), and spaces the
 * quote does not start (end) with are trimmed. A side is left alone when the
 * quote itself started (ended) inside a word, as its prefix (suffix) shows.
 */
export function snapToWords(
  text: string,
  span: TextSpan,
  quote: string,
  context: QuoteContext = {},
): TextSpan {
  let { start, end } = span;
  const edges = wordEdges(quote, context);
  if (edges.start) {
    if (isWord(quote[0])) while (start < end && !isWord(text[start])) start++;
    if (isWord(text[start - 1]) && isWord(text[start])) {
      let wordStart = start;
      while (isWord(text[wordStart - 1])) wordStart--;
      let wordEnd = start;
      while (isWord(text[wordEnd])) wordEnd++;
      if (start - wordStart <= wordEnd - start || wordEnd >= end) start = wordStart;
      else {
        start = wordEnd;
        while (start < end && !isWord(text[start])) start++;
      }
    }
  }
  if (edges.end) {
    if (isWord(quote.at(-1))) while (end > start && !isWord(text[end - 1])) end--;
    if (isWord(text[end - 1]) && isWord(text[end])) {
      let wordEnd = end;
      while (isWord(text[wordEnd])) wordEnd++;
      let wordStart = end;
      while (isWord(text[wordStart - 1])) wordStart--;
      if (wordEnd - end <= end - wordStart || wordStart <= start) end = wordEnd;
      else {
        end = wordStart;
        while (end > start && !isWord(text[end - 1])) end--;
      }
    }
  }
  return end > start ? { start, end } : span;
}

export interface FuzzyMatch extends TextSpan {
  /** Normalised score in [MIN_FUZZY_SCORE, 1]. */
  score: number;
}

/**
 * The best approximate occurrence of `quote` in `text`, snapped to words, or
 * null when none is good enough or two are about as good. Work is
 * O(errors/32 × searched length).
 */
export function findFuzzyQuote(
  text: string,
  quote: string,
  context: QuoteContext = {},
): FuzzyMatch | null {
  if (quote.length === 0 || text.length === 0) return null;
  let offset = 0;
  let haystack = text;
  if (text.length > MAX_FUZZY_TEXT) {
    const centre = context.hint ?? 0;
    offset = Math.max(0, Math.min(text.length - MAX_FUZZY_TEXT, centre - MAX_FUZZY_TEXT / 2));
    haystack = text.slice(offset, offset + MAX_FUZZY_TEXT);
  }
  const maxErrors = Math.min(256, Math.floor(quote.length / 2));
  // The search keeps only the matches with the fewest errors, so an edited
  // quote loses to a near copy elsewhere before it is even scored: also
  // search where its context and its old offset say it should be.
  const found = new Map<string, { start: number; end: number; errors: number }>();
  const collect = (from: number, to: number) => {
    const lo = Math.max(0, from);
    const hi = Math.min(haystack.length, to);
    if (hi - lo < quote.length - maxErrors) return;
    for (const m of search(haystack.slice(lo, hi), quote, maxErrors).slice(0, MAX_CANDIDATES)) {
      const start = m.start + lo + offset;
      const end = m.end + lo + offset;
      found.set(`${start}:${end}`, { start, end, errors: m.errors });
    }
  };
  collect(0, haystack.length);
  const reach = quote.length + maxErrors + 16;
  if (context.hint !== undefined)
    collect(context.hint - offset - reach, context.hint - offset + reach);
  const anchors = (part: string | undefined) =>
    part && part.length >= 8
      ? search(haystack, part, Math.floor(part.length / 3)).slice(0, MAX_ANCHORS)
      : [];
  for (const m of anchors(context.prefix)) collect(m.end - 16, m.end + reach);
  for (const m of anchors(context.suffix)) collect(m.start - reach, m.start + 16);
  const candidates = [...found.values()]
    .sort((a, b) => a.errors - b.errors)
    .slice(0, MAX_CANDIDATES);

  const scored: FuzzyMatch[] = [];
  for (const m of candidates) {
    const raw = { start: m.start, end: m.end };
    const span = snapToWords(text, raw, quote, context);
    // Snapping adds or drops characters: count them as edits.
    const moved = Math.abs(span.start - raw.start) + Math.abs(span.end - raw.end);
    const quoteScore = Math.max(0, 1 - (m.errors + moved) / quote.length);
    if (quoteScore < MIN_QUOTE_IN_CONTEXT) continue;
    const around = contextScore(text, span.start, span.end, context);
    const strong = !!context.prefix && !!context.suffix && around >= STRONG_CONTEXT;
    if (quoteScore < MIN_QUOTE_SIMILARITY && !strong) continue;
    const distinctive = quoteScore >= BARELY_EDITED && quote.length >= DISTINCTIVE_QUOTE;
    if (around < MIN_CONTEXT && !distinctive) continue;
    const prefixWeight = context.prefix ? WEIGHTS.prefix : 0;
    const suffixWeight = context.suffix ? WEIGHTS.suffix : 0;
    const positionScore =
      context.hint === undefined ? 1 : 1 - Math.abs(span.start - context.hint) / text.length;
    const score =
      (WEIGHTS.quote * quoteScore +
        (prefixWeight + suffixWeight) * around +
        WEIGHTS.position * positionScore) /
      (WEIGHTS.quote + prefixWeight + suffixWeight + WEIGHTS.position);
    if (score >= MIN_FUZZY_SCORE) scored.push({ ...span, score });
  }
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best) return null;
  // Another place that fits about as well: refuse rather than guess.
  const rival = scored.find((c) => c.end <= best.start || c.start >= best.end);
  if (rival && rival.score > best.score - AMBIGUOUS) return null;
  return best;
}
