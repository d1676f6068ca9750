import { describe, expect, it } from "vitest";
import { currencyCode, parseAmount, parsePriceText, scanPriceText } from "./price-text.ts";

describe("parsePriceText", () => {
  it.each([
    ["1.290.000₫", 1290000, "VND"],
    ["1.290.000 đ", 1290000, "VND"],
    ["1,290,000 VND", 1290000, "VND"],
    ["₫1.290.000", 1290000, "VND"],
    ["1.290.000 VNĐ", 1290000, "VND"],
    ["12.990.000đ", 12990000, "VND"],
    ["1.290.000 đồng", 1290000, "VND"],
    ["Giá: 990.000đ", 990000, "VND"],
    ["$1,299.99", 1299.99, "USD"],
    ["1.299,99 €", 1299.99, "EUR"],
    ["€12,50", 12.5, "EUR"],
    ["£5", 5, "GBP"],
    ["¥1200", 1200, "JPY"],
    ["¥1,200", 1200, "JPY"],
    ["US$ 20", 20, "USD"],
    ["USD 1,299", 1299, "USD"],
    ["1\u00a0299,99\u00a0€", 1299.99, "EUR"],
    ["€1.299", 1299, "EUR"],
  ])("reads %s", (text, amount, currency) => {
    expect(parsePriceText(text)).toMatchObject({ amount, currency, raw: expect.any(String) });
  });

  it.each([
    "5 đơn hàng",
    "Gọi 0909 123 456",
    "Năm 2024",
    "Giảm 19%",
    "Pin 50 giờ",
    "147 g",
    "Bluetooth 5.2",
    "Ruby$5",
  ])("finds no price in %s", (text) => {
    expect(parsePriceText(text)).toBeNull();
  });

  it("keeps the matched text as raw, its place in the text and the words before it", () => {
    expect(parsePriceText("Chỉ còn 1.290.000 VNĐ hôm nay")).toMatchObject({
      raw: "1.290.000 VNĐ",
      index: 8,
      end: 21,
      role: "sale",
      cued: true,
      label: "chỉ còn",
    });
  });

  it("drops conditions but keeps the prices around them", () => {
    expect(
      scanPriceText("Giá 1.290.000₫ · Freeship đơn từ 300k · Trả góp 107.500₫/tháng").map((p) => [
        p.amount,
        p.role,
      ]),
    ).toEqual([
      [1290000, "current"],
      [107500, "instalment"],
    ]);
  });
});

describe("scanPriceText", () => {
  it("finds every price in order and honours the limit", () => {
    const text = "Was $1,499.00, now $1,299.99 — or 2.990.000₫";
    expect(scanPriceText(text).map((p) => [p.amount, p.currency, p.role])).toEqual([
      [1499, "USD", "was"],
      [1299.99, "USD", "sale"],
      [2990000, "VND", "current"],
    ]);
    expect(scanPriceText(text, { limit: 2 })).toHaveLength(2);
  });
});

describe("parseAmount", () => {
  it("groups thousands in zero-decimal currencies and allows only zero decimals", () => {
    expect(parseAmount("1.290", "VND")).toBe(1290);
    expect(parseAmount("1,290.00", "JPY")).toBe(1290);
    expect(parseAmount("1.290.000,50", "VND")).toBeNull();
  });
  it("decides the decimal separator by the last separator and digit count", () => {
    expect(parseAmount("1,299.99", "USD")).toBe(1299.99);
    expect(parseAmount("1.299,99", "EUR")).toBe(1299.99);
    expect(parseAmount("12,5", "EUR")).toBe(12.5);
    expect(parseAmount("1,299", "USD")).toBe(1299);
    expect(parseAmount("1,299,000", "USD")).toBe(1299000);
    expect(parseAmount("1299.99", "USD")).toBe(1299.99);
  });
  it("reads space-grouped thousands whole, and abstains on inconsistent grouping", () => {
    expect(parseAmount("450 000", "VND")).toBe(450000);
    expect(parseAmount("1 139,00", "EUR")).toBe(1139);
    expect(parseAmount("12 34", "EUR")).toBeNull();
    expect(parseAmount("1.234.56", "EUR")).toBeNull();
    expect(parseAmount("1,29,999", "USD")).toBeNull();
  });
  it("rejects non-numbers", () => {
    expect(parseAmount("12a", "USD")).toBeNull();
    expect(parseAmount("", "USD")).toBeNull();
  });
});

describe("currencyCode", () => {
  it("maps symbols, words and codes", () => {
    expect(currencyCode("VNĐ")).toBe("VND");
    expect(currencyCode("₫")).toBe("VND");
    expect(currencyCode("usd")).toBe("USD");
    expect(currencyCode("chf")).toBe("CHF");
    expect(currencyCode("dollars")).toBeNull();
  });
});
