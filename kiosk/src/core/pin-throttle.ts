// Slows PIN guessing at the feedback kiosk: after `maxFailures` wrong PINs in
// a row the prompt locks for `lockMs`. A right PIN clears the count.
// With a `store` the count and the lock are kept across reloads (the kiosk
// keeps them in its settings), so reloading the page does not lift a lockout.
// A lock read back never lasts longer than `lockMs` from now (a clock set
// back does not lock the tablet for good).

export type PinThrottle = {
  /** Ms until the prompt accepts a PIN again (0 = now). */
  lockedFor(now: number): number;
  failed(now: number): void;
  succeeded(): void;
};

export type PinThrottleStore = {
  get(): string | null;
  set(value: string | null): void;
};

type Saved = { failures: number; lockedUntil: number };

export function createPinThrottle(
  maxFailures = 5,
  lockMs = 30_000,
  store?: PinThrottleStore,
): PinThrottle {
  let failures = 0;
  let lockedUntil = 0;
  let loaded = false;
  const load = (now: number) => {
    if (loaded || !store) return;
    loaded = true;
    try {
      const s = JSON.parse(store.get() ?? "null") as Saved | null;
      if (s && Number.isFinite(s.failures) && Number.isFinite(s.lockedUntil)) {
        failures = Math.max(0, Math.min(maxFailures - 1, Math.trunc(s.failures)));
        lockedUntil = Math.min(s.lockedUntil, now + lockMs);
      }
    } catch {
      // unreadable: start afresh
    }
  };
  const save = () =>
    store?.set(
      failures === 0 && lockedUntil === 0 ? null : JSON.stringify({ failures, lockedUntil }),
    );
  return {
    lockedFor(now) {
      load(now);
      return Math.max(0, lockedUntil - now);
    },
    failed(now) {
      load(now);
      failures++;
      if (failures >= maxFailures) {
        failures = 0;
        lockedUntil = now + lockMs;
      }
      save();
    },
    succeeded() {
      loaded = true;
      failures = 0;
      lockedUntil = 0;
      save();
    },
  };
}
