// Feedback analytics from day buckets (analytics/tap-index.ts): per bucket
// the faces, hours, reasons and happy counts, kept apart for suspect taps so
// one bucket answers both with and without them. The report merges buckets
// into exactly what feedbackAnalytics (feedback.ts) computes from the taps
// themselves (feedback-tally.test.ts holds them equal).
import type { Cell, FeedbackAnalytics } from "./feedback.ts";
import type { Tally } from "./tap-index.ts";

export type FeedbackData = {
  rating: number | undefined;
  reasons: readonly string[];
  suspect: boolean;
};

/** Index 0: ordinary taps; 1: suspect taps. */
type Pair = [number, number];
export type FeedbackBucket = {
  suspect: number;
  unreadable: Pair;
  faces: [number[], number[]];
  weekday: number;
  /** Per hour: [n, happy] ordinary, then [n, happy] suspect. */
  hours: number[][];
  reasons: Map<string, number[]>;
};

export const feedbackTally: Tally<FeedbackData, FeedbackBucket> = {
  empty: () => ({
    suspect: 0,
    unreadable: [0, 0],
    faces: [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ],
    weekday: 0,
    hours: Array.from({ length: 24 }, () => [0, 0, 0, 0]),
    reasons: new Map(),
  }),
  add(b, t, sign) {
    const s = t.data.suspect ? 1 : 0;
    if (s) b.suspect += sign;
    const r = t.data.rating;
    if (r === undefined || !Number.isInteger(r) || r < 1 || r > 4 || !t.local) {
      b.unreadable[s] += sign;
      return;
    }
    const h = r >= 3 ? 1 : 0;
    (b.faces[s] as number[])[r - 1] = ((b.faces[s] as number[])[r - 1] ?? 0) + sign;
    b.weekday = t.local.weekday;
    const hour = b.hours[t.local.hour] as number[];
    hour[2 * s] = (hour[2 * s] ?? 0) + sign;
    hour[2 * s + 1] = (hour[2 * s + 1] ?? 0) + h * sign;
    for (const reason of new Set(t.data.reasons)) {
      const x = b.reasons.get(reason) ?? [0, 0, 0, 0];
      x[2 * s] = (x[2 * s] ?? 0) + sign;
      x[2 * s + 1] = (x[2 * s + 1] ?? 0) + h * sign;
      if (x.every((v) => v === 0)) b.reasons.delete(reason);
      else b.reasons.set(reason, x);
    }
  },
};

const index = (happy: number, n: number) => (n === 0 ? null : Math.round((1000 * happy) / n) / 10);

export function composeFeedback(
  buckets: Iterable<{ date: string; total: FeedbackBucket }>,
  o: { includeSuspect?: boolean; reasonNeeds?: ReadonlyMap<string, string> } = {},
): FeedbackAnalytics {
  const kinds = o.includeSuspect ? [0, 1] : [0];
  const faces = { "1": 0, "2": 0, "3": 0, "4": 0 };
  const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => [0, 0]));
  const reasons = new Map<string, [number, number]>();
  const days = new Map<string, [number, number]>();
  let total = 0;
  let happy = 0;
  let suspect = 0;
  let unreadable = 0;
  for (const { date, total: b } of buckets) {
    suspect += b.suspect;
    let n = 0;
    let k = 0;
    for (const s of kinds) {
      unreadable += b.unreadable[s as 0 | 1];
      const f = b.faces[s as 0 | 1];
      for (let r = 0; r < 4; r++) faces[String(r + 1) as keyof typeof faces] += f[r] ?? 0;
      for (let hr = 0; hr < 24; hr++) {
        const cell = b.hours[hr] as number[];
        const c = cell[2 * s] ?? 0;
        const ck = cell[2 * s + 1] ?? 0;
        if (!c) continue;
        const g = grid[b.weekday]?.[hr] as number[];
        g[0] = (g[0] ?? 0) + c;
        g[1] = (g[1] ?? 0) + ck;
        n += c;
        k += ck;
      }
      for (const [reason, x] of b.reasons) {
        const c = x[2 * s] ?? 0;
        if (!c) continue;
        const acc = reasons.get(reason) ?? [0, 0];
        acc[0] += c;
        acc[1] += x[2 * s + 1] ?? 0;
        reasons.set(reason, acc);
      }
    }
    if (n > 0) {
      const d = days.get(date) ?? [0, 0];
      d[0] += n;
      d[1] += k;
      days.set(date, d);
    }
    total += n;
    happy += k;
  }
  return {
    total,
    suspect,
    includeSuspect: o.includeSuspect ?? false,
    faces,
    happyIndex: index(happy, total),
    byHourWeekday: grid.map((row) =>
      row.map(
        ([n, k]): Cell => ({ count: n as number, happyIndex: index(k as number, n as number) }),
      ),
    ),
    byReason: [...reasons]
      .map(([reason, [n, k]]) => ({
        reason,
        need: o.reasonNeeds?.get(reason) ?? null,
        count: n,
        happyIndex: index(k, n),
      }))
      .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1)),
    byDay: [...days]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([date, [n, k]]) => ({ date, count: n, happyIndex: index(k, n) })),
    unreadable,
  };
}
