// How alike two groupings of the same observations are: each group before
// matched with its closest group after (stability.ts, topics.test.ts).

/** Mean over `before` of the best Jaccard with any set of `after`. */
export function meanBestJaccard(before: string[][], after: string[][]): number {
  if (before.length === 0) return 1;
  const sets = after.map((a) => new Set(a));
  let sum = 0;
  for (const b of before) {
    let best = 0;
    for (const s of sets) {
      let inter = 0;
      for (const id of b) if (s.has(id)) inter++;
      best = Math.max(best, inter / (b.length + s.size - inter));
    }
    sum += best;
  }
  return sum / before.length;
}
