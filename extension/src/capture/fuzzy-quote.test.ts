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

  it("snaps to whole words: never a highlight from mid-word ('ường lực…')", () => {
    // "cường" became "thường": the closest match starts inside the new word.
    const page = "Mặt trước được phủ kính thường lực thế hệ mới, nhà sản xuất cho biết.";
    const m = findFuzzyQuote(page, "cường lực thế hệ mới", {
      prefix: "được phủ kính ",
      suffix: ", nhà sản xuất",
    });
    expect(page.slice(m?.start, m?.end)).toBe("thường lực thế hệ mới");
    const longer = "Mặt trước được phủ kính cường lực thế hệ mớimẻ, nhà sản xuất cho biết.";
    const end = findFuzzyQuote(longer, "kính cường lực thế hệ mới", {
      prefix: "được phủ ",
      suffix: ", nhà sản xuất",
    });
    expect(longer.slice(end?.start, end?.end)).toBe("kính cường lực thế hệ mớimẻ");
    const en = "The maintenance wand takes practice, but the automatic mode helps.";
    const wand = findFuzzyQuote(en, "steam wand takes practice, but the", {
      prefix: "The ",
      suffix: " automatic mode",
    });
    // "steam" became "maintenance": the nearer word edge is after it, not inside it.
    expect(en.slice(wand?.start, wand?.end)).toBe("wand takes practice, but the");
  });

  it("keeps a quote that itself began mid-word as it was", () => {
    const page = "Khung nhôm nguyên khối, mặt kính cường lực chống trầy.";
    const m = findFuzzyQuote(page, "ường lực chống trày", { prefix: "mặt kính c", suffix: "." });
    expect(page.slice(m?.start, m?.end)).toBe("ường lực chống trầy");
  });

  it("does not take a near-duplicate sentence elsewhere for a deleted quote", () => {
    const page =
      "Giới thiệu chung về sản phẩm. Theo nhân viên bán hàng, khách hàng thường hỏi về màu sắc trước khi mua. Hết bài.";
    const m = findFuzzyQuote(page, "Khách hàng thường hỏi về giá bán trước khi quyết định mua.", {
      prefix: "ở cửa hàng chúng tôi ghé thăm. ",
      suffix: " Đây cũng là lý do phổ biến",
    });
    expect(m).toBeNull();
  });

  it("is null for empty input", () => {
    expect(findFuzzyQuote("", "x")).toBeNull();
    expect(findFuzzyQuote("x", "")).toBeNull();
  });
});
