// @vitest-environment happy-dom
// Change detection per page: before/after pairs of a Vietnamese phone shop
// page (test/fixtures/changes/phone-shop.html) where one element holds
// several prices, a promotion list has unnamed lines and the price shows in
// JSON-LD, a variant list and the price box. The baseline is built from every
// capture of the page; each pair asserts the exact change rows.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFixture } from "../../test/fixtures/load-fixture.ts";
import {
  buildBaseline,
  type ChangeRow,
  detectPageChanges,
  type PageCapture,
} from "./change-detect.ts";
import { describeRange } from "./describe-range.ts";
import { elementText } from "./element-box.ts";
import { readPrices } from "./prices.ts";
import { indexText } from "./text-index.ts";

const PAGE = readFileSync(
  join(import.meta.dirname, "../../test/fixtures/changes/phone-shop.html"),
  "utf8",
);
const QUOTE = "Khách hàng thường hỏi nhân viên về thời lượng pin trước khi quyết định mua.";

function load(html: string) {
  loadFixture("vi-shop.html", document, html);
}

function edit(...edits: [string, string][]): string {
  let html = PAGE;
  for (const [from, to] of edits) {
    expect(html).toContain(from);
    html = html.replace(from, to);
  }
  return html;
}

/** Captures of the page as it was: the page's prices, the price element, the summary, a quote. */
function capture(html = PAGE): PageCapture[] {
  load(html);
  const index = indexText(document.body);
  const at = index.text.indexOf(QUOTE);
  const element = (id: string, selector: string, capturedAt: string): PageCapture => ({
    id,
    capturedAt,
    elementSelector: selector,
    text: elementText(document.querySelector(selector) as Element),
  });
  return [
    {
      id: "quote",
      capturedAt: "2026-03-01T09:00:00+07:00",
      selectors: describeRange(index.rangeAt(at, at + QUOTE.length) as Range),
    },
    element("price", ".product__price--show", "2026-03-01T09:05:00+07:00"),
    element("summary", "#product-summary", "2026-03-01T09:10:00+07:00"),
    { id: "page", capturedAt: "2026-03-01T09:15:00+07:00", prices: readPrices(document) },
  ];
}

function review(after: string, captures = capture()) {
  const baseline = buildBaseline(captures);
  load(after);
  return detectPageChanges(baseline, document);
}

/** The rows without their opaque keys, for exact comparison. */
const rows = (r: { rows: ChangeRow[] }) => r.rows.map(({ key: _, ...row }) => row);
const vnd = (amount: number, raw: string) => ({ amount, currency: "VND", raw });

