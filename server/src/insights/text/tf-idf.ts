// TF-IDF vectors and cosine similarity over tokenised texts (tokenise.ts): the
// evaluation baseline's features (eval/suggestions/baseline.ts) — suggestions
// themselves read the words stored at write time (suggestions/featurise.ts).
// Sublinear tf (1 + ln tf), smoothed idf (ln((1 + N) / (1 + df)) + 1), each
// vector cut to its strongest terms and L2-normalised so cosine is a dot
// product. Built for 100k observations: terms are interned to integers
// (bigrams by the pair of their word ids, so no string is made twice),
// identical texts are given once with a multiplicity, and surface forms are
// only recovered for the few terms that get displayed.
import { FOLD_BREAK, FOLD_MARK, FOLD_SEP, foldUnit } from "@sightline/shared/text/fold";
import { isTermWord, tokenise } from "./tokenise.ts";

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Interned terms; each remembers the first text it was seen in. */
export class TermDictionary {
  readonly terms: string[] = [];
  readonly #firstText: number[] = [];
  readonly #ids = new Map<string, number>();
  readonly #pairs: Array<Map<number, number> | undefined> = [];
  /** Folded word → term id, or −1 for a dropped word (stop word, number…). */
  readonly #words = new Map<string, number>();
  readonly #byHash = new Map<number, number>();
  readonly #hashWords: string[] = [];
  readonly #hashIds: number[] = [];
  #buf = new Uint16Array(256);

  /** The id of a term, interning it on first sight in text number `text`. */
  intern(term: string, text = -1): number {
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.#ids.set(term, id);
      this.terms.push(term);
      this.#firstText.push(text);
    }
    return id;
  }

  /** The id of the bigram of two word ids. */
  pair(a: number, b: number, text = -1): number {
    // Nested maps keep keys small integers, which hash fastest.
    let next = this.#pairs[a];
    if (next === undefined) {
      next = new Map();
      this.#pairs[a] = next;
    }
    let id = next.get(b);
    if (id === undefined) {
      id = this.intern(`${this.terms[a]} ${this.terms[b]}`, text);
      next.set(b, id);
    }
    return id;
  }

  get(term: string): number | undefined {
    return this.#ids.get(term);
  }

  /**
   * Term ids of a text: kept words and bigrams of adjacent kept words, the
   * same terms as tokenise.ts `terms()`. Folds, splits and interns in one
   * scan; a word seen before is found by its hash without making a string.
   */
  idsOf(text: string, textIndex = -1): number[] {
    return this.#scan(text, textIndex, false);
  }

  #scan(text: string, textIndex: number, nfc: boolean): number[] {
    const out: number[] = [];
    let prev = -1;
    let len = 0;
    let h = FNV_OFFSET;
    if (this.#buf.length < text.length) this.#buf = new Uint16Array(text.length * 2);
    const buf = this.#buf;
    for (let i = 0; i <= text.length; i++) {
      const v = i < text.length ? foldUnit(text.charCodeAt(i)) : FOLD_SEP;
      if (v === FOLD_MARK) {
        if (nfc) continue; // left standing by NFC: folded away (fold.ts foldUnit)
        return this.#scan(text.normalize("NFC"), textIndex, true);
      }
      if (v === FOLD_BREAK && len === 0) {
        prev = -1;
        continue;
      }
      if (v !== FOLD_SEP && v !== FOLD_BREAK) {
        buf[len++] = v;
        h = Math.imul(h ^ v, FNV_PRIME);
        continue;
      }
      if (len === 0) continue;
      const id = this.#wordId(buf, len, (h >>> 2) & 0x3fffffff, textIndex);
      len = 0;
      h = FNV_OFFSET;
      if (id < 0) {
        prev = -1;
        continue;
      }
      out.push(id);
      if (prev >= 0) out.push(this.pair(prev, id, textIndex));
      prev = v === FOLD_BREAK ? -1 : id;
    }
    return out;
  }

  /** Term id of the folded word in buf[0, len), or −1 for a dropped word. */
  #wordId(buf: Uint16Array, len: number, hash: number, textIndex: number): number {
    const slot = this.#byHash.get(hash);
    if (slot !== undefined) {
      const word = this.#hashWords[slot] as string;
      let same = word.length === len;
      for (let k = 0; same && k < len; k++) same = word.charCodeAt(k) === buf[k];
      if (same) return this.#hashIds[slot] as number;
    }
    const word = String.fromCharCode.apply(null, buf.subarray(0, len) as never);
    let id = this.#words.get(word);
    if (id === undefined) {
      id = isTermWord(word) ? this.intern(word, textIndex) : -1;
      this.#words.set(word, id);
    }
    if (slot === undefined) {
      this.#byHash.set(hash, this.#hashWords.length);
      this.#hashWords.push(word);
      this.#hashIds.push(id);
    }
    return id;
  }

  /** The term as first written (accents kept), given the texts that were interned. */
  surface(id: number, texts: readonly string[]): string {
    const term = this.terms[id] ?? "";
    const text = texts[this.#firstText[id] ?? -1];
    if (text === undefined) return term;
    return tokenise(text).find((t) => t.term === term)?.surface ?? term;
  }
}

/** A sparse vector: term ids ascending, weights aligned. */
export type SparseVector = { ids: number[]; weights: number[] };

export const EMPTY_VECTOR: SparseVector = Object.freeze({ ids: [], weights: [] }) as never;

