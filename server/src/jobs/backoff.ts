// When a failed job tries again: exponential backoff with full jitter
// (AWS's "exponential backoff and jitter"), so receivers coming back after an
// outage are not hit by every queued retry in the same second.
export type Backoff = { baseMs: number; maxMs: number };

/** Webhooks: 10 s, 20 s, 40 s … capped at one hour, tried until the job's give-up time (24 h). */
export const WEBHOOK_BACKOFF: Backoff = { baseMs: 10_000, maxMs: 60 * 60_000 };

/** Delay before attempt `attempts + 1`, given `attempts` failed ones so far (≥ 1). */
export function backoffDelay(
  b: Backoff,
  attempts: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(b.maxMs, b.baseMs * 2 ** Math.max(0, attempts - 1));
  // Half fixed, half jitter: never sooner than half the ceiling.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
