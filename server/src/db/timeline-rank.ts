// Relevance for the journal timeline's `q` (docs/http-api.md "Journal
// timeline"), computed here once for both adapters so SQLite and PostgreSQL
// rank alike by construction: each adapter only selects the matching rows and
// the scope's corpus figures, and this module scores and pages them.
//
// The score is Okapi BM25 (k1 = 1.2, b = 0.75) over the stored, folded search
// text. Words match as substrings (as `q` always has: "gia" finds "giá"), but
// a match that is a whole word counts 1 and one inside a longer word ½, so
// "gia" ranks "giá rẻ" above "giao hàng". A word found in the name of the
// observation's store or competitor counts once more. Document frequencies,
// the number of documents and the average length come from the journal's
// whole scope (before the timeline's filters), so a filter never reorders
// what it keeps.
//
// The cursor freezes those corpus figures: while observations arrive the
// figures move, and recomputed scores would let rows jump across a page
// boundary (skipped or repeated). With the figures of the first page every
// row keeps its score, so the keyset (score, capturedMs, id) walks each row
// once; new rows fall into place by their own score.
import type { TimelineWord } from "./port.ts";

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** A matching row as both adapters select it. */
export type Candidate = {
  id: string;
  captured_ms: number | null;
  store_id: string | null;
  competitor_id: string | null;
  search_text: string;
};

/** The scope's corpus figures: documents, their summed length, and per word the documents holding it. */
export type Corpus = { n: number; length: number; df: number[] };

type RankCursor = { r: [score: number, capturedMs: number, id: string]; c: Corpus; w: string };

const isWordChar = (code: number) => code !== 0x20 && code !== 0x01;

/** How often `word` occurs in the folded `text`: 1 per whole-word match, ½ per match inside a word. */
export function termFrequency(text: string, word: string): number {
  if (!word) return 0;
  let tf = 0;
  let at = text.indexOf(word);
  while (at >= 0) {
    const end = at + word.length;
    const whole =
      (at === 0 || !isWordChar(text.charCodeAt(at - 1))) &&
      (end === text.length || !isWordChar(text.charCodeAt(end)));
    tf += whole ? 1 : 0.5;
    at = text.indexOf(word, end);
  }
  return tf;
}

/** BM25 of one row under the given corpus figures. */
export function bm25(c: Candidate, words: readonly TimelineWord[], corpus: Corpus): number {
  const n = Math.max(corpus.n, 1);
  const avgdl = corpus.length / n || 1;
  const dl = c.search_text.length;
  let score = 0;
  words.forEach((w, i) => {
    let tf = termFrequency(c.search_text, w.word);
    if (c.store_id && w.storeIds.includes(c.store_id)) tf += 1;
    if (c.competitor_id && w.competitorIds.includes(c.competitor_id)) tf += 1;
    if (tf === 0) return;
    const df = Math.min(corpus.df[i] ?? 0, n);
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    score += (idf * tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * dl) / avgdl));
  });
  // Rounded so the score sent, the score in the cursor and the score
  // recomputed on the next page compare equal.
  return Math.round(score * 1e6) / 1e6;
}

const wordsKey = (words: readonly TimelineWord[]) => words.map((w) => w.word).join(" ");

function decodeRankCursor(
  s: string | undefined,
  words: readonly TimelineWord[],
): RankCursor | null {
  if (!s) return null;
  try {
    const v = JSON.parse(Buffer.from(s, "base64url").toString()) as RankCursor;
    const ok =
      Array.isArray(v?.r) &&
      typeof v.r[0] === "number" &&
      typeof v.r[1] === "number" &&
      typeof v.r[2] === "string" &&
      typeof v.c?.n === "number" &&
      typeof v.c.length === "number" &&
      Array.isArray(v.c.df) &&
      v.c.df.length === words.length &&
      v.c.df.every((d) => typeof d === "number") &&
      v.w === wordsKey(words);
    return ok ? v : null;
  } catch {
    return null;
  }
}

/** The corpus figures to rank with: the cursor's (frozen at the first page) or the current ones. */
export function corpusFor(cursor: string | undefined, words: readonly TimelineWord[]) {
  return decodeRankCursor(cursor, words)?.c ?? null;
}

/**
 * The corpus figures of recent (workspace version, scope, words), so a
 * manager changing filters or paging does not rescan the scope: the figures
 * leave the filters out, and any write to the workspace moves its version.
 * One per Db instance; an instance behind another's writes misses (the
 * version is read from the database each time), it never serves stale figures.
 */
export function createCorpusCache(size = 64) {
  const entries = new Map<string, Corpus>();
  return {
    key: (ws: string, version: number, scope: unknown, words: readonly TimelineWord[]) =>
      JSON.stringify([ws, version, scope, words]),
    get(key: string): Corpus | undefined {
      const c = entries.get(key);
      if (c) {
        entries.delete(key);
        entries.set(key, c);
      }
      return c;
    },
    set(key: string, c: Corpus) {
      entries.set(key, c);
      if (entries.size > size) entries.delete(entries.keys().next().value as string);
    },
  };
}

/** Higher score first, then newer, then the larger id: one total order. */
const before = (a: [number, number, string], b: [number, number, string]) =>
  a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] > b[2];

/**
 * Score every candidate, order them, and cut the page after the cursor.
 * Returns the page's ids with their scores, and the next cursor.
 */
export function rankPage(
  candidates: readonly Candidate[],
  words: readonly TimelineWord[],
  current: Corpus,
  limit: number,
  cursor: string | undefined,
): { page: { id: string; score: number }[]; nextCursor: string | null } {
  const from = decodeRankCursor(cursor, words);
  const corpus = from?.c ?? current;
  const keyed = candidates.map((c) => ({
    key: [bm25(c, words, corpus), c.captured_ms ?? 0, c.id] as [number, number, string],
  }));
  const after = from?.r;
  const rest = after ? keyed.filter((k) => before(after, k.key)) : keyed;
  rest.sort((a, b) => (before(a.key, b.key) ? -1 : before(b.key, a.key) ? 1 : 0));
  const page = rest.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rest.length > limit && last
      ? Buffer.from(
          JSON.stringify({ r: last.key, c: corpus, w: wordsKey(words) } satisfies RankCursor),
        ).toString("base64url")
      : null;
  return { page: page.map((k) => ({ id: k.key[2], score: k.key[0] })), nextCursor };
}