export type TfIdf = {
  /** Document frequency per term id (multiplicities included). */
  df: number[];
  /** Number of documents (multiplicities included). */
  n: number;
  vectors: SparseVector[];
};

/**
 * Vectors for documents given as term ids. `maxTerms` keeps each document's
 * strongest terms only (default 12): similarity is driven by them, and it
 * bounds every later step. `multiplicity[d]` says how many observations
 * share document d (default 1).
 */
export function buildTfIdf(
  docs: readonly number[][],
  maxTerms = 12,
  multiplicity?: ArrayLike<number>,
): TfIdf {
  let size = 0;
  for (const doc of docs) for (const id of doc) if (id >= size) size = id + 1;
  const df = new Array<number>(size).fill(0);
  // Per-document term counts without a Map: `seen[id] === d + 1` marks a
  // term already counted in document d, `count[id]` holds its tf.
  const seen = new Int32Array(size);
  const count = new Int32Array(size);
  let n = 0;
  const unique = docs.map((doc, d) => {
    const m = multiplicity?.[d] ?? 1;
    n += m;
    const uid: number[] = [];
    for (const id of doc) {
      if (seen[id] !== d + 1) {
        seen[id] = d + 1;
        count[id] = 0;
        uid.push(id);
        df[id] = (df[id] as number) + m;
      }
      count[id] = (count[id] as number) + 1;
    }
    const tf = uid.map((id) => count[id] as number);
    return [uid, tf] as const;
  });
  const idf = df.map((x) => Math.log((1 + n) / (1 + x)) + 1);
  const vectors = unique.map(([ids, tf]) => {
    for (let j = 0; j < ids.length; j++) {
      tf[j] = (1 + Math.log(tf[j] as number)) * (idf[ids[j] as number] as number);
    }
    return toVector(ids, tf, maxTerms);
  });
  return { df, n, vectors };
}

/**
 * The `maxTerms` heaviest of (ids, weights), ids ascending, L2-normalised.
 * Short inputs (most texts) are insertion-sorted by id in place, no
 * comparator calls; longer ones are cut by weight first.
 */
function toVector(ids: number[], w: number[], maxTerms: number): SparseVector {
  if (ids.length === 0) return EMPTY_VECTOR;
  if (ids.length > 4 * maxTerms) return toVectorBySort(ids, w, maxTerms);
  if (ids.length > maxTerms) {
    // Insertion sort by weight, heaviest first (ties: lower id), then cut.
    for (let j = 1; j < ids.length; j++) {
      const id = ids[j] as number;
      const x = w[j] as number;
      let k = j - 1;
      while (
        k >= 0 &&
        ((w[k] as number) < x || ((w[k] as number) === x && (ids[k] as number) > id))
      ) {
        ids[k + 1] = ids[k] as number;
        w[k + 1] = w[k] as number;
        k--;
      }
      ids[k + 1] = id;
      w[k + 1] = x;
    }
    ids.length = maxTerms;
    w.length = maxTerms;
  }
  for (let j = 1; j < ids.length; j++) {
    const id = ids[j] as number;
    const x = w[j] as number;
    let k = j - 1;
    while (k >= 0 && (ids[k] as number) > id) {
      ids[k + 1] = ids[k] as number;
      w[k + 1] = w[k] as number;
      k--;
    }
    ids[k + 1] = id;
    w[k + 1] = x;
  }
  let norm = 0;
  for (const x of w) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (let j = 0; j < w.length; j++) w[j] = (w[j] as number) / norm;
  return { ids, weights: w };
}

/** toVector for inputs over `maxTerms`: cut by weight (ties: lower id), then order by id. */
function toVectorBySort(ids: number[], w: number[], maxTerms: number): SparseVector {
  const keep = Array.from(ids.keys())
    .sort((a, b) => (w[b] as number) - (w[a] as number) || (ids[a] as number) - (ids[b] as number))
    .slice(0, maxTerms)
    .sort((a, b) => (ids[a] as number) - (ids[b] as number));
  const weights = keep.map((j) => w[j] as number);
  const norm = Math.sqrt(weights.reduce((s, x) => s + x * x, 0)) || 1;
  return { ids: keep.map((j) => ids[j] as number), weights: weights.map((x) => x / norm) };
}

/** Cosine similarity of two L2-normalised sparse vectors (0..1 for TF-IDF). */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) dot += (a.weights[i] as number) * (b.weights[j] as number);
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return dot;
}

/** The normalised mean of some vectors, cut to its `maxTerms` strongest terms. */
export function centroid(vectors: Iterable<SparseVector>, maxTerms = 40): SparseVector {
  const sum = new Map<number, number>();
  for (const v of vectors) {
    for (let i = 0; i < v.ids.length; i++) {
      const id = v.ids[i] as number;
      sum.set(id, (sum.get(id) ?? 0) + (v.weights[i] as number));
    }
  }
  const ids = [...sum.keys()].sort((a, b) => a - b);
  return toVector(
    ids,
    ids.map((id) => sum.get(id) as number),
    maxTerms,
  );
}

/** Dictionary and vectors for plain texts; for tests and small inputs. */
export function tfIdfOfTexts(texts: readonly string[], maxTerms?: number) {
  const dictionary = new TermDictionary();
  const docs = texts.map((t, i) => dictionary.idsOf(t, i));
  return { dictionary, ...buildTfIdf(docs, maxTerms) };
}
