import { describe, expect, it } from "vitest";
import { PageFactsSchema, PriceSchema } from "./page-facts.ts";

describe("PriceSchema", () => {
  const base = { amount: 390000, currency: "VND", source: "text", raw: "390.000 ₫" } as const;

  it("accepts a price without role, position or fingerprint (older captures)", () => {
    expect(PriceSchema.parse(base)).toEqual(base);
  });

  it("keeps role, position and fingerprint", () => {
    const p = { ...base, selector: ".price", role: "was", position: 1, fingerprint: "giá gốc" };
    expect(PriceSchema.parse(p)).toEqual(p);
    expect(PageFactsSchema.parse({ prices: [p] })).toEqual({ prices: [p] });
  });

  it("refuses an unknown role and a negative or fractional position", () => {
    expect(PriceSchema.safeParse({ ...base, role: "bogus" }).success).toBe(false);
    expect(PriceSchema.safeParse({ ...base, position: -1 }).success).toBe(false);
    expect(PriceSchema.safeParse({ ...base, position: 1.5 }).success).toBe(false);
  });

  it.each(["current", "was", "sale", "instalment", "gift", "discount"])("role %s", (role) => {
    expect(PriceSchema.safeParse({ ...base, role }).success).toBe(true);
  });
});
