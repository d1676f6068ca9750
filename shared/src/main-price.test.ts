import { describe, expect, it } from "vitest";
import { mainPrice } from "./main-price.ts";
import type { Price, PriceRoleCode } from "./schema/page-facts.ts";

const price = (amount: number, role?: PriceRoleCode): Price => ({
  amount,
  currency: "VND",
  source: "text",
  raw: String(amount),
  ...(role ? { role } : {}),
});

describe("mainPrice", () => {
  it("takes current over sale over no role, whatever the source order", () => {
    expect(mainPrice([price(1), price(2, "sale"), price(3, "current")])?.amount).toBe(3);
    expect(mainPrice([price(1), price(2, "sale")])?.amount).toBe(2);
    expect(mainPrice([price(1, "was"), price(2)])?.amount).toBe(2);
  });

  it("takes the sale price of a 'Giá gốc … / Giá khuyến mãi …' page", () => {
    expect(mainPrice([price(1_000_000, "was"), price(800_000, "sale")])?.amount).toBe(800_000);
  });

  it("takes the first of equal rank (source order, JSON-LD first)", () => {
    expect(mainPrice([price(1, "current"), price(2, "current")])?.amount).toBe(1);
    expect(mainPrice([price(1), price(2)])?.amount).toBe(1);
  });

  it("never takes a was, instalment, gift or discount price", () => {
    const others = (["was", "instalment", "gift", "discount"] as const).map((r, i) => price(i, r));
    expect(mainPrice(others)).toBeNull();
    expect(mainPrice([])).toBeNull();
    expect(mainPrice(undefined)).toBeNull();
  });

  it("reads stored, loosely typed prices too (an unknown role is no main price)", () => {
    const stored: Array<Record<string, unknown>> = [{ amount: 5, role: "bogus" }, { amount: 6 }];
    expect(mainPrice(stored)?.amount).toBe(6);
  });
});
