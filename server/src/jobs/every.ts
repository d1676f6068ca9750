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
  payload?: Record<string, unknown>;
};

/** `every("digest", WEEK, { kind: "digest.weekly" })`. */
export function every(
  name: string,
  intervalMs: number,
  o: { kind: string; offsetMs?: number; payload?: Record<string, unknown> },
): Recurring {
  return { name, intervalMs, ...o };
}

/** The number of the period `nowMs` falls in. */
export function periodKey(r: Recurring, nowMs: number): number {
  return Math.floor((nowMs - (r.offsetMs ?? 0)) / r.intervalMs);
}

/** 1970-01-01 was a Thursday: Monday 00:00 UTC is 4 days later. */
export const WEEK_MS = 7 * 24 * 60 * 60_000;
export const MONDAY_OFFSET_MS = 4 * 24 * 60 * 60_000;
