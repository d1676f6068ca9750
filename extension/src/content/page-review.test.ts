// @vitest-environment happy-dom
// The false changes of issue 17, through the content script's review of a
// revisited page: a product page where one element holds several prices and
// a promotion list whose lines have no names of their own. Captured the way a
// marketer does (a quote, the price element, the summary), revisited after
// one real change each; the panel must list exactly that change.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFixture } from "../../test/fixtures/load-fixture.ts";
import type { EarlierCapture } from "../messages.ts";
import { elementPayload, selectionPayload } from "./capture-payload.ts";
import { reviewPage } from "./page-review.ts";

const PAGE = readFileSync(
  join(import.meta.dirname, "../../test/fixtures/changes/phone-shop.html"),
  "utf8",
);

function load(html: string) {
  loadFixture("vi-shop.html", document, html);
}

function select(text: string): void {
  const walker = document.createTreeWalker(document.body, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = (n as Text).data.indexOf(text);
    if (i < 0) continue;
    const range = document.createRange();
    range.setStart(n, i);
    range.setEnd(n, i + text.length);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
    return;
  }
  throw new Error(`not on page: ${text}`);
}

type Payload = NonNullable<ReturnType<typeof selectionPayload>>;

function earlier(id: string, at: string, p: Payload, withPrices: boolean): EarlierCapture {
  const c: EarlierCapture = { id, capturedAt: at, selectors: p.selectors ?? [] };
  if (p.quote) c.quote = p.quote;
  if (p.facts.element) {
    c.elementSelector = p.facts.element.selector;
    if (p.facts.element.text) c.text = p.facts.element.text;
  }
  if (withPrices && p.facts.prices?.length) c.prices = p.facts.prices;
  return c;
}

/** Three captures of the page as it was: a quote, the price element, the summary. */
function captureAll(): EarlierCapture[] {
  load(PAGE);
  select("Khách hàng thường hỏi nhân viên về thời lượng pin trước khi quyết định mua.");
  const quote = earlier(
    "q1",
    "2026-03-01T09:00:00+07:00",
    selectionPayload(document, window) as Payload,
    false,
  );
  const price = elementPayload(
    document.querySelector(".product__price--show") as Element,
    document,
    window,
  );
  const priceEl = earlier("e1", "2026-03-01T09:05:00+07:00", price as Payload, false);
  const summary = elementPayload(
    document.querySelector("#product-summary") as Element,
    document,
    window,
  );
  // The newest capture carries the page's prices (as the worker hands them over).
  const summaryEl = earlier("e2", "2026-03-01T09:10:00+07:00", summary as Payload, true);
  return [summaryEl, priceEl, quote];
}

function revisit(...edits: [string, string][]) {
  const captures = captureAll();
  let html = PAGE;
  for (const [from, to] of edits) {
    expect(html).toContain(from);
    html = html.replace(from, to);
  }
  load(html);
  return reviewPage({ doc: document, win: window }, captures).report;
}

const rows = (r: ReturnType<typeof revisit>) =>
  r.changes.map((c) => `${c.kind}: ${c.before} → ${c.after}`.replace(/\u00a0/g, " "));

describe("revisiting a page (issue 17's false changes)", () => {
  it("one of several prices in one element changed: exactly that price, not 300.000 ₫ → 1.590.000 ₫", () => {
    const report = revisit([
      "mua kèm tai nghe chỉ <b>300.000</b>",
      "mua kèm tai nghe chỉ <b>350.000</b>",
    ]);
    expect(rows(report)).toEqual(["price: 300.000 ₫ → 350.000 ₫"]);
  });

  it("the instalment in an element with the full price changed: not 790.833 ₫ → 10.990.000 ₫", () => {
    const report = revisit(["chỉ từ <b>790.833</b>", "chỉ từ <b>832.500</b>"]);
    expect(rows(report)).toEqual(["price: 790.833 ₫ → 832.500 ₫"]);
  });

  it("a promotion line removed: that promotion's amount is gone, not 390.000 ₫ → 2.000.000 ₫", () => {
    const report = revisit(["<li>Giảm thêm <b>390.000</b>₫ khi thanh toán qua VNPAY</li>", ""]);
    expect(rows(report)).toEqual(["price: 390.000 ₫ → —"]);
  });

  it("an unchanged page: no change at all, every capture found", () => {
    const report = revisit();
    expect(report.changes).toEqual([]);
    expect(report.found.sort()).toEqual(["e1", "e2", "q1"]);
    expect(report.notFound).toEqual([]);
  });

  it("the price changed everywhere: one price row, and the price element is not also a content row", () => {
    const report = revisit(
      ['"price": "9490000"', '"price": "8990000"'],
      ["<strong>128GB</strong><span>9.490.000₫", "<strong>128GB</strong><span>8.990.000₫"],
      ['price--show">9.490.000', 'price--show">8.990.000'],
      ["Giảm 14%", "Giảm 18%"],
    );
    expect(rows(report)).toEqual(["price: 9.490.000 ₫ → 8.990.000 ₫"]);
  });

  it("each change carries the structured before/after that recording it stores", () => {
    const price = revisit([
      "mua kèm tai nghe chỉ <b>300.000</b>",
      "mua kèm tai nghe chỉ <b>350.000</b>",
    ]);
    expect(price.changes.map((c) => c.recorded)).toEqual([
      {
        kind: "price",
        role: "current",
        before: { amount: 300000, currency: "VND" },
        after: { amount: 350000, currency: "VND" },
      },
    ]);
    const removed = revisit(["<li>Giảm thêm <b>390.000</b>₫ khi thanh toán qua VNPAY</li>", ""]);
    expect(removed.changes.map((c) => c.recorded)).toEqual([
      { kind: "price", role: "discount", before: { amount: 390000, currency: "VND" }, after: null },
    ]);
    const wording = revisit(["Mua ngay", "Đặt hàng ngay"]);
    expect(wording.changes.map((c) => c.recorded)).toEqual([
      {
        kind: "text",
        before: {
          text: "Aurora X5 có pin 5.000mAh, màn hình OLED 120Hz và sạc nhanh 33W. Mua ngay",
        },
        after: {
          text: "Aurora X5 có pin 5.000mAh, màn hình OLED 120Hz và sạc nhanh 33W. Đặt hàng ngay",
        },
      },
    ]);
  });
});
