import { describe, expect, it } from "vitest";
import { describeTextQuote, findExactQuote } from "./text-quote.ts";

const text = "Giá 1.290.000₫ hôm nay. Đánh giá: giá 1.290.000₫ là hợp lý. Giá 1.290.000₫ cuối.";

describe("describeTextQuote", () => {
  it("keeps up to 32 characters of context and omits empty context", () => {
    const s = describeTextQuote("abcdef", { start: 0, end: 3 });
    expect(s).toEqual({ type: "TextQuoteSelector", exact: "abc", suffix: "def" });
    const long = `${"x".repeat(50)}QUOTE${"y".repeat(50)}`;
    const t = describeTextQuote(long, { start: 50, end: 55 });
    expect(t.prefix).toBe("x".repeat(32));
    expect(t.suffix).toBe("y".repeat(32));
  });

  it("does not split a surrogate pair at the context edge", () => {
    // 20 emoji take offsets 0..39, so 32 back from 41 lands on a low surrogate.
    const s = `${"😀".repeat(20)}aQUOTEb`;
    expect(describeTextQuote(s, { start: 41, end: 46 }).prefix).toBe(`${"😀".repeat(15)}a`);
    const t = `QQ${"😀".repeat(20)}`; // 32 forward from 1 ends between a pair's halves
    expect(describeTextQuote(t, { start: 0, end: 1 }).suffix).toBe(`Q${"😀".repeat(15)}`);
  });
});

describe("findExactQuote", () => {
  it("picks the occurrence whose context agrees", () => {
    const q = "1.290.000₫";
    const second = text.indexOf(q, 10);
    const found = findExactQuote(text, q, { prefix: "Đánh giá: giá ", suffix: " là hợp lý" });
    expect(found).toMatchObject({ start: second, end: second + q.length, context: 1 });
  });

  it("scores context approximately: a prefix off by one space still disambiguates", () => {
    const page = "Mục một: giá tốt nhất. Mục hai:  giá tốt nhất hôm nay.";
    const second = page.lastIndexOf("giá tốt nhất");
    expect(findExactQuote(page, "giá tốt nhất", { prefix: "Mục hai: " })?.start).toBe(second);
    expect(findExactQuote(page, "giá tốt nhất", { suffix: "hôm nay." })?.start).toBe(second);
  });

  it("falls back to the occurrence nearest the hint when context says nothing", () => {
    const q = "1.290.000₫";
    const last = text.lastIndexOf(q);
    expect(findExactQuote(text, q, { hint: last - 3 })?.start).toBe(last);
    expect(findExactQuote(text, q)?.start).toBe(text.indexOf(q));
  });

  it("searches only inside the given region", () => {
    const q = "1.290.000₫";
    const found = findExactQuote(text, q, {}, { start: 20, end: text.length });
    expect(found?.start).toBe(text.indexOf(q, 20));
    expect(findExactQuote(text, q, {}, { start: 20, end: 40 })).toBeNull();
  });

  it("is null for an empty or absent quote", () => {
    expect(findExactQuote(text, "")).toBeNull();
    expect(findExactQuote(text, "2.490.000₫")).toBeNull();
  });
});
