// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from "vitest";
import { indexText } from "./text-index.ts";

beforeEach(() => {
  document.body.innerHTML = `<p id="a">Hello <b>brave</b> new</p><p id="b"></p><p id="c">world<i></i>!</p>`;
});

describe("indexText", () => {
  it("has the root's textContent as its text", () => {
    expect(indexText(document.body).text).toBe(document.body.textContent);
  });

  it("maps text and element boundary points to offsets", () => {
    const idx = indexText(document.body);
    const b = document.querySelector("b") as Element;
    expect(idx.offsetOf(b.firstChild as Node, 2)).toBe(8); // "Hello br|ave"
    expect(idx.offsetOf(b, 0)).toBe(6);
    expect(idx.offsetOf(b, 1)).toBe(11);
    expect(idx.offsetOf(document.body, 3)).toBe(idx.text.length);
    expect(idx.offsetOf(document.head, 0)).toBeNull();
  });

  it("gives the text span of an element, also for empty ones", () => {
    const idx = indexText(document.body);
    const a = idx.spanOf(document.getElementById("a") as Element);
    expect(a && idx.text.slice(a.start, a.end)).toBe("Hello brave new");
    expect(idx.spanOf(document.getElementById("b") as Element)).toEqual({ start: 15, end: 15 });
    expect(idx.spanOf(document.body)).toEqual({ start: 0, end: idx.text.length });
  });

  it("builds ranges that read back the same text, across element boundaries", () => {
    const idx = indexText(document.body);
    for (const [s, e] of [
      [0, 5],
      [3, 13],
      [6, 11],
      [11, 20],
      [15, 21],
      [20, 21],
      [4, 4],
    ] as const) {
      expect(idx.rangeAt(s, e)?.toString()).toBe(idx.text.slice(s, e));
    }
  });

  it("round-trips a range's boundary points", () => {
    const idx = indexText(document.body);
    const r = idx.rangeAt(8, 18) as Range;
    expect(idx.offsetOf(r.startContainer, r.startOffset)).toBe(8);
    expect(idx.offsetOf(r.endContainer, r.endOffset)).toBe(18);
  });

  it("rejects out-of-bounds ranges and text-less roots", () => {
    const idx = indexText(document.body);
    expect(idx.rangeAt(-1, 2)).toBeNull();
    expect(idx.rangeAt(5, 2)).toBeNull();
    expect(idx.rangeAt(0, idx.text.length + 1)).toBeNull();
    expect(indexText(document.getElementById("b") as Element).rangeAt(0, 0)).toBeNull();
  });
});
