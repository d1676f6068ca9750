import { describe, expect, it } from "vitest";
import { pageKey, samePage } from "./page-key.ts";

describe("pageKey", () => {
  it("ignores fragment, tracking parameters, host case, trailing slash and parameter order", () => {
    const a = pageKey("https://Shop.VN/tai-nghe/sony/?b=2&utm_source=fb&a=1#reviews");
    expect(a).toBe("https://shop.vn/tai-nghe/sony?a=1&b=2");
    expect(pageKey("https://shop.vn/tai-nghe/sony?a=1&b=2&fbclid=x")).toBe(a);
  });
  it("keeps parameters that change the page", () => {
    expect(pageKey("https://shop.vn/p?color=red")).not.toBe(
      pageKey("https://shop.vn/p?color=blue"),
    );
  });
  it("is null for non-web URLs", () => {
    expect(pageKey("chrome://extensions")).toBeNull();
    expect(pageKey("not a url")).toBeNull();
  });
});

describe("samePage", () => {
  it("matches through the canonical URL (relative or absolute)", () => {
    expect(
      samePage(
        { url: "https://m.shop.vn/sony?ref=home", canonicalUrl: "https://shop.vn/sony" },
        { url: "https://shop.vn/sony" },
      ),
    ).toBe(true);
    expect(
      samePage(
        { url: "https://shop.vn/sony-2" },
        { url: "https://shop.vn/x", canonicalUrl: "/sony-2" },
      ),
    ).toBe(true);
    expect(samePage({ url: "https://shop.vn/a" }, { url: "https://shop.vn/b" })).toBe(false);
  });
});
