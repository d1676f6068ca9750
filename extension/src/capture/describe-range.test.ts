// @vitest-environment happy-dom
import { SelectorSchema } from "@sightline/shared";
import { beforeEach, describe, expect, it } from "vitest";
import { loadFixture } from "../../test/fixtures/load-fixture.ts";
import { describeRange } from "./describe-range.ts";
import { selectorOfType } from "./selector-types.ts";

/** A Range over the first occurrence of `text` inside a single text node. */
function rangeOf(text: string): Range {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = (n as Text).data.indexOf(text);
    if (at >= 0) {
      const r = document.createRange();
      r.setStart(n, at);
      r.setEnd(n, at + text.length);
      return r;
    }
  }
  throw new Error(`not in fixture: ${text}`);
}

beforeEach(() => loadFixture("news-article.html"));

describe("describeRange", () => {
  it("produces all four W3C selector kinds, each valid against the shared schema", () => {
    const selectors = describeRange(rangeOf("the most telling behaviour of all"));
    expect(selectors.map((s) => s.type)).toEqual([
      "RangeSelector",
      "CssSelector",
      "TextPositionSelector",
      "TextQuoteSelector",
    ]);
    for (const s of selectors) expect(SelectorSchema.parse(s)).toEqual(s);
  });

  it("records the quote with 32 characters of context and offsets into body.textContent", () => {
    const selectors = describeRange(rangeOf("the most telling behaviour of all"));
    const tq = selectorOfType(selectors, "TextQuoteSelector");
    const tp = selectorOfType(selectors, "TextPositionSelector");
    const text = document.body.textContent ?? "";
    expect(tq?.exact).toBe("the most telling behaviour of all");
    expect(tq?.prefix).toBe("king the phone turned out to be ");
    expect(tq?.prefix).toBe(text.slice((tp?.start ?? 0) - 32, tp?.start));
    expect(tq?.suffix).toHaveLength(32);
    expect(text.slice(tp?.start, tp?.end)).toBe(tq?.exact);
  });

  it("names the paragraph by XPath and the ancestor by CSS, refined to the quote", () => {
    const selectors = describeRange(rangeOf("the most telling behaviour of all"));
    const rs = selectorOfType(selectors, "RangeSelector");
    expect(rs?.startSelector).toEqual({ type: "XPathSelector", value: "/article[1]/p[4]" });
    const css = selectorOfType(selectors, "CssSelector");
    const el = document.querySelector(css?.value ?? "") as Element;
    expect(el.textContent?.slice(css?.refinedBy?.start, css?.refinedBy?.end)).toBe(
      "the most telling behaviour of all",
    );
  });

  it("spans elements and trims outer whitespace", () => {
    const r = document.createRange();
    const h2 = document.querySelectorAll("h2")[0] as Element;
    r.setStart(h2, 0);
    r.setEnd(rangeOf("Checking the phone").endContainer, 18);
    const tq = selectorOfType(describeRange(r), "TextQuoteSelector");
    expect(tq?.exact).toMatch(/^The phone in the hand\s+Checking the phone$/);
  });

  it("caps the quote at 4000 characters, consistently across selectors", () => {
    document.body.innerHTML = `<p>${"word ".repeat(2000)}</p>`;
    const p = document.querySelector("p") as Element;
    const r = document.createRange();
    r.selectNodeContents(p);
    const selectors = describeRange(r);
    const tp = selectorOfType(selectors, "TextPositionSelector");
    expect(selectorOfType(selectors, "TextQuoteSelector")?.exact).toHaveLength(4000);
    expect((tp?.end ?? 0) - (tp?.start ?? 0)).toBe(4000);
  });

  it("returns nothing for whitespace-only or outside ranges", () => {
    const r = document.createRange();
    r.selectNodeContents(document.head);
    expect(describeRange(r)).toEqual([]);
    document.body.innerHTML = `<p>   </p>`;
    r.selectNodeContents(document.querySelector("p") as Element);
    expect(describeRange(r)).toEqual([]);
  });
});
