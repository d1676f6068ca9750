import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_MAX_DRIFT_MS,
  HLC_PATTERN,
  hlcCompare,
  hlcFormat,
  hlcInit,
  hlcParse,
  hlcReceive,
  hlcSend,
  hlcWallMs,
  MAX_HLC_MS,
} from "./hlc.ts";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 24);

describe("hlc", () => {
  it("round-trips through its string form", () => {
    const s = hlcSend(hlcInit("0193a1b2-dev"), T0);
    expect(hlcParse(hlcFormat(s))).toEqual(s);
  });

  it("string order equals (ms, counter) order", () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 0, max: 2 * T0 }), fc.integer({ min: 0, max: 36 ** 4 - 1 })),
        fc.tuple(fc.integer({ min: 0, max: 2 * T0 }), fc.integer({ min: 0, max: 36 ** 4 - 1 })),
        ([ma, ca], [mb, cb]) => {
          const a = hlcFormat({ ms: ma, counter: ca, node: "n" });
          const b = hlcFormat({ ms: mb, counter: cb, node: "n" });
          const numeric = ma === mb ? Math.sign(ca - cb) : Math.sign(ma - mb);
          expect(hlcCompare(a, b)).toBe(numeric);
        },
      ),
    );
  });

  it("send is strictly monotonic even when the wall clock jumps back", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: T0 - DAY, max: T0 + DAY }), { minLength: 1, maxLength: 200 }),
        (times) => {
          let s = hlcInit("dev");
          let prev = "";
          for (const t of times) {
            s = hlcSend(s, t);
            const now = hlcFormat(s);
            expect(now > prev).toBe(true);
            prev = now;
          }
        },
      ),
    );
  });

  it("an event after receiving is greater than what was received, under ±1 day skew", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -DAY, max: DAY }),
        fc.integer({ min: -DAY, max: DAY }),
        fc.integer({ min: 0, max: 50 }),
        (skewA, skewB, extra) => {
          // Device A (clock skewed by skewA) writes; device B (skewB) sees it, then edits.
          let a = hlcInit("A");
          for (let i = 0; i <= extra; i++) a = hlcSend(a, T0 + skewA);
          const seen = hlcFormat(a);
          let b = hlcReceive(hlcInit("B"), seen, T0 + skewB);
          b = hlcSend(b, T0 + skewB);
          expect(hlcCompare(hlcFormat(b), seen)).toBe(1);
        },
      ),
    );
  });

  it("parse rejects malformed stamps; receive never throws on one and ignores it", () => {
    expect(() => hlcParse("12-ab-x")).toThrow(/not an HLC/);
    const s = hlcSend(hlcInit("a"), T0);
    for (const bad of ["garbage", "9999999999999999-0000-x", "", "000000000000001-zzzzz-x"])
      expect(hlcReceive(s, bad, T0)).toEqual(s);
  });

  it("receive with a bound never moves the clock past now + bound (far-future stamps)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_HLC_MS }),
        fc.integer({ min: 0, max: 36 ** 4 - 1 }),
        (ms, counter) => {
          const remote = hlcFormat({ ms, counter, node: "evil" });
          const s = hlcReceive(hlcSend(hlcInit("a"), T0), remote, T0, DEFAULT_MAX_DRIFT_MS);
          expect(s.ms).toBeLessThanOrEqual(T0 + DEFAULT_MAX_DRIFT_MS + 1);
          expect(hlcFormat(hlcSend(s, T0))).toMatch(HLC_PATTERN);
        },
      ),
    );
  });

  it("always writes 15-digit wall times, even from an absurd clock", () => {
    for (const now of [MAX_HLC_MS, MAX_HLC_MS * 10, 8.64e15]) {
      const s = hlcSend(hlcInit("a"), now);
      expect(hlcFormat(s)).toMatch(HLC_PATTERN);
      expect(hlcFormat(hlcSend(s, now))).toMatch(HLC_PATTERN);
    }
    expect(hlcWallMs(hlcFormat({ ms: T0, counter: 3, node: "n" }))).toBe(T0);
    expect(hlcWallMs("nope")).toBeNull();
  });

  it("spills counter overflow into the millisecond field", () => {
    const s = hlcSend({ ms: T0, counter: 36 ** 4 - 1, node: "n" }, T0);
    expect(s).toEqual({ ms: T0 + 1, counter: 0, node: "n" });
  });
});
