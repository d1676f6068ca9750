import { describe, expect, it } from "vitest";
import { capText, collapseText } from "./cap-text.ts";

describe("capText", () => {
  it("keeps short strings and cuts long ones to the cap", () => {
    expect(capText("abc", 5)).toBe("abc");
    expect(capText("abcdef", 4)).toBe("abcd");
  });
  it("never leaves half a surrogate pair", () => {
    const s = "ab😀cd"; // 😀 is two UTF-16 units at 2..3
    expect(capText(s, 3)).toBe("ab");
    expect(capText(s, 4)).toBe("ab😀");
  });
});

describe("collapseText", () => {
  it("trims and collapses whitespace including newlines and NBSP", () => {
    expect(collapseText("  Mua\n\t  ngay\u00a0 nhé ", 100)).toBe("Mua ngay nhé");
  });
  it("caps after collapsing", () => {
    expect(collapseText("a    b    c", 3)).toBe("a b");
  });
});
