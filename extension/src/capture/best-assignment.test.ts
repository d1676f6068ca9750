import { describe, expect, it } from "vitest";
import { bestAssignment } from "./best-assignment.ts";

const solve = (m: (number | null)[][], columns = m[0]?.length ?? 0) =>
  [...bestAssignment(m.length, columns, (i, j) => m[i]?.[j] ?? null)].sort((a, b) => a[0] - b[0]);

describe("bestAssignment", () => {
  it("takes the pairing with the greatest total, not the first good pair", () => {
    // Greedy row by row would pair 0→0 (5) and leave row 1 with nothing (total 5).
    expect(
      solve([
        [5, 4],
        [4, null],
      ]),
    ).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it("leaves rows and columns unpaired when no allowed pair is worth anything", () => {
    expect(solve([[null, 0, -3]])).toEqual([]);
    expect(solve([], 3)).toEqual([]);
    expect(solve([[1], [2], [3]])).toEqual([[2, 0]]);
  });

  it("matches the brute-force best on random matrices", () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const brute = (m: (number | null)[][], cols: number): number => {
      const go = (i: number, taken: Set<number>): number => {
        if (i === m.length) return 0;
        let best = go(i + 1, taken);
        for (let j = 0; j < cols; j++) {
          const v = m[i]?.[j];
          if (v == null || v <= 0 || taken.has(j)) continue;
          taken.add(j);
          best = Math.max(best, v + go(i + 1, taken));
          taken.delete(j);
        }
        return best;
      };
      return go(0, new Set());
    };
    for (let t = 0; t < 200; t++) {
      const rows = 1 + Math.floor(rand() * 5);
      const cols = 1 + Math.floor(rand() * 5);
      const m = Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () => (rand() < 0.3 ? null : Math.round(rand() * 100) - 20)),
      );
      const total = solve(m, cols).reduce((s, [i, j]) => s + (m[i]?.[j] as number), 0);
      expect(total).toBe(brute(m, cols));
    }
  });
});
