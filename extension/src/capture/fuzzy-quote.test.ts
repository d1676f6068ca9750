import { describe, expect, it } from "vitest";
import { findFuzzyQuote, MAX_FUZZY_TEXT, MIN_FUZZY_SCORE } from "./fuzzy-quote.ts";

const text =
  "Intro text here. Shoppers trusted the online price more, because it was easier to compare. Outro follows.";

describe("findFuzzyQuote", () => {
  it("finds a quote with a changed word and scores it by quote and context", () => {
    const quote = "Shoppers trusted the online price more, because it was simpler to compare.";
    const m = findFuzzyQuote(text, quote, {
      prefix: "Intro text here. ",
      suffix: " Outro follows.",
    });
    expect(m).not.toBeNull();
    expect(text.slice(m?.start, m?.end)).toContain("easier to compare");
    expect(m?.score).toBeGreaterThan(0.9);
  });

  it("prefers the candidate whose context agrees", () => {
    const page = "A: the price is right. B: the price is right.";
    const m = findFuzzyQuote(page, "the prize is right", { prefix: "B: ", suffix: "." });
    expect(m?.start).toBe(page.lastIndexOf("the price"));
  });

  it("refuses matches below the score floor instead of returning noise", () => {
    const m = findFuzzyQuote(text, "Completely unrelated words about warranty colours", {
      prefix: "nothing like this",
      suffix: "either",
    });
    expect(m).toBeNull();
    expect(MIN_FUZZY_SCORE).toBeGreaterThan(0.5);
  });

  it("searches a window around the hint on pages beyond the cap", () => {
    const filler = "lorem ipsum dolor ".repeat(Math.ceil((MAX_FUZZY_TEXT * 1.5) / 18));
    const page = `${filler}the unique passage about colour choices${filler}`;
    const at = filler.length;
    expect(
      findFuzzyQuote(page, "the unique pasage about colour choices", { hint: at })?.start,
    ).toBe(at);
    expect(findFuzzyQuote(page, "the unique pasage about colour choices", { hint: 0 })).toBeNull();
  });

  it("is null for empty input", () => {
    expect(findFuzzyQuote("", "x")).toBeNull();
    expect(findFuzzyQuote("x", "")).toBeNull();
  });
});
