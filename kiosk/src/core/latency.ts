// Tap-to-durable latency as User Timing measures: from the input event's
// timestamp to the moment the write's IndexedDB transaction committed (the
// worker's answer arrived). The bench (kiosk/bench/tap-latency.ts) reads them.

export const TAP_DURABLE = "kiosk:tap-durable";
export const FEEDBACK_DURABLE = "kiosk:feedback-durable";

/** A start time on the performance clock for an input event (its own timestamp when usable). */
export function startOf(e?: { timeStamp?: number }): number {
  const now = performance.now();
  const ts = e?.timeStamp;
  return typeof ts === "number" && ts > 0 && ts <= now ? ts : now;
}

export function measureSince(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // User Timing unavailable (old engine, some test DOMs): nothing to record.
  }
}
