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

  it("records a selector that finds the price's element again", () => {
    loadFixture("plain-price.html");
    const split = textPrices(document.body).find((p) => p.amount === 2490000);
    expect(split?.raw).toBe("2.490.000đ");
    const el = document.querySelector(split?.selector ?? "");
    expect(el?.textContent).toBe("2.490.000đ");
    expect(document.querySelectorAll(split?.selector ?? "")).toHaveLength(1);
  });

  it("finds the visible VND prices of the shop page but not the hidden member price", () => {
    loadFixture("vi-shop.html");
    const prices = textPrices(document.body);
    expect(prices.map((p) => p.amount)).toEqual([1290000, 1590000]);
    expect(prices[0]?.selector).toBe('span[data-testid="product-price"]');
  });

  it("stops at 20 prices", () => {
    document.body.innerHTML = Array.from({ length: 30 }, (_, i) => `<p>${i + 1}.000₫</p>`).join("");
    expect(textPrices(document.body)).toHaveLength(20);
  });
});
