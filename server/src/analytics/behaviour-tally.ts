// Behaviour analytics from day buckets (analytics/tap-index.ts): per bucket
// the count of each behaviour × zone and of free notes; the report merges
// buckets into exactly what behaviourAnalytics (behaviour.ts) computes from
// the taps themselves (behaviour-tally.test.ts holds them equal).
import type { BehaviourAnalytics } from "./behaviour.ts";
import type { Tally } from "./tap-index.ts";

export type BehaviourData = { behaviour: string | undefined; zone: string };
export type BehaviourBucket = { cells: Map<string, number>; without: number };

export const behaviourTally: Tally<BehaviourData, BehaviourBucket> = {
  empty: () => ({ cells: new Map(), without: 0 }),
  add(b, t, sign) {
    if (!t.local) return;
    if (!t.data.behaviour) {
      b.without += sign;
      return;
    }
    const key = `${t.data.behaviour}\u0000${t.data.zone}`;
    const n = (b.cells.get(key) ?? 0) + sign;
    if (n === 0) b.cells.delete(key);
    else b.cells.set(key, n);
  },
};

export function composeBehaviour(
  buckets: Iterable<{ date: string; total: BehaviourBucket }>,
): BehaviourAnalytics {
  const cells: BehaviourAnalytics["cells"] = [];
  const byBehaviour: Record<string, number> = {};
  const byZone: Record<string, number> = {};
  const byDay: Record<string, number> = {};
  const merged = new Map<string, BehaviourAnalytics["cells"][number]>();
  let total = 0;
  let withoutBehaviour = 0;
  for (const { date, total: b } of buckets) {
    withoutBehaviour += b.without;
    for (const [key, count] of b.cells) {
      if (count <= 0) continue;
      const [behaviour = "", zone = ""] = key.split("\u0000");
      const k = `${key}\u0000${date}`;
      const cell = merged.get(k);
      if (cell) cell.count += count;
      else merged.set(k, { behaviour, zone, day: date, count });
      byBehaviour[behaviour] = (byBehaviour[behaviour] ?? 0) + count;
      byZone[zone] = (byZone[zone] ?? 0) + count;
      byDay[date] = (byDay[date] ?? 0) + count;
      total += count;
    }
  }
  cells.push(...merged.values());
  cells.sort(
    (a, b) =>
      a.day.localeCompare(b.day) ||
      a.behaviour.localeCompare(b.behaviour) ||
      a.zone.localeCompare(b.zone),
  );
  return { total, cells, byBehaviour, byZone, byDay, withoutBehaviour };
}