describe("detectPageChanges: before/after pairs", () => {
  it("nothing changed: no rows, every capture found", () => {
    const r = review(PAGE);
    expect(r.rows).toEqual([]);
    expect(r.found.sort()).toEqual(["price", "quote", "summary"]);
    expect(r.notFound).toEqual([]);
    expect(r.ranges.map((range) => range.toString())).toEqual([QUOTE]);
  });

  it("a promotion line removed: that promotion is gone, its neighbour unchanged", () => {
    const r = review(edit(["<li>Giảm thêm <b>390.000</b>₫ khi thanh toán qua VNPAY</li>", ""]));
    expect(rows(r)).toEqual([
      {
        kind: "price",
        change: "removed",
        role: "discount",
        source: "text",
        selector: "div.box-promotion",
        before: vnd(390000, "390.000₫"),
        after: null,
        observationIds: ["page"],
      },
    ]);
  });

  it("one of several prices in one element changed: exactly that price", () => {
    const r = review(edit(["tai nghe chỉ <b>300.000</b>", "tai nghe chỉ <b>350.000</b>"]));
    expect(rows(r)).toEqual([
      {
        kind: "price",
        change: "changed",
        role: "current",
        source: "text",
        selector: "div.combo",
        before: vnd(300000, "300.000₫"),
        after: vnd(350000, "350.000₫"),
        observationIds: ["page"],
      },
    ]);
  });

  it("the instalment changed next to the full price in the same element", () => {
    const r = review(edit(["chỉ từ <b>790.833</b>", "chỉ từ <b>832.500</b>"]));
    expect(rows(r)).toEqual([
      {
        kind: "price",
        change: "changed",
        role: "instalment",
        source: "text",
        selector: "div.box-installment",
        before: vnd(790833, "790.833₫"),
        after: vnd(832500, "832.500₫"),
        observationIds: ["page"],
      },
    ]);
  });

  it("lists reordered (variants and promotions): no rows", () => {
    const variants = [
      '<a class="item-variant" href="?v=128"><strong>128GB</strong><span>9.490.000₫</span></a>',
      '<a class="item-variant" href="?v=256"><strong>256GB</strong><span>10.990.000₫</span></a>',
    ];
    const promos = [
      "<li>Giảm thêm <b>390.000</b>₫ khi thanh toán qua VNPAY</li>",
      "<li>Thu cũ đổi mới trợ giá đến <b>2.000.000</b>₫</li>",
      "<li>Tặng ốp lưng trị giá <b>150.000</b>₫</li>",
    ];
    const html = edit(
      [variants.join("\n      "), `${variants[1]}\n      ${variants[0]}`],
      [promos.join("\n        "), [promos[2], promos[0], promos[1]].join("\n        ")],
    );
    expect(review(html).rows).toEqual([]);
  });

  it("a price added: one row for the new promotion", () => {
    const r = review(
      edit([
        "<li>Tặng ốp lưng trị giá <b>150.000</b>₫</li>",
        "<li>Tặng ốp lưng trị giá <b>150.000</b>₫</li><li>Tặng phiếu mua hàng trị giá <b>200.000</b>₫</li>",
      ]),
    );
    expect(rows(r)).toEqual([
      {
        kind: "price",
        change: "added",
        role: "gift",
        source: "text",
        selector: "div.box-promotion",
        before: null,
        after: vnd(200000, "200.000₫"),
        observationIds: ["page"],
      },
    ]);
  });

  it("a sale ended: the price went up to the list price and the list price is gone", () => {
    const r = review(
      edit(
        ['"price": "9490000"', '"price": "10990000"'],
        [
          `,
      "priceSpecification": {
        "@type": "UnitPriceSpecification",
        "price": "10990000",
        "priceCurrency": "VND",
        "priceType": "https://schema.org/ListPrice"
      }`,
          "",
        ],
        ["<strong>128GB</strong><span>9.490.000₫", "<strong>128GB</strong><span>10.990.000₫"],
        ['price--show">9.490.000', 'price--show">10.990.000'],
        ['<p class="product__price--through"><del>10.990.000₫</del></p>', ""],
        ['<p class="product__price--percent">Giảm 14%</p>', ""],
      ),
    );
    expect(rows(r)).toEqual([
      {
        kind: "price",
        change: "changed",
        role: "current",
        source: "json-ld",
        selector: undefined,
        before: vnd(9490000, "9490000"),
        after: vnd(10990000, "10990000"),
        observationIds: ["page", "price"],
      },
      {
        kind: "price",
        change: "removed",
        role: "was",
        source: "json-ld",
        selector: undefined,
        before: vnd(10990000, "10990000"),
        after: null,
        observationIds: ["page"],
      },
    ]);
  });

  it("currency formatting changed, same amounts: no rows", () => {
    const r = review(
      edit(
        ['"price": "9490000"', '"price": 9490000'],
        ['price--show">9.490.000<sup>₫</sup>', 'price--show">9.490.000 đ'],
        ["<span>9.490.000₫</span>", "<span>9,490,000 VNĐ</span>"],
        ["<b>390.000</b>₫", "<b>390.000</b> đồng"],
        ["chỉ từ <b>790.833</b>₫/tháng", "chỉ từ <b>790 833</b> ₫/tháng"],
      ),
    );
    expect(r.rows).toEqual([]);
  });

  it("the price changed everywhere: one price row, the price element is not also a content row", () => {
    const r = review(
      edit(
        ['"price": "9490000"', '"price": "8990000"'],
        ["<strong>128GB</strong><span>9.490.000₫", "<strong>128GB</strong><span>8.990.000₫"],
        ['price--show">9.490.000', 'price--show">8.990.000'],
        ["Giảm 14%", "Giảm 18%"],
      ),
    );
    expect(rows(r)).toEqual([
      {
        kind: "price",
        change: "changed",
        role: "current",
        source: "json-ld",
        selector: undefined,
        before: vnd(9490000, "9490000"),
        after: vnd(8990000, "8990000"),
        observationIds: ["page", "price"],
      },
    ]);
  });

  it("an element's wording changed: one content row with the old and new text", () => {
    const r = review(edit(["Mua ngay", "Đặt hàng ngay"]));
    expect(rows(r)).toEqual([
      {
        kind: "element",
        change: "changed",
        selector: "#product-summary",
        before: "Aurora X5 có pin 5.000mAh, màn hình OLED 120Hz và sạc nhanh 33W. Mua ngay",
        after: "Aurora X5 có pin 5.000mAh, màn hình OLED 120Hz và sạc nhanh 33W. Đặt hàng ngay",
        observationIds: ["summary"],
      },
    ]);
  });

  it("a quote edited is one quote row; a quote removed is not found, not a row", () => {
    const edited = review(edit(["về thời lượng pin trước", "về thời lượng pin và giá trước"]));
    expect(rows(edited)).toEqual([
      {
        kind: "quote",
        change: "changed",
        selector: undefined,
        before: QUOTE,
        after: "Khách hàng thường hỏi nhân viên về thời lượng pin và giá trước khi quyết định mua.",
        observationIds: ["quote"],
      },
    ]);
    const removed = review(edit([QUOTE, "Đoạn này đã được viết lại hoàn toàn."]));
    expect(removed.rows).toEqual([]);
    expect(removed.notFound).toEqual(["quote"]);
  });

  it("an element gone is not found, not a change", () => {
    const r = review(edit(['id="product-summary"', 'id="summary"']));
    expect(r.rows).toEqual([]);
    expect(r.notFound).toEqual(["summary"]);
  });
});

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

