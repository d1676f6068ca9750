// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { loadFixture } from "../../test/fixtures/load-fixture.ts";
import { metaPrices, microdataPrices } from "./markup-prices.ts";

describe("metaPrices", () => {
  it("reads product:price meta tags with a selector for the tag", () => {
    loadFixture("en-shop.html");
    expect(metaPrices(document)).toEqual([
      {
        amount: 1299.99,
        currency: "USD",
        source: "meta",
        raw: "1299.99",
        selector: 'meta[property="product:price:amount"]',
        role: "current",
        position: 0,
      },
    ]);
  });

  it("reads og:price with name= as well as property=, and needs a currency", () => {
    document.head.innerHTML = `
      <meta name="og:price:amount" content="1.290.000"><meta name="og:price:currency" content="VND">
      <meta property="product:price:amount" content="10">`;
    expect(metaPrices(document).map((p) => [p.amount, p.currency])).toEqual([[1290000, "VND"]]);
  });

  it("reads the original and sale price tags with their roles", () => {
    document.head.innerHTML = `
      <meta property="product:original_price:amount" content="40"><meta property="product:original_price:currency" content="USD">
      <meta property="product:sale_price:amount" content="32"><meta property="product:sale_price:currency" content="USD">`;
    expect(metaPrices(document).map((p) => [p.amount, p.role])).toEqual([
      [32, "sale"],
      [40, "was"],
    ]);
  });
});

describe("microdataPrices", () => {
  it("reads itemprop=price content with the scope's priceCurrency", () => {
    loadFixture("en-shop.html");
    expect(microdataPrices(document)).toEqual([
      {
        amount: 1299.99,
        currency: "USD",
        source: "microdata",
        raw: "1299.99",
        selector: 'span[itemprop="price"]',
        role: "current",
      },
    ]);
  });

  it("falls back to the element's text and its currency symbol", () => {
    document.body.innerHTML = `
      <div itemscope><span itemprop="price">1.290.000₫</span></div>
      <div itemscope><span itemprop="price">1.290.000</span><span itemprop="priceCurrency">VND</span></div>
      <div itemscope><span itemprop="price">call us</span></div>`;
    expect(microdataPrices(document).map((p) => [p.amount, p.currency])).toEqual([
      [1290000, "VND"],
      [1290000, "VND"],
    ]);
  });
});
