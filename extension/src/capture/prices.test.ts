// @vitest-environment happy-dom
import { PriceSchema } from "@sightline/shared";
import { describe, expect, it } from "vitest";
import { loadFixture } from "../../test/fixtures/load-fixture.ts";
import { extractPrices, readPrices } from "./prices.ts";

const summary = () =>
  readPrices(document).map((p) => `${p.source} ${p.amount} ${p.currency} ${p.role}`);

describe("extractPrices", () => {
  it("puts JSON-LD first, then visible text, on the Vietnamese shop", () => {
    loadFixture("vi-shop.html");
    expect(summary()).toEqual([
      "json-ld 1290000 VND current",
      "text 1290000 VND current",
      "text 1590000 VND was",
      "text 1290000 VND current", // the same amount quoted in a review is a price of its own
    ]);
  });

  it("orders meta before microdata before text on the English shop", () => {
    loadFixture("en-shop.html");
    expect(summary()).toEqual([
      "meta 1299.99 USD current",
      "microdata 1299.99 USD current",
      "text 1299.99 USD current",
      "text 1499 USD was",
      "text 149 USD current",
      "text 199 USD current",
      "text 1299.99 USD current",
    ]);
  });

  it("falls back to text alone on a page without structured data", () => {
    loadFixture("plain-price.html");
    expect(extractPrices(document).every((p) => p.source === "text")).toBe(true);
  });

  it("sends role and key (position, fingerprint) with each price", () => {
    loadFixture("vi-shop.html");
    const wire = extractPrices(document);
    expect(wire.map((p) => p.role)).toEqual(readPrices(document).map((p) => p.role));
    expect(wire.every((p) => p.role !== undefined && typeof p.position === "number")).toBe(true);
    const was = wire.find((p) => p.role === "was");
    expect(was?.amount).toBe(1590000);
    expect(wire.some((p) => typeof p.fingerprint === "string")).toBe(true);
  });

  it("produces prices the shared schema accepts, at most 20", () => {
    for (const name of ["vi-shop.html", "en-shop.html", "plain-price.html"] as const) {
      loadFixture(name);
      for (const p of extractPrices(document)) expect(PriceSchema.parse(p)).toEqual(p);
    }
    document.body.innerHTML = Array.from({ length: 30 }, (_, i) => `<p>$${i + 1}</p>`).join("");
    document.head.innerHTML = `<script type="application/ld+json">${JSON.stringify(
      Array.from({ length: 15 }, (_, i) => ({
        "@type": "Offer",
        price: i + 1,
        priceCurrency: "EUR",
      })),
    )}</script>`;
    const prices = extractPrices(document);
    expect(prices).toHaveLength(20);
    expect(prices.filter((p) => p.source === "json-ld")).toHaveLength(15);
  });
});
