// @vitest-environment happy-dom
// The baseline change detection compares with is built from every capture of
// a page: repeats name both captures, prices come from the newest capture,
// and captures in older stored forms give no false change. On the phone shop
// page (test/support/phone-shop-changes.ts).
import { describe, expect, it } from "vitest";
import { capture, edit, PAGE, review, vnd } from "../../test/support/phone-shop-changes.ts";
import type { PageCapture } from "./change-detect.ts";

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
