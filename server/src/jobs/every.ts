// Recurring work that runs once per period across every instance: each
// runner enqueues the period's job under the dedupe key `every:<name>:<n>`
// (n = the period's number since the epoch, shifted by `offsetMs`), so
// however many instances tick, one row exists and one claim runs it.
export type Recurring = {
  name: string;
  /** The job kind it enqueues (a handler of that kind must exist). */
  kind: string;
  intervalMs: number;
  /** Where periods start, from 1970-01-01T00:00Z (e.g. Monday 01:00 UTC for a weekly digest). */
  offsetMs?: number;
  /**
   * Enqueue only this long after the period starts (default: the whole
   * period). The weekly digest catches up for two days after a Monday the
   * server was down, but a server first started on a Thursday does not send
   * last week's digest then.
   */
  catchUpMs?: number;
  payload?: Record<string, unknown>;
};

/** `every("digest", WEEK, { kind: "digest.weekly" })`. */
export function every(
  name: string,
  intervalMs: number,
  o: { kind: string; offsetMs?: number; catchUpMs?: number; payload?: Record<string, unknown> },
): Recurring {
  return { name, intervalMs, ...o };
}

/** The number of the period `nowMs` falls in. */
export function periodKey(r: Recurring, nowMs: number): number {
  return Math.floor((nowMs - (r.offsetMs ?? 0)) / r.intervalMs);
}

/** Whether a job for the period `nowMs` falls in may still be enqueued (see `catchUpMs`). */
export function withinCatchUp(r: Recurring, nowMs: number): boolean {
  if (r.catchUpMs === undefined) return true;
  const start = periodKey(r, nowMs) * r.intervalMs + (r.offsetMs ?? 0);
  return nowMs - start <= r.catchUpMs;
}

/** 1970-01-01 was a Thursday: Monday 00:00 UTC is 4 days later. */
export const WEEK_MS = 7 * 24 * 60 * 60_000;
export const MONDAY_OFFSET_MS = 4 * 24 * 60 * 60_000;
