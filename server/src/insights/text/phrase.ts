// The phrase a term stands in. Terms are one or two syllables, but
// Vietnamese words are often two syllables and phrases longer, so a bigram
// can straddle two words: "sánh sản" is the middle of "so sánh sản phẩm",
// "viên nhiệt" of "nhân viên nhiệt tình". Shown alone it reads as noise.
// Here a displayed term grows by the word to its left or right while that
// same word accompanies it in most of its occurrences in the group's texts.
// Runs only for the few terms a suggestion displays.
import { type Word, words } from "@sightline/shared/text/tokenise";
import { isTermWord } from "./tokenise.ts";

export type PhraseOptions = {
  /** Share of occurrences a neighbour must be in to join (default 0.75). */
  share?: number;
  /** Longest phrase, in words (default 4). */
  maxWords?: number;
  /** Fewest occurrences before growing at all (default 2). */
  minOccurrences?: number;
};

type Hit = { text: Word[]; at: number };

function occurrences(texts: readonly Word[][], phrase: readonly string[]): Hit[] {
  const hits: Hit[] = [];
  for (const text of texts) {
    for (let at = 0; at + phrase.length <= text.length; at++) {
      let ok = true;
      for (let k = 0; k < phrase.length && ok; k++) {
        const w = text[at + k] as Word;
        // A phrase never spans punctuation: only its last word may end one.
        ok = w.folded === phrase[k] && (k === phrase.length - 1 || !w.end);
      }
      if (ok) hits.push({ text, at });
    }
  }
  return hits;
}

/** The neighbour (folded) present in at least `need` of the hits, if any. */
function commonNeighbour(hits: Hit[], side: -1 | 1, len: number, need: number): string | null {
  const counts = new Map<string, number>();
  for (const { text, at } of hits) {
    const i = side < 0 ? at - 1 : at + len;
    const w = text[i];
    if (!w) continue;
    // Punctuation between the neighbour and the phrase cuts them apart; a
    // number or a lone letter is never worth a word of the phrase.
    if (side < 0 ? w.end : (text[at + len - 1] as Word).end) continue;
    if (w.folded.length < 2 || /^\d/.test(w.folded)) continue;
    counts.set(w.folded, (counts.get(w.folded) ?? 0) + 1);
  }
  let best: string | null = null;
  let most = 0;
  for (const [w, n] of counts) if (n > most) [best, most] = [w, n];
  return most >= need ? best : null;
}

/**
 * `term` (folded, one or two words) as the longest phrase it keeps company
 * with in `texts`, in its written form ("sánh sản" → "so sánh sản phẩm");
 * its most common written form when it does not grow, and `fallback` (or
 * the folded term) when the texts do not hold it at all.
 */
export function expandPhrase(
  term: string,
  texts: readonly string[],
  o: PhraseOptions = {},
  fallback?: string,
): string {
  return phraseFinder(texts, o)(term, fallback);
}

/** expandPhrase over the same texts for many terms, tokenising them once. */
export function phraseFinder(
  texts: readonly string[],
  o: PhraseOptions = {},
): (term: string, fallback?: string) => string {
  const tokenised = texts.map(words);
  return (term, fallback) => grow(term, tokenised, o, fallback);
}

function grow(
  term: string,
  tokenised: readonly Word[][],
  o: PhraseOptions,
  fallback: string | undefined,
): string {
  const share = o.share ?? 0.75;
  const maxWords = o.maxWords ?? 4;
  const minOccurrences = o.minOccurrences ?? 2;
  const own = term.split(" ");
  let phrase = own;
  let left = 0; // words grown on the left
  let hits = occurrences(tokenised, phrase);
  if (hits.length === 0) return fallback ?? term;
  if (hits.length >= minOccurrences) {
    for (let grew = true; grew && phrase.length < maxWords; ) {
      grew = false;
      const need = Math.ceil(hits.length * share);
      for (const side of [-1, 1] as const) {
        if (phrase.length >= maxWords) break;
        const w = commonNeighbour(hits, side, phrase.length, need);
        if (w === null) continue;
        phrase = side < 0 ? [w, ...phrase] : [...phrase, w];
        if (side < 0) left++;
        hits = occurrences(tokenised, phrase);
        grew = true;
      }
    }
  }
  // A grown edge that is a stop word going with many other words reads as a
  // fragment ("về trả góp", "tool for"): trim it back, never into the term
  // itself. A stop word bound to its neighbour stays ("so" of "so sánh").
  const loose = (w: string, next: string, before: boolean) =>
    !isTermWord(w) && bond(tokenised, before ? [w, next] : [next, w], w) < BOUND;
  let from = 0;
  let to = phrase.length;
  while (from < left && loose(phrase[from] as string, phrase[from + 1] as string, true)) from++;
  while (to > left + own.length && loose(phrase[to - 1] as string, phrase[to - 2] as string, false))
    to--;
  return mostCommonSurface(hits, from, to);
}

/** Share of a word's occurrences that sit in `pair`, beyond which it belongs to the pair. */
const BOUND = 0.6;

function bond(texts: readonly Word[][], pair: [string, string], word: string): number {
  let inPair = 0;
  let all = 0;
  for (const text of texts)
    for (let i = 0; i < text.length; i++) {
      if ((text[i] as Word).folded !== word) continue;
      all++;
      const a = pair[0] === word ? i : i - 1;
      if (text[a]?.folded === pair[0] && text[a + 1]?.folded === pair[1] && !text[a]?.end) inPair++;
    }
  return all ? inPair / all : 0;
}

/** How the phrase is written most often ("chờ đợi", not the rarer "cho đổi" that folds alike). */
function mostCommonSurface(hits: Hit[], from: number, to: number): string {
  const counts = new Map<string, number>();
  for (const { text, at } of hits) {
    const surface = text
      .slice(at + from, at + to)
      .map((w) => w.surface)
      .join(" ");
    counts.set(surface, (counts.get(surface) ?? 0) + 1);
  }
  let best = "";
  let most = 0;
  for (const [surface, n] of counts) if (n > most) [best, most] = [surface, n];
  return best;
}
