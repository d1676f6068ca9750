// Today's tally per behaviour on the staff pad: live `store` observations of
// this store whose capturedAt falls on today's date in the store's zone.
// Works on the local mirror (the kiosk pulls its own observations back).
import { dayKey } from "./local-time.ts";

export type Tally = Readonly<Record<string, number>>;

/** The part of a synced entity the tally reads (structurally an `Entity`). */
export type TallyEntity = {
  fields: Readonly<Record<string, unknown>>;
  deletedHlc: string | null;
  restoredHlc: string | null;
};

const live = (e: TallyEntity) =>
  e.deletedHlc === null || (e.restoredHlc !== null && e.restoredHlc > e.deletedHlc);

export function tallyOf(
  entities: Iterable<TallyEntity>,
  o: { day: string; timeZone?: string; storeId?: string },
): Tally {
  const out: Record<string, number> = {};
  for (const e of entities) {
    const f = e.fields;
    if (f.channel !== "store" || typeof f.behaviour !== "string" || !live(e)) continue;
    if (o.storeId !== undefined && f.storeId !== o.storeId) continue;
    const at = typeof f.capturedAt === "string" ? Date.parse(f.capturedAt) : Number.NaN;
    if (Number.isNaN(at) || dayKey(at, o.timeZone) !== o.day) continue;
    out[f.behaviour] = (out[f.behaviour] ?? 0) + 1;
  }
  return out;
}

/** The tally after one more (delta 1) or one undone (delta -1) tap. */
export function bump(t: Tally, behaviour: string, delta: 1 | -1): Tally {
  return { ...t, [behaviour]: Math.max(0, (t[behaviour] ?? 0) + delta) };
}

export function total(t: Tally): number {
  return Object.values(t).reduce((a, b) => a + b, 0);
}
