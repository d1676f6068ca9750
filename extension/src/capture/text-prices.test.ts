// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { loadFixture } from "../../test/fixtures/load-fixture.ts";
import { textPrices } from "./text-prices.ts";

const amounts = (root: Element) => textPrices(root).map((p) => `${p.amount} ${p.currency}`);

describe("textPrices", () => {
  it("reads every visible format on the plain-price page and nothing else", () => {
    loadFixture("plain-price.html");
    expect(amounts(document.body)).toEqual([
      "1290000 VND",
      "1290000 VND",
      "1290000 VND",
      "1290000 VND",
      "12990000 VND",
      "2490000 VND",
      "1299.99 USD",
      "1299.99 EUR",
      "12.5 EUR",
      "5 GBP",
      "1200 JPY",
      "20 USD",
    ]);
  });

  it("skips prices in scripts, noscript and hidden elements", () => {
    loadFixture("plain-price.html");
    const all = amounts(document.body);
    for (const hidden of ["9990000 VND", "7770000 VND", "8880000 VND"])
      expect(all).not.toContain(hidden);
  });

  it("keys a price by a stable selector, never a position that shifts, and the words around it", () => {
    loadFixture("plain-price.html");
    const split = textPrices(document.body).find((p) => p.amount === 2490000);
    expect(split?.raw).toBe("2.490.000đ");
    // The rows have no names of their own: the table's id is the anchor, the label tells them apart.
    expect(split?.selector).toBe("#price-list");
    expect(split?.fingerprint).toBe("bàn phím cơ …");
    expect(document.querySelector(split?.selector ?? "")?.textContent).toContain("2.490.000đ");
    for (const p of textPrices(document.body)) expect(p.selector).not.toMatch(/nth-/);
  });

  it("ties each price to its own smallest element, even when one element holds several", () => {
    document.body.innerHTML = `
      <div class="combo">Giá gốc <b>1.590.000</b>₫, mua kèm chỉ <b>300.000</b>₫</div>
      <ul class="promo"><li>Giảm thêm <b>390.000</b>₫ qua VNPAY</li><li>Trợ giá đến <b>2.000.000</b>₫</li></ul>
      <p><del>10.990.000₫</del> <span class="now">9.490.000₫</span></p>`;
    expect(
      textPrices(document.body).map((p) => [
        p.amount,
        p.role,
        p.selector,
        p.position,
        p.fingerprint,
      ]),
    ).toEqual([
      // The words before, "…" for the price, the words after it up to the next price.
      [1590000, "was", "div.combo", 0, "giá gốc … mua kèm chỉ"],
      [300000, "current", "div.combo", 0, "mua kèm chỉ …"],
      [390000, "discount", "ul.promo", 0, "giảm thêm … qua vnpay"],
      [2000000, "discount", "ul.promo", 1, "trợ giá đến …"],
      [10990000, "was", "body", 0, "…"], // nothing on the way up has a name: the page is the place
      [9490000, "current", "span.now", 0, "…"],
    ]);
  });

  it("finds the visible VND prices of the shop page but not the hidden member price", () => {
    loadFixture("vi-shop.html");
    const prices = textPrices(document.body);
    expect(prices.map((p) => [p.amount, p.role])).toEqual([
      [1290000, "current"],
      [1590000, "was"],
      [1290000, "current"],
    ]);
    expect(prices[0]?.selector).toBe('span[data-testid="product-price"]');
  });

  it("stops at 20 prices", () => {
    document.body.innerHTML = Array.from({ length: 30 }, (_, i) => `<p>${i + 1}.000₫</p>`).join("");
    expect(textPrices(document.body)).toHaveLength(20);
  });
});
