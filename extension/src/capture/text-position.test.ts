// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { indexText } from "./text-index.ts";
import { describeTextPosition, resolveTextPosition } from "./text-position.ts";

describe("text position", () => {
  it("describes a span and resolves it while it fits the text", () => {
    document.body.innerHTML = "<p>Hello <b>world</b></p>";
    const index = indexText(document.body);
    const sel = describeTextPosition({ start: 6, end: 11 });
    expect(sel).toEqual({ type: "TextPositionSelector", start: 6, end: 11 });
    const span = resolveTextPosition(index, sel);
    expect(span && index.text.slice(span.start, span.end)).toBe("world");
  });

  it("is null once the text is shorter than the offsets", () => {
    document.body.innerHTML = "<p>Hi</p>";
    const index = indexText(document.body);
    expect(
      resolveTextPosition(index, { type: "TextPositionSelector", start: 6, end: 11 }),
    ).toBeNull();
    expect(
      resolveTextPosition(index, { type: "TextPositionSelector", start: 2, end: 1 }),
    ).toBeNull();
  });
});
