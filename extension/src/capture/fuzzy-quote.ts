// Last-resort anchoring: find the quote even after it was edited. Follows
// Hypothesis (src/annotator/anchoring/match-quote.ts): Myers' bit-parallel
// approximate search via approx-string-match with at most min(256, len/2)
// errors, then score each candidate on quote 50 / prefix 20 / suffix 20 /
// position 2. Unlike Hypothesis we also refuse weak matches, so text that is
// gone yields null instead of some random passage, and we bound the work on
// huge pages (Hypothesis dropped diff-match-patch after a 40 s freeze).
import search from "approx-string-match";
import type { TextSpan } from "./text-index.ts";
import type { QuoteContext } from "./text-quote.ts";

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const MAX_SCORE = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;
/** Below this normalised score a candidate is not the quote. */
export const MIN_FUZZY_SCORE = 0.7;
/** Text searched at most; on bigger pages, a window around the expected position. */
export const MAX_FUZZY_TEXT = 1_000_000;
/** Candidates scored at most (repetitive pages can yield thousands). */
const MAX_CANDIDATES = 50;

/** 1 when `pattern` occurs in `text` unchanged, falling to 0 as edits grow. */
function similarity(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return 0;
  const errors = search(text, pattern, pattern.length)[0]?.errors ?? pattern.length;
  return 1 - errors / pattern.length;
}

export interface FuzzyMatch extends TextSpan {
  /** Normalised score in [MIN_FUZZY_SCORE, 1]. */
  score: number;
}

/**
 * The best approximate occurrence of `quote` in `text`, or null when none
 * scores at least MIN_FUZZY_SCORE. Work is O(errors/32 × searched length).
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
  const candidates = search(haystack, quote, maxErrors)
    .sort((a, b) => a.errors - b.errors)
    .slice(0, MAX_CANDIDATES);

  let best: FuzzyMatch | null = null;
  for (const m of candidates) {
    const start = m.start + offset;
    const end = m.end + offset;
    const prefixScore = context.prefix
      ? similarity(text.slice(Math.max(0, start - context.prefix.length), start), context.prefix)
      : 1;
    const suffixScore = context.suffix
      ? similarity(text.slice(end, end + context.suffix.length), context.suffix)
      : 1;
    const positionScore =
      context.hint === undefined ? 1 : 1 - Math.abs(start - context.hint) / text.length;
    const score =
      (WEIGHTS.quote * (1 - m.errors / quote.length) +
        WEIGHTS.prefix * prefixScore +
        WEIGHTS.suffix * suffixScore +
        WEIGHTS.position * positionScore) /
      MAX_SCORE;
    if (score >= MIN_FUZZY_SCORE && (!best || score > best.score)) best = { start, end, score };
  }
  return best;
}
