import { describe, expect, it } from "vitest";
import { PRINCIPLES, principleScore, weakestPrinciple } from "./insight.ts";

describe("weakestPrinciple (the one rule the server scorecard and the web editor use)", () => {
  it("is null while nothing is scored", () => {
    expect(weakestPrinciple({})).toBeNull();
  });
  it("names the lowest score", () => {
    const p = {
      truth: { score: 3, note: "" },
      resonance: { score: 2, note: "" },
      relevance: { score: 3, note: "" },
      uniqueness: { score: 1, note: "" },
    };
    expect(weakestPrinciple(p)).toBe("uniqueness");
  });
  it("counts an unscored principle as 0", () => {
    expect(weakestPrinciple({ truth: { score: 2 }, uniqueness: { score: 1 } })).toBe("resonance");
  });
  it("breaks ties by the fixed order", () => {
    expect(weakestPrinciple({ truth: { score: 0 }, resonance: { score: 0 } })).toBe("truth");
    const all = Object.fromEntries(PRINCIPLES.map((n) => [n, { score: 2 }]));
    expect(weakestPrinciple(all)).toBe("truth");
  });
  it("clamps scores to 0–3", () => {
    expect(principleScore({ truth: { score: 7 } }, "truth")).toBe(3);
    expect(principleScore({ truth: { score: -1 } }, "truth")).toBe(0);
  });
});
