import { describe, expect, it } from "vitest";
import { matchCompetitor, normaliseDomain } from "./competitor-match.ts";

const shop = { id: "c1", name: "Shop", domains: ["shop.vn"] };
const shopee = { id: "c2", name: "Shopee", domains: ["shopee.vn"] };
const mall = { id: "c3", name: "Brand on Shopee Mall", domains: ["MALL.shopee.vn."] };
const viet = { id: "c4", name: "Cửa hàng", domains: ["cửahàng.vn"] };
const all = [shop, shopee, mall, viet];

describe("matchCompetitor", () => {
  it.each([
    ["https://shop.vn/p/1", shop],
    ["https://www.shop.vn/p/1", shop],
    ["https://m.shop.vn", shop],
    ["https://WWW.Shop.VN./x", shop],
    ["http://shop.vn:8080/", shop],
    ["https://shopee.vn/product", shopee],
    ["https://mall.shopee.vn/brand", mall],
    ["https://x.mall.shopee.vn/brand", mall],
    ["https://www.cửahàng.vn/", viet],
  ])("%s → its competitor", (url, expected) => {
    expect(matchCompetitor(url, all)).toBe(expected);
  });

  it.each([
    "https://notshop.vn/",
    "https://shop.vn.evil.com/",
    "https://evil.com/shop.vn",
    "https://shop.com/",
    "about:blank",
    "not a url",
  ])("%s → no competitor", (url) => {
    expect(matchCompetitor(url, all)).toBeNull();
  });

  it("longest domain wins regardless of list order", () => {
    expect(matchCompetitor("https://mall.shopee.vn/", [mall, shopee])).toBe(mall);
    expect(matchCompetitor("https://mall.shopee.vn/", [shopee, mall])).toBe(mall);
  });
});

describe("normaliseDomain", () => {
  it("accepts what admins type", () => {
    expect(normaliseDomain(" *.Shop.vn ")).toBe("shop.vn");
    expect(normaliseDomain("https://shop.vn/path")).toBe("shop.vn");
    expect(normaliseDomain("cửahàng.vn")).toMatch(/^xn--[a-z0-9-]+\.vn$/); // as URL.hostname spells it
    expect(normaliseDomain("")).toBeNull();
    expect(normaliseDomain("shop")).toBeNull();
  });
});
