// The best overall pairing of two lists: which earlier price is which price
// now, decided for all of them at once. Pairing greedily, one rule at a time,
// lets the first price that fits a rule take a partner that fits another
// price better (a removed line's price "changed" into its neighbour's new
// value). The Hungarian method (Kuhn–Munkres, O(n³)) finds the pairing with
// the greatest total weight, each item paired at most once or left alone.

/**
 * Pairs (row → column) with the greatest total weight. `weight(i, j)` is the
 * worth of pairing row i with column j, or null when they may not pair; a
 * weight ≤ 0 is never worth taking. Rows and columns may stay unpaired.
 */
export function bestAssignment(
  rows: number,
  columns: number,
  weight: (i: number, j: number) => number | null,
): Map<number, number> {
  const pairs = new Map<number, number>();
  if (rows === 0 || columns === 0) return pairs;
  // Square cost matrix: each row may take its own "unpaired" column, each
  // column its own "unpaired" row, both at cost 0; a real pair costs -weight.
  const n = rows + columns;
  const FORBIDDEN = 1e12;
  const w: (number | null)[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (_, j) => {
      const v = weight(i, j);
      return v !== null && v > 0 ? v : null;
    }),
  );
  const cost = (i: number, j: number): number => {
    if (i < rows && j < columns) return w[i]?.[j] != null ? -(w[i]?.[j] as number) : FORBIDDEN;
    if (i < rows) return j - columns === i ? 0 : FORBIDDEN;
    if (j < columns) return i - rows === j ? 0 : FORBIDDEN;
    return 0;
  };
  // 1-based potentials and matching, as in the textbook formulation.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const match = new Int32Array(n + 1); // column → row
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    match[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = match[j0] as number;
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - (u[i0] as number) - (v[j] as number);
        if (cur < (minv[j] as number)) {
          minv[j] = cur;
          way[j] = j0;
        }
        if ((minv[j] as number) < delta) {
          delta = minv[j] as number;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[match[j] as number] = (u[match[j] as number] as number) + delta;
          v[j] = (v[j] as number) - delta;
        } else minv[j] = (minv[j] as number) - delta;
      }
      j0 = j1;
    } while (match[j0] !== 0);
    do {
      const j1 = way[j0] as number;
      match[j0] = match[j1] as number;
      j0 = j1;
    } while (j0 !== 0);
  }
  for (let j = 1; j <= columns; j++) {
    const i = (match[j] as number) - 1;
    if (i >= 0 && i < rows && w[i]?.[j - 1] != null) pairs.set(i, j - 1);
  }
  return pairs;
}
