// @vitest-environment happy-dom
// The compare step of a watched page, on the shop fixture parsed from HTML
// text as the offscreen document (Chromium) or the event page (Firefox) parses
// it: the watched price or element found again, changed or not, or gone.
import { describe, expect, it } from "vitest";
import { fixtureHtml } from "../../test/fixtures/load-fixture.ts";
import { readPrices } from "./prices.ts";
import { compareWatchedHtml, type WatchTarget } from "./watch-compare.ts";

const URL_ = "https://dienmayxanhla.vn/tai-nghe/sony-wh-ch520";
const PAGE = fixtureHtml("vi-shop.html");
const parse = (html: string) => new DOMParser().parseFromString(html, "text/html");

/** The page's current price (the visible one, role current) as a capture stored it. */
function capturedPrice(html = PAGE) {
  const price = readPrices(parse(html)).find((p) => p.source === "text" && p.role === "current");
  if (!price) throw new Error("no current price on the fixture");
  return price;
}

const ELEMENT: WatchTarget = {
  kind: "element",
  selector: '[data-testid="product-price"]',
  text: "1.290.000₫",
};

describe("compareWatchedHtml", () => {
  it("an unchanged page: same, for a price and an element", () => {
    const price: WatchTarget = { kind: "price", price: capturedPrice() };
    const [a, b] = compareWatchedHtml(PAGE, URL_, [price, ELEMENT]);
    expect(a?.state).toBe("same");
    expect(b?.state).toBe("same");
  });

  it("the watched price changed: one change, priced right, and the new price to watch", () => {
    const price: WatchTarget = { kind: "price", price: capturedPrice() };
    const changed = PAGE.replaceAll("1.290.000₫", "1.190.000₫");
    const [out] = compareWatchedHtml(changed, URL_, [price]);
    if (out?.state !== "changed") throw new Error(`expected a change, got ${out?.state}`);
    expect(out.change.kind).toBe("price");
    expect(out.change.before.replace(/\s/g, " ")).toMatch(/1\.290\.000 ₫/);
    expect(out.change.after.replace(/\s/g, " ")).toMatch(/1\.190\.000 ₫/);
    // As data too: what the recorded observation stores in evidence.change.
    expect(out.change.recorded).toEqual({
      kind: "price",
      role: "current",
      before: { amount: 1290000, currency: "VND" },
      after: { amount: 1190000, currency: "VND" },
    });
    expect(out.target).toMatchObject({ kind: "price", price: { amount: 1190000 } });
    expect(out.facts.title).toContain("Sony WH-CH520");
    // Compared again with what it knows now: no change, so nothing is recorded twice.
    const [again] = compareWatchedHtml(changed, URL_, [out.target]);
    expect(again?.state).toBe("same");
  });

  it("the watched price changed while a review still quotes the old one: changed", () => {
    const price: WatchTarget = { kind: "price", price: capturedPrice() };
    const html = PAGE.replace(
      '<span class="price-current" data-testid="product-price">1.290.000₫',
      '<span class="price-current" data-testid="product-price">1.090.000₫',
    );
    const [out] = compareWatchedHtml(html, URL_, [price]);
    expect(out?.state).toBe("changed");
  });

  it("another price on the page changing is not the watched one's change", () => {
    const price: WatchTarget = { kind: "price", price: capturedPrice() };
    const [out] = compareWatchedHtml(PAGE.replace("1.590.000₫", "1.690.000₫"), URL_, [price]);
    expect(out?.state).toBe("same");
  });

  it("an element whose only change is its price is a price change", () => {
    const [out] = compareWatchedHtml(PAGE.replaceAll("1.290.000₫", "990.000₫"), URL_, [ELEMENT]);
    if (out?.state !== "changed") throw new Error(`expected a change, got ${out?.state}`);
    expect(out.change.kind).toBe("price");
    expect(out.change.after.replace(/\s/g, " ")).toMatch(/990\.000 ₫/);
    expect(out.change.recorded).toMatchObject({
      kind: "price",
      before: { amount: 1290000, currency: "VND" },
      after: { amount: 990000, currency: "VND" },
    });
    expect(out.target).toEqual({ ...ELEMENT, text: "990.000₫" });
  });

  it("an element whose words changed is an element change with the old and new text", () => {
    const element: WatchTarget = {
      kind: "element",
      selector: "ul.promo",
      text: "Trả góp 0% qua thẻ tín dụng Giao nhanh trong 2 giờ tại TP.HCM và Hà Nội Bảo hành chính hãng 12 tháng",
    };
    const edited = PAGE.replace("Bảo hành chính hãng 12 tháng", "Bảo hành chính hãng 24 tháng");
    const [out] = compareWatchedHtml(edited, URL_, [element]);
    if (out?.state !== "changed") throw new Error(`expected a change, got ${out?.state}`);
    expect(out.change).toMatchObject({ kind: "element", before: element.text });
    expect(out.change.after).toContain("24 tháng");
    expect(out.change.recorded).toEqual({
      kind: "text",
      before: { text: element.text },
      after: { text: out.change.after },
    });
  });

  it("the element's selector finds nothing any more: gone", () => {
    const html = PAGE.replace('data-testid="product-price"', 'data-testid="gia"');
    expect(compareWatchedHtml(html, URL_, [ELEMENT])[0]).toEqual({ state: "gone" });
  });

  it("the watched price is no longer on the page: gone", () => {
    const price: WatchTarget = { kind: "price", price: capturedPrice() };
    const html = PAGE.replace(
      /<span class="price-current"[^>]*>1\.290\.000₫<\/span>/,
      "<span>Hết hàng</span>",
    );
    expect(compareWatchedHtml(html, URL_, [price])[0]).toEqual({ state: "gone" });
  });
});
