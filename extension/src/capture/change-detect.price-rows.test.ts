// @vitest-environment happy-dom
// Change detection's price rows in the hard cases, on the phone shop page
// (test/support/phone-shop-changes.ts): a line removed beside a changed one,
// unnamed lists, counts that look like prices, and every price on the page
// changed on its own giving exactly one row.
import { describe, expect, it } from "vitest";
import { capture, edit, load, review, rows, vnd } from "../../test/support/phone-shop-changes.ts";
import { buildBaseline, detectPageChanges } from "./change-detect.ts";
import { readPrices } from "./prices.ts";

describe("detectPageChanges: a line removed while its neighbour's price changes", () => {
  const VNPAY = "<li>Giảm thêm <b>390.000</b>₫ khi thanh toán qua VNPAY</li>";
  const STUDENT = "<li>Giảm thêm <b>200.000</b>₫ cho học sinh</li>";

  it("lines with the same words before the price: the removed one is removed, the other changed", () => {
    const page = edit([VNPAY, `${VNPAY}${STUDENT}`]);
    const after = page
      .replace(VNPAY, "")
      .replace(STUDENT, "<li>Giảm thêm <b>250.000</b>₫ cho học sinh</li>");
    const removed = {
      kind: "price",
      role: "discount",
      source: "text",
      selector: "div.box-promotion",
      observationIds: ["page"],
    } as const;
    expect(rows(review(after, capture(page)))).toEqual([
      { ...removed, change: "removed", before: vnd(390000, "390.000₫"), after: null },
      {
        ...removed,
        change: "changed",
        before: vnd(200000, "200.000₫"),
        after: vnd(250000, "250.000₫"),
      },
    ]);
  });

  /** A plain list with no names: every price's place is the page, every label "giá". */
  const list = (...lines: string[]) =>
    `<!doctype html><html lang="vi"><body><ul>${lines.map((l) => `<li>${l}</li>`).join("")}</ul></body></html>`;
  const listReview = (before: string, after: string) => {
    load(before);
    const baseline = buildBaseline([
      { id: "page", capturedAt: "2026-03-01T09:00:00+07:00", prices: readPrices(document) },
    ]);
    load(after);
    return rows(detectPageChanges(baseline, document));
  };
  const body = { kind: "price", role: "current", source: "text", selector: "body" } as const;

  it("an unnamed <li>Giá: …</li> list told apart by the words after the price", () => {
    const r = listReview(
      list("Giá: 9.490.000₫ bản 128GB", "Giá: 10.990.000₫ bản 256GB", "Giá: 12.490.000₫ bản 512GB"),
      list("Giá: 10.490.000₫ bản 256GB", "Giá: 12.490.000₫ bản 512GB"),
    );
    expect(r).toEqual([
      {
        ...body,
        change: "removed",
        before: vnd(9490000, "9.490.000₫"),
        after: null,
        observationIds: ["page"],
      },
      {
        ...body,
        change: "changed",
        before: vnd(10990000, "10.990.000₫"),
        after: vnd(10490000, "10.490.000₫"),
        observationIds: ["page"],
      },
    ]);
  });

  it("an unnamed list with the very same words on every line: the nearer amount is the change", () => {
    const r = listReview(
      list("Giá: 9.490.000₫", "Giá: 10.990.000₫", "Giá: 12.490.000₫"),
      list("Giá: 10.490.000₫", "Giá: 12.490.000₫"),
    );
    expect(r.map((row) => [row.change, row.before, row.after])).toEqual([
      ["removed", vnd(9490000, "9.490.000₫"), null],
      ["changed", vnd(10990000, "10.990.000₫"), vnd(10490000, "10.490.000₫")],
    ]);
  });
});

describe("detectPageChanges: counts are not prices, 'from' prices are", () => {
  const TITLE = "<h1>Điện thoại Aurora X5 128GB</h1>";
  const withLine = (line: string) =>
    edit([TITLE, `${TITLE}\n    <div class="rating">${line}</div>`]);

  it("sold and review counts going up are no price change", () => {
    const before = withLine("4,9 ★ (1,2k đánh giá) · Đã bán 10,2k");
    const r = review(withLine("4,9 ★ (1,3k đánh giá) · Đã bán 10,3k"), capture(before));
    expect(r.rows).toEqual([]);
  });

  it("a 'from' price is compared like any price", () => {
    const before = withLine("Giá từ 9.490.000₫");
    const r = review(withLine("Giá từ 8.990.000₫"), capture(before));
    expect(rows(r)).toEqual([
      {
        kind: "price",
        change: "changed",
        role: "current",
        source: "text",
        selector: "div.rating",
        before: vnd(9490000, "9.490.000₫"),
        after: vnd(8990000, "8.990.000₫"),
        observationIds: ["page"],
      },
    ]);
  });
});

describe("detectPageChanges: every single change on the page is exactly one row", () => {
  // Each price on the page, changed on its own to an amount seen nowhere else.
  const spots: [string, string, number, number][] = [
    [
      "<strong>128GB</strong><span>9.490.000₫",
      "<strong>128GB</strong><span>9.190.000₫",
      9490000,
      9190000,
    ],
    [
      "<strong>256GB</strong><span>10.990.000₫",
      "<strong>256GB</strong><span>10.490.000₫",
      10990000,
      10490000,
    ],
    ['price--show">9.490.000', 'price--show">9.290.000', 9490000, 9290000],
    ["<del>10.990.000₫</del>", "<del>11.490.000₫</del>", 10990000, 11490000],
    ["Giá 10.990.000₫ –", "Giá 10.890.000₫ –", 10990000, 10890000],
    ["<b>790.833</b>", "<b>774.167</b>", 790833, 774167],
    ["Giá gốc 1.590.000₫,", "Giá gốc 1.690.000₫,", 1590000, 1690000],
    ["<b>300.000</b>", "<b>250.000</b>", 300000, 250000],
    ["<b>390.000</b>", "<b>410.000</b>", 390000, 410000],
    ["<b>2.000.000</b>", "<b>2.500.000</b>", 2000000, 2500000],
    ["<b>150.000</b>", "<b>190.000</b>", 150000, 190000],
  ];
  it.each(spots)("%s → %s", (from, to, before, after) => {
    const r = review(edit([from, to]));
    expect(r.rows.map((row) => [row.kind, row.change, row.before, row.after])).toEqual([
      [
        "price",
        "changed",
        expect.objectContaining({ amount: before }),
        expect.objectContaining({ amount: after }),
      ],
    ]);
  });

  const lines = [
    ["<li>Giảm thêm <b>390.000</b>₫ khi thanh toán qua VNPAY</li>", 390000],
    ["<li>Thu cũ đổi mới trợ giá đến <b>2.000.000</b>₫</li>", 2000000],
    ["<li>Tặng ốp lưng trị giá <b>150.000</b>₫</li>", 150000],
  ] as const;
  it.each(lines)("the promotion line %s removed", (line, amount) => {
    const r = review(edit([line, ""]));
    expect(r.rows.map((row) => [row.change, row.before, row.after])).toEqual([
      ["removed", expect.objectContaining({ amount }), null],
    ]);
  });

  it.each(lines)("a line added after %s", (line) => {
    const r = review(edit([line, `${line}<li>Giảm thêm <b>120.000</b>₫ cho học sinh</li>`]));
    expect(r.rows.map((row) => [row.change, row.before, row.after])).toEqual([
      ["added", null, expect.objectContaining({ amount: 120000 })],
    ]);
  });
});
