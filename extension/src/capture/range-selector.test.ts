// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from "vitest";
import {
  describeAncestorCss,
  describeRangeSelector,
  resolveCssSelector,
  resolveRangeSelector,
} from "./range-selector.ts";
import { indexText } from "./text-index.ts";

beforeEach(() => {
  document.body.innerHTML = `<main id="story"><p>First <b>bold</b> words.</p><p>Second para.</p></main>`;
});

function spanRange(start: number, end: number) {
  const index = indexText(document.body);
  return { index, range: index.rangeAt(start, end) as Range };
}

describe("RangeSelector", () => {
  it("names the start and end elements by XPath and resolves to their region", () => {
    const { index, range } = spanRange(6, 21); // "bold words.Seco"
    const sel = describeRangeSelector(range, document.body);
    expect(sel).toEqual({
      type: "RangeSelector",
      startSelector: { type: "XPathSelector", value: "/main[1]/p[1]/b[1]" },
      endSelector: { type: "XPathSelector", value: "/main[1]/p[2]" },
    });
    expect(sel && resolveRangeSelector(index, sel)).toEqual({ start: 6, end: index.text.length });
  });

  it("resolves to null once an element is gone", () => {
    const { range } = spanRange(6, 10);
    const sel = describeRangeSelector(range, document.body);
    document.querySelector("b")?.replaceWith("bold");
    expect(sel && resolveRangeSelector(indexText(document.body), sel)).toBeNull();
  });
});

describe("ancestor CssSelector", () => {
  it("refines the common ancestor by offsets relative to it", () => {
    const { index, range } = spanRange(6, 16); // "bold words"
    const sel = describeAncestorCss(index, range, { start: 6, end: 16 });
    expect(sel).toEqual({
      type: "CssSelector",
      value: "#story > p:nth-of-type(1)",
      refinedBy: { type: "TextPositionSelector", start: 6, end: 16 },
    });
    document.body.insertAdjacentHTML("afterbegin", "<header>Banner</header>");
    const moved = indexText(document.body);
    const span = sel && resolveCssSelector(moved, sel);
    expect(span && moved.text.slice(span.start, span.end)).toBe("bold words");
  });

  it("is null when the refinement no longer fits the element", () => {
    const { index, range } = spanRange(6, 16);
    const sel = describeAncestorCss(index, range, { start: 6, end: 16 });
    (document.querySelector("p") as Element).textContent = "Short";
    expect(sel && resolveCssSelector(indexText(document.body), sel)).toBeNull();
  });
});
