import { describe, expect, it } from "vitest";
import { isScored, principleTotal, weakestPrinciple } from "./principles.ts";

describe("principles scorecard maths", () => {
  it("sums the four scores, unscored counting 0", () => {
    expect(principleTotal({})).toBe(0);
    expect(
      principleTotal({ truth: { score: 3, note: "" }, relevance: { score: 2, note: "" } }),
    ).toBe(5);
    expect(
      principleTotal({
        truth: { score: 3, note: "" },
        resonance: { score: 3, note: "" },
        relevance: { score: 3, note: "" },
        uniqueness: { score: 3, note: "" },
      }),
    ).toBe(12);
  });

  it("names the weakest principle, first in order on ties, none while unscored", () => {
    expect(weakestPrinciple({})).toBeNull();
    expect(isScored({})).toBe(false);
    expect(weakestPrinciple({ truth: { score: 2, note: "" } })).toBe("resonance");
    expect(
      weakestPrinciple({
        truth: { score: 2, note: "" },
        resonance: { score: 3, note: "" },
        relevance: { score: 1, note: "" },
        uniqueness: { score: 1, note: "" },
      }),
    ).toBe("relevance");
  });

  it("clamps out-of-range scores", () => {
    expect(principleTotal({ truth: { score: 9, note: "" } })).toBe(3);
  });
});
