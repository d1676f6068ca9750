// The baseline the product must beat (issue 16): plain spherical k-means on
// TF-IDF of accent-folded syllables and their pairs (the server's former
// tokeniser, server/src/insights/text), k-means++ seeding with a fixed seed,
// every text assigned to its nearest centre. `k` is the product's number of
// suggestions, so both group the same texts into as many groups.
import { cosine, type SparseVector, tfIdfOfTexts } from "../../server/src/insights/text/tf-idf.ts";

export type BaselineCluster = { members: Array<{ id: string; closeness: number }> };

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mean(vs: SparseVector[]): SparseVector {
  const sum = new Map<number, number>();
  for (const v of vs)
    v.ids.forEach((id, j) => {
      sum.set(id, (sum.get(id) ?? 0) + (v.weights[j] as number));
    });
  const ids = [...sum.keys()].sort((a, b) => a - b);
  const w = ids.map((id) => sum.get(id) as number);
  const norm = Math.sqrt(w.reduce((s, x) => s + x * x, 0)) || 1;
  return { ids, weights: w.map((x) => x / norm) };
}

export function baselineClusters(
  docs: Array<{ id: string; text: string }>,
  k: number,
  seed = 42,
): BaselineCluster[] {
  const { vectors } = tfIdfOfTexts(
    docs.map((d) => d.text),
    1000,
  );
  const n = vectors.length;
  if (n === 0) return [];
  const random = rng(seed);
  const centres: SparseVector[] = [vectors[Math.floor(random() * n)] as SparseVector];
  while (centres.length < Math.min(k, n)) {
    const d2 = vectors.map((v) => (1 - Math.max(...centres.map((c) => cosine(v, c)))) ** 2);
    let r = random() * d2.reduce((s, x) => s + x, 0);
    let pick = d2.findIndex((x) => {
      r -= x;
      return r <= 0;
    });
    if (pick < 0) pick = n - 1;
    centres.push(vectors[pick] as SparseVector);
  }
  let assign = new Array<number>(n).fill(0);
  let close = new Array<number>(n).fill(0);
  for (let it = 0; it < 30; it++) {
    const next = vectors.map((v) => {
      let best = 0;
      let bs = -1;
      centres.forEach((c, j) => {
        const s = cosine(v, c);
        if (s > bs) [best, bs] = [j, s];
      });
      return [best, bs] as const;
    });
    const changed = next.some(([j], i) => j !== assign[i]);
    assign = next.map(([j]) => j);
    close = next.map(([, s]) => s);
    centres.forEach((_, j) => {
      const members = vectors.filter((_, i) => assign[i] === j);
      if (members.length) centres[j] = mean(members);
    });
    if (!changed && it > 0) break;
  }
  return centres
    .map((_, j) => ({
      members: docs.flatMap((d, i) =>
        assign[i] === j ? [{ id: d.id, closeness: close[i] as number }] : [],
      ),
    }))
    .filter((c) => c.members.length > 0);
}
