// Slows PIN guessing at the feedback kiosk: after `maxFailures` wrong PINs in
// a row the prompt locks for `lockMs`. A right PIN clears the count.

export type PinThrottle = {
  /** Ms until the prompt accepts a PIN again (0 = now). */
  lockedFor(now: number): number;
  failed(now: number): void;
  succeeded(): void;
};

export function createPinThrottle(maxFailures = 5, lockMs = 30_000): PinThrottle {
  let failures = 0;
  let lockedUntil = 0;
  return {
    lockedFor: (now) => Math.max(0, lockedUntil - now),
    failed(now) {
      failures++;
      if (failures >= maxFailures) {
        failures = 0;
        lockedUntil = now + lockMs;
      }
    },
    succeeded() {
      failures = 0;
      lockedUntil = 0;
    },
  };
}
