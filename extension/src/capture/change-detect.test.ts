// @vitest-environment happy-dom
// Change detection per page: before/after pairs of a Vietnamese phone shop
// page (test/support/phone-shop-changes.ts) where one element holds several
// prices, a promotion list has unnamed lines and the price shows in JSON-LD,
// a variant list and the price box. The baseline is built from every capture
// of the page; each pair asserts the exact change rows. Harder price cases
// are in change-detect.price-rows.test.ts, the baseline's own rules in
// change-detect.baseline.test.ts.
import { describe, expect, it } from "vitest";
import { edit, PAGE, QUOTE, review, rows, vnd } from "../../test/support/phone-shop-changes.ts";

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
