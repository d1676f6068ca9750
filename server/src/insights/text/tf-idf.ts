// TF-IDF vectors and cosine similarity over tokenised texts (tokenise.ts).
// Sublinear tf (1 + ln tf), smoothed idf (ln((1 + N) / (1 + df)) + 1), each
// vector cut to its strongest terms and L2-normalised so cosine is a dot
// product. Terms are interned to integers: 100k documents stay cheap.
import type { Token } from "./tokenise.ts";

/** Interned terms with the first surface form seen for each. */
export class TermDictionary {
  readonly #ids = new Map<string, number>();
  readonly terms: string[] = [];
  readonly surfaces: string[] = [];

  /** The id of a term, interning it on first sight. */
  intern(term: string, surface: string): number {
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.#ids.set(term, id);
      this.terms.push(term);
      this.surfaces.push(surface);
    }
    return id;
  }

  get(term: string): number | undefined {
    return this.#ids.get(term);
  }
}

/** A sparse vector: term ids ascending, weights aligned. */
export type SparseVector = { ids: Int32Array; weights: Float32Array };

export const EMPTY_VECTOR: SparseVector = { ids: new Int32Array(0), weights: new Float32Array(0) };

export type TfIdf = {
  dictionary: TermDictionary;
  /** Document frequency per term id. */
  df: number[];
  vectors: SparseVector[];
};

/**
 * Vectors for `docs`. `maxTerms` keeps each document's strongest terms only
 * (default 12): similarity is driven by them, and it bounds every later step.
 */
export function buildTfIdf(docs: readonly (readonly Token[])[], maxTerms = 12): TfIdf {
  const dictionary = new TermDictionary();
  const df: number[] = [];
  const counts: Array<Map<number, number>> = [];
  for (const doc of docs) {
    const c = new Map<number, number>();
    for (const t of doc) {
      const id = dictionary.intern(t.term, t.surface);
      c.set(id, (c.get(id) ?? 0) + 1);
    }
    for (const id of c.keys()) df[id] = (df[id] ?? 0) + 1;
    counts.push(c);
  }
  const n = docs.length;
  const idf = df.map((d) => Math.log((1 + n) / (1 + d)) + 1);
  const vectors = counts.map((c) => weigh(c, idf, maxTerms));
  return { dictionary, df, vectors };
}

function weigh(c: Map<number, number>, idf: number[], maxTerms: number): SparseVector {
  const entries: Array<[number, number]> = [];
  for (const [id, tf] of c) entries.push([id, (1 + Math.log(tf)) * (idf[id] ?? 1)]);
  return toVector(entries, maxTerms);
}

/** Keep the `maxTerms` heaviest entries, sort by id, L2-normalise. */
function toVector(all: Array<[number, number]>, maxTerms: number): SparseVector {
  if (all.length === 0) return EMPTY_VECTOR;
  let entries = all;
  if (entries.length > maxTerms) {
    entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    entries = entries.slice(0, maxTerms);
  }
  entries.sort((a, b) => a[0] - b[0]);
  let norm = 0;
  for (const [, w] of entries) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  const ids = new Int32Array(entries.length);
  const weights = new Float32Array(entries.length);
  entries.forEach(([id, w], i) => {
    ids[i] = id;
    weights[i] = w / norm;
  });
  return { ids, weights };
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
  return toVector([...sum], maxTerms);
}