describe("buildBaseline: every capture of the page, one baseline", () => {
  it("the same element and the same quote captured twice give one row each, naming both captures", () => {
    const captures = capture();
    const again = captures.map((c) => ({
      ...c,
      id: `${c.id}-2`,
      capturedAt: "2026-03-02T10:00:00+07:00",
    }));
    const r = review(
      edit(
        ["Mua ngay", "Đặt hàng ngay"],
        ["về thời lượng pin trước", "về thời lượng pin và giá trước"],
      ),
      [...captures, ...again],
    );
    expect(r.rows.map((row) => [row.kind, row.observationIds])).toEqual([
      ["element", ["summary-2", "summary"]],
      ["quote", ["quote-2", "quote"]],
    ]);
  });

  it("prices come from the newest capture that has them: a change already captured is not reported again", () => {
    const older = capture();
    const newer = capture(edit(["tai nghe chỉ <b>300.000</b>", "tai nghe chỉ <b>350.000</b>"])).map(
      (c) => ({ ...c, id: `${c.id}-new`, capturedAt: "2026-03-05T09:00:00+07:00" }),
    );
    const r = review(edit(["tai nghe chỉ <b>300.000</b>", "tai nghe chỉ <b>350.000</b>"]), [
      ...older,
      ...newer,
    ]);
    expect(r.rows).toEqual([]);
  });

  it("a quote recorded as a formatted price (8.990.000 ₫) is the same price as the page's 8.990.000₫", () => {
    const captures: PageCapture[] = [
      { id: "recorded", capturedAt: "2026-03-01T09:00:00+07:00", quote: "9.490.000\u00a0₫" },
    ];
    const r = review(PAGE, captures);
    expect(r.rows).toEqual([]);
    expect(r.found).toEqual(["recorded"]);
  });

  it("captures stored without roles or keys (the wire form today) still give no false change", () => {
    const wire = capture().map((c) =>
      c.prices
        ? {
            ...c,
            prices: c.prices.map(({ role: _r, position: _p, fingerprint: _f, ...p }) => p),
          }
        : c,
    );
    expect(review(PAGE, wire).rows).toEqual([]);
    const combo = review(
      edit(["tai nghe chỉ <b>300.000</b>", "tai nghe chỉ <b>350.000</b>"]),
      wire,
    );
    expect(combo.rows.map((row) => [row.kind, row.before, row.after])).toEqual([
      ["price", vnd(300000, "300.000₫"), vnd(350000, "350.000₫")],
    ]);
  });

  it("prices stored by the previous reader (parent selectors, li:nth-of-type) are placed again, not misread", () => {
    const old = (amount: number, raw: string, selector: string) => ({
      amount,
      currency: "VND",
      source: "text" as const,
      raw,
      selector,
    });
    const legacy: PageCapture[] = [
      {
        id: "old",
        capturedAt: "2025-12-01T09:00:00+07:00",
        prices: [
          { amount: 9490000, currency: "VND", source: "json-ld", raw: "9490000" },
          old(
            9490000,
            "9.490.000₫",
            "div.box-product-variants > a.item-variant:nth-of-type(1) > span",
          ),
          old(
            10990000,
            "10.990.000₫",
            "div.box-product-variants > a.item-variant:nth-of-type(2) > span",
          ),
          old(790833, "790.833₫", "div.box-installment"),
          old(1590000, "1.590.000₫", "div.combo"),
          old(300000, "300.000₫", "div.combo"),
          old(390000, "390.000₫", "div.box-promotion > ul > li:nth-of-type(1)"),
          old(2000000, "2.000.000₫", "div.box-promotion > ul > li:nth-of-type(2)"),
          old(150000, "150.000₫", "div.box-promotion > ul > li:nth-of-type(3)"),
        ],
      },
    ];
    expect(review(PAGE, legacy).rows).toEqual([]);
    const removed = review(
      edit(["<li>Giảm thêm <b>390.000</b>₫ khi thanh toán qua VNPAY</li>", ""]),
      legacy,
    );
    expect(removed.rows.map((r) => [r.kind, r.change, r.before, r.after])).toEqual([
      ["price", "removed", vnd(390000, "390.000₫"), null],
    ]);
    const combo = review(
      edit(["tai nghe chỉ <b>300.000</b>", "tai nghe chỉ <b>350.000</b>"]),
      legacy,
    );
    expect(combo.rows.map((r) => [r.kind, r.change, r.before, r.after])).toEqual([
      ["price", "changed", vnd(300000, "300.000₫"), vnd(350000, "350.000₫")],
    ]);
  });
});
