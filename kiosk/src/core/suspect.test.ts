import { describe, expect, it } from "vitest";
import { createSuspectRule, SUSPECT_WINDOW_MS } from "./suspect.ts";

describe("suspect-tap rule", () => {
  it("never marks the first press", () => {
    expect(createSuspectRule().tap(1_000)).toBe(false);
  });

  it("marks a press less than 2 s after the previous one", () => {
    const rule = createSuspectRule();
    rule.tap(10_000);
    expect(rule.tap(10_000 + SUSPECT_WINDOW_MS - 1)).toBe(true);
  });

  it("accepts a press exactly 2 s or more after the previous one", () => {
    const rule = createSuspectRule();
    rule.tap(10_000);
    expect(rule.tap(12_000)).toBe(false);
    expect(rule.tap(14_500)).toBe(false);
  });

  it("measures from the previous press even when that one was suspect", () => {
    const rule = createSuspectRule();
    expect([0, 500, 1000, 1500, 2000].map((t) => rule.tap(t))).toEqual([
      false,
      true,
      true,
      true,
      true,
    ]);
    expect(rule.tap(4000)).toBe(false);
  });

  it("does not mark a press when the clock moved backwards", () => {
    const rule = createSuspectRule();
    rule.tap(50_000);
    expect(rule.tap(49_000)).toBe(false);
  });
});
