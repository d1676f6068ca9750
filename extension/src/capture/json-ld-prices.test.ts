// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { loadFixture } from "../../test/fixtures/load-fixture.ts";
import { jsonLdPrices, schemaAmount } from "./json-ld-prices.ts";

const withJsonLd = (...blocks: string[]) => {
  document.head.innerHTML = blocks
    .map((b) => `<script type="application/ld+json">${b}</script>`)
    .join("");
};

describe("jsonLdPrices", () => {
  it("reads the Product Offer of the Vietnamese shop in VND", () => {
    loadFixture("vi-shop.html");
    expect(jsonLdPrices(document)).toEqual([
      {
        amount: 1290000,
        currency: "VND",
        source: "json-ld",
        raw: "1290000",
        role: "current",
        position: 0,
        fingerprint: "",
      },
    ]);
  });

  it("finds offers in @graph, in arrays, as numbers, and AggregateOffer ranges", () => {
    withJsonLd(
      JSON.stringify({
        "@graph": [
          {
            "@type": ["Product", "Thing"],
            offers: [
              { "@type": "Offer", price: 19.99, priceCurrency: "usd" },
              { "@type": "Offer", priceSpecification: { price: "25.00", priceCurrency: "USD" } },
            ],
          },
          {
            "@type": "AggregateOffer",
            lowPrice: "990000",
            highPrice: "1.490.000",
            priceCurrency: "VNĐ",
          },
        ],
      }),
    );
    expect(jsonLdPrices(document).map((p) => [p.amount, p.currency])).toEqual([
      [19.99, "USD"],
      [25, "USD"],
      [990000, "VND"],
      [1490000, "VND"],
    ]);
  });

  it("skips broken JSON, offers without a currency, and non-offers", () => {
    withJsonLd(
      "{ not json",
      JSON.stringify({ "@type": "Offer", price: "10" }),
      JSON.stringify({ "@type": "Product", price: "10", priceCurrency: "EUR" }),
      JSON.stringify({ "@type": "Offer", price: "12,50", priceCurrency: "EUR" }),
    );
    expect(jsonLdPrices(document)).toEqual([
      {
        amount: 12.5,
        currency: "EUR",
        source: "json-ld",
        raw: "12,50",
        role: "current",
        position: 0,
        fingerprint: "",
      },
    ]);
  });

  it("reads the list price, sale and monthly specifications, and skips related products", () => {
    withJsonLd(
      JSON.stringify({
        "@type": "Product",
        offers: {
          "@type": "Offer",
          price: 9490000,
          priceCurrency: "VND",
          priceSpecification: [
            {
              "@type": "UnitPriceSpecification",
              price: 10990000,
              priceType: "https://schema.org/ListPrice",
            },
            { "@type": "UnitPriceSpecification", price: 790833, billingDuration: "P1M" },
            { "@type": "UnitPriceSpecification", price: 9490000 },
          ],
        },
        isRelatedTo: {
          "@type": "Product",
          offers: { "@type": "Offer", price: 1, priceCurrency: "VND" },
        },
      }),
    );
    expect(jsonLdPrices(document).map((p) => [p.amount, p.role])).toEqual([
      [9490000, "current"],
      [10990000, "was"],
      [790833, "instalment"],
    ]);
  });
});

describe("schemaAmount", () => {
  it("reads schema.org and sloppy formats", () => {
    expect(schemaAmount("1290000.00", "VND")).toBe(1290000);
    expect(schemaAmount("1.290", "VND")).toBe(1290);
    expect(schemaAmount("1.29", "EUR")).toBe(1.29);
    expect(schemaAmount("1,299.99", "USD")).toBe(1299.99);
    expect(schemaAmount(-5, "USD")).toBeNull();
    expect(schemaAmount({}, "USD")).toBeNull();
  });
});
