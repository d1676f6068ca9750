import { describe, expect, it } from "vitest";
import { type Clock, createIntervalQueue } from "./throttle.ts";

/** A clock whose sleeps advance time instantly (and record how long they were). */
function virtualClock(): Clock & { t: number } {
  const c = {
    t: 1_000_000,
    now: () => c.t,
    sleep: async (ms: number) => {
      c.t += ms;
    },
  };
  return c;
}

describe("createIntervalQueue (captureVisibleTab ≤ 2 calls/s)", () => {
  it("starts calls at least the interval apart, in order", async () => {
    const clock = virtualClock();
    const q = createIntervalQueue(510, clock);
    const starts: [number, number][] = [];
    await Promise.all(
      [1, 2, 3, 4, 5].map((i) => q.run(async () => void starts.push([i, clock.now()]))),
    );
    expect(starts.map(([i]) => i)).toEqual([1, 2, 3, 4, 5]);
    for (let i = 1; i < starts.length; i++) {
      expect((starts[i]?.[1] ?? 0) - (starts[i - 1]?.[1] ?? 0)).toBeGreaterThanOrEqual(510);
    }
    // Never three starts within any one-second window.
    for (let i = 2; i < starts.length; i++) {
      expect((starts[i]?.[1] ?? 0) - (starts[i - 2]?.[1] ?? 0)).toBeGreaterThanOrEqual(1000);
    }
  });

  it("does not wait when the last call was long ago", async () => {
    const clock = virtualClock();
    const q = createIntervalQueue(510, clock);
    await q.run(async () => undefined);
    clock.t += 5000;
    const before = clock.now();
    await q.run(async () => undefined);
    expect(clock.now()).toBe(before);
  });

  it("a failing call does not block the ones behind it", async () => {
    const clock = virtualClock();
    const q = createIntervalQueue(510, clock);
    const a = q.run(async () => {
      throw new Error("quota");
    });
    const b = q.run(async () => "ok");
    await expect(a).rejects.toThrow("quota");
    await expect(b).resolves.toBe("ok");
  });
});
