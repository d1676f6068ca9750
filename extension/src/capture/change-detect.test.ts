// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from "vitest";
import { fixtureHtml, loadFixture } from "../../test/fixtures/load-fixture.ts";
import { anchor } from "./anchor.ts";
import { detectChanges, type EarlierCapture } from "./change-detect.ts";
import { describeRange } from "./describe-range.ts";
import { elementText } from "./element-box.ts";
import { extractPrices } from "./prices.ts";
import { indexText } from "./text-index.ts";

const QUOTE = "Khách hàng thường hỏi nhân viên về màu sắc trước khi quyết định mua.";

/** Capture the vi-shop page the way the extension would. */
function capture(): EarlierCapture {
  loadFixture("vi-shop.html");
  const index = indexText(document.body);
  const at = index.text.indexOf(QUOTE);
  const range = index.rangeAt(at, at + QUOTE.length) as Range;
  return {
    selectors: describeRange(range),
    elementSelector: "#product-summary",
    text: elementText(document.getElementById("product-summary") as Element),
    prices: extractPrices(document),
  };
}

/** Load the vi-shop page with text replacements applied to its HTML. */
function revisit(...edits: [string, string][]) {
  let html = fixtureHtml("vi-shop.html");
  for (const [from, to] of edits) {
    expect(html).toContain(from);
    html = html.replaceAll(from, to);
  }
  loadFixture("vi-shop.html", document, html);
}

let earlier: EarlierCapture;
beforeEach(() => {
  earlier = capture();
});

describe("detectChanges", () => {
  it("reports everything the same on an unchanged page", () => {
    revisit();
    const report = detectChanges(earlier, document);
    expect(report.quote?.status).toBe("same");
    expect(report.element?.status).toBe("same");
    expect(report.prices.map((p) => p.status)).toEqual(["same", "same", "same", "same"]);
  });

  it("reports a price drop in JSON-LD and in the visible price, found by selector", () => {
    revisit(
      ['"price": "1290000"', '"price": "1190000"'],
      ['data-testid="product-price">1.290.000₫', 'data-testid="product-price">1.190.000₫'],
    );
    const [jsonLd, visible, old] = detectChanges(earlier, document).prices;
    expect(jsonLd).toMatchObject({
      status: "changed",
      old: { amount: 1290000 },
      new: { amount: 1190000 },
    });
    expect(visible).toMatchObject({ status: "changed", new: { amount: 1190000, currency: "VND" } });
    expect(old?.status).toBe("same"); // the struck-through 1.590.000₫ didn't move
  });

  it("re-finds a text price by source when its element lost the selector", () => {
    revisit(['data-testid="product-price"', 'data-testid="price-now"']);
    const visible = detectChanges(earlier, document).prices[1];
    expect(visible).toMatchObject({ status: "same", new: { amount: 1290000, source: "text" } });
  });

  it("reports not-found for prices and elements that are gone", () => {
    revisit(
      ['"price": "1290000",', ""],
      ['<div class="price-box">', '<div class="price-box" hidden>'],
      ['id="product-summary"', 'id="summary"'],
    );
    const report = detectChanges(earlier, document);
    expect(report.prices[0]?.status).toBe("not-found");
    // The hidden price box no longer counts; the same amount in a review still does.
    expect(report.prices[1]?.new?.selector).not.toBe(earlier.prices?.[1]?.selector);
    expect(report.prices[2]?.status).toBe("not-found");
    expect(report.element).toEqual({ status: "not-found", old: earlier.text, new: null });
  });

  it("reports an edited quote as changed with the new wording, and a removed one as not-found", () => {
    revisit(["về màu sắc trước", "về màu sắc và giá trước"]);
    const edited = detectChanges(earlier, document).quote;
    expect(edited?.status).toBe("changed");
    expect(edited?.new).toContain("về màu sắc và giá trước");

    revisit([QUOTE, "Đoạn văn này đã được viết lại hoàn toàn."]);
    expect(detectChanges(earlier, document).quote).toEqual({
      status: "not-found",
      old: QUOTE,
      new: null,
    });
  });

  it("reports a changed element text", () => {
    revisit(["Mua ngay", "Đặt hàng ngay"]);
    const element = detectChanges(earlier, document).element;
    expect(element?.status).toBe("changed");
    expect(element?.new).toContain("Đặt hàng ngay");
    expect(anchor(document.body, earlier.selectors)?.toString()).toBe(QUOTE);
  });
});
