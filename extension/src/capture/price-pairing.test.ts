import { describe, expect, it } from "vitest";
import { labelSimilarity, pairPrices } from "./price-pairing.ts";
import type { PriceReading } from "./price-reading.ts";

const price = (amount: number, fingerprint?: string): PriceReading => ({
  amount,
  currency: "VND",
  source: "text",
  raw: `${amount}₫`,
  selector: "div.box-promotion",
  role: "discount",
  ...(fingerprint === undefined ? {} : { fingerprint }),
});

describe("labelSimilarity", () => {
  it("shares words on each side of the price", () => {
    expect(labelSimilarity("giảm thêm … cho học sinh", "giảm thêm … cho học sinh")).toBe(1);
    expect(
      labelSimilarity("giảm thêm … khi thanh toán qua vnpay", "giảm thêm … cho học sinh"),
    ).toBe(2 / 10);
    // The same word before the price is not the same word after it.
    expect(labelSimilarity("giá …", "… giá")).toBe(0);
    expect(labelSimilarity("…", "…")).toBe(1);
  });

  it("compares a fingerprint stored before words after were kept by its words before", () => {
    expect(labelSimilarity("giảm thêm", "giảm thêm … cho học sinh")).toBe(1);
    expect(labelSimilarity("trợ giá đến", "giảm thêm … cho học sinh")).toBe(0);
    expect(labelSimilarity("low", "low")).toBe(1);
    expect(labelSimilarity(undefined, "giá …")).toBeNull();
  });
});

describe("pairPrices", () => {
  it("pairs the whole list at once: a removed line's price is not its neighbour's", () => {
    const before = [
      price(390000, "giảm thêm … khi thanh toán qua vnpay"),
      price(200000, "giảm thêm … cho học sinh"),
    ];
    const after = [price(250000, "giảm thêm … cho học sinh")];
    const r = pairPrices(before, after);
    expect([...r.pairs]).toEqual([[1, 0]]);
    expect(r.unpairedBefore).toEqual([0]);
  });

  it("a line reworded a little and repriced is still that line", () => {
    const r = pairPrices(
      [price(390000, "giảm thêm … khi thanh toán qua vnpay")],
      [price(410000, "giảm thêm … khi thanh toán qua zalopay")],
    );
    expect([...r.pairs]).toEqual([[0, 0]]);
  });

  it("an unchanged value wins over wording when nothing else claims it", () => {
    const r = pairPrices(
      [price(150000, "tặng ốp lưng trị giá …")],
      [price(150000, "quà tặng … ốp lưng")],
    );
    expect([...r.pairs]).toEqual([[0, 0]]);
  });
});
