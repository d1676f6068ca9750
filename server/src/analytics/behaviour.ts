// GET /v1/analytics/behaviour: kiosk taps counted per behaviour × zone ×
// local day (each store's time zone), with the totals a chart needs.
import { localPartsOf } from "./local-time.ts";

export type BehaviourTap = {
  capturedAt: string;
  behaviour?: string | undefined;
  zone?: string | undefined;
  storeId?: string | undefined;
};

export type BehaviourAnalytics = {
  total: number;
  /** One entry per (behaviour, zone, day) that has taps; zone "" = no zone. */
  cells: Array<{ behaviour: string; zone: string; day: string; count: number }>;
  byBehaviour: Record<string, number>;
  byZone: Record<string, number>;
  byDay: Record<string, number>;
  /** Store observations without a behaviour code (free notes), not in the cells. */
  withoutBehaviour: number;
};

export function behaviourAnalytics(
  taps: Iterable<BehaviourTap>,
  o: { timeZoneOf?: (storeId: string | undefined) => string | undefined } = {},
): BehaviourAnalytics {
  const cells = new Map<string, { behaviour: string; zone: string; day: string; count: number }>();
  const byBehaviour: Record<string, number> = {};
  const byZone: Record<string, number> = {};
  const byDay: Record<string, number> = {};
  let total = 0;
  let withoutBehaviour = 0;
  for (const t of taps) {
    const local = localPartsOf(t.capturedAt, o.timeZoneOf?.(t.storeId));
    if (!local) continue;
    if (!t.behaviour) {
      withoutBehaviour++;
      continue;
    }
    const zone = t.zone ?? "";
    const key = `${t.behaviour}\u0000${zone}\u0000${local.date}`;
    const cell = cells.get(key);
    if (cell) cell.count++;
    else cells.set(key, { behaviour: t.behaviour, zone, day: local.date, count: 1 });
    byBehaviour[t.behaviour] = (byBehaviour[t.behaviour] ?? 0) + 1;
    byZone[zone] = (byZone[zone] ?? 0) + 1;
    byDay[local.date] = (byDay[local.date] ?? 0) + 1;
    total++;
  }
  const order = (a: { day: string; behaviour: string; zone: string }, b: typeof a) =>
    a.day.localeCompare(b.day) ||
    a.behaviour.localeCompare(b.behaviour) ||
    a.zone.localeCompare(b.zone);
  return {
    total,
    cells: [...cells.values()].sort(order),
    byBehaviour,
    byZone,
    byDay,
    withoutBehaviour,
  };
}
