import { PRINCIPLES, weakestPrinciple } from "@sightline/shared";
import { describe, expect, it } from "vitest";
import { mergePrinciples, PrinciplesSchema, summarisePrinciples } from "./principles.ts";

describe("summarisePrinciples", () => {
  it("sums the scores and names the weakest", () => {
    const s = summarisePrinciples({
      truth: { score: 3, note: "12 taps, 5 ratings" },
      resonance: { score: 2, note: "" },
      relevance: { score: 3, note: "" },
      uniqueness: { score: 1, note: "competitor says the same" },
    });
    expect(s).toEqual({ total: 9, max: 12, scored: 4, weakest: "uniqueness" });
  });

  it("counts an unscored principle as the weakest", () => {
    const s = summarisePrinciples({
      truth: { score: 2, note: "" },
      resonance: { score: 1, note: "" },
    });
    expect(s).toMatchObject({ total: 3, scored: 2, weakest: "relevance" });
  });

  it("breaks ties in principle order", () => {
    const all2 = { score: 2, note: "" };
    expect(
      summarisePrinciples({ truth: all2, resonance: all2, relevance: all2, uniqueness: all2 })
        .weakest,
    ).toBe("truth");
  });

  it("has no weakest while nothing is scored", () => {
    expect(summarisePrinciples({})).toEqual({ total: 0, max: 12, scored: 0, weakest: null });
  });
});

describe("PrinciplesSchema", () => {
  it("accepts 0..3 with a note and rejects anything else", () => {
    expect(PrinciplesSchema.safeParse({ truth: { score: 3, note: "x" } }).success).toBe(true);
    expect(PrinciplesSchema.safeParse({ truth: { score: 4, note: "" } }).success).toBe(false);
    expect(PrinciplesSchema.safeParse({ truth: { score: 1.5, note: "" } }).success).toBe(false);
    expect(PrinciplesSchema.safeParse({ beauty: { score: 1, note: "" } }).success).toBe(false);
  });

  it("defaults a missing note to empty", () => {
    expect(PrinciplesSchema.parse({ truth: { score: 1 } }).truth?.note).toBe("");
  });
});

describe("mergePrinciples", () => {
  it("replaces the principles named in the patch and keeps the rest", () => {
    const merged = mergePrinciples(
      { truth: { score: 1, note: "a" }, resonance: { score: 2, note: "b" } },
      { truth: { score: 3, note: "c" } },
    );
    expect(merged).toEqual({ truth: { score: 3, note: "c" }, resonance: { score: 2, note: "b" } });
  });
});

describe("the weakest principle (shared with the web app's scorecard editor)", () => {
  it("is the first of the lowest scores, unscored = 0, for every combination", () => {
    const scores = [undefined, 0, 1, 2, 3] as const;
    for (const a of scores)
      for (const b of scores)
        for (const c of scores)
          for (const d of scores) {
            const p = Object.fromEntries(
              PRINCIPLES.flatMap((n, i) => {
                const s = [a, b, c, d][i];
                return s === undefined ? [] : [[n, { score: s, note: "" }]];
              }),
            );
            const given: number[] = [a, b, c, d].map((s) => s ?? 0);
            const oracle = given.every((_, i) => [a, b, c, d][i] === undefined)
              ? null
              : PRINCIPLES[given.indexOf(Math.min(...given))];
            expect(summarisePrinciples(p).weakest).toBe(oracle);
            expect(weakestPrinciple(p)).toBe(oracle);
          }
  });
});
