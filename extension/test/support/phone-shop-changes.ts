// A Vietnamese phone shop page (test/fixtures/changes/phone-shop.html) and
// its captures, for the change-detect*.test.ts files: one element holds
// several prices, a promotion list has unnamed lines and the price shows in
// JSON-LD, a variant list and the price box. A test edits the page, then
// reviews it against the baseline built from the captures.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import {
  buildBaseline,
  type ChangeRow,
  detectPageChanges,
  type PageCapture,
} from "../../src/capture/change-detect.ts";
import { describeRange } from "../../src/capture/describe-range.ts";
import { elementText } from "../../src/capture/element-box.ts";
import { readPrices } from "../../src/capture/prices.ts";
import { indexText } from "../../src/capture/text-index.ts";
import { loadFixture } from "../fixtures/load-fixture.ts";

export const PAGE = readFileSync(
  join(import.meta.dirname, "../fixtures/changes/phone-shop.html"),
  "utf8",
);
export const QUOTE = "Khách hàng thường hỏi nhân viên về thời lượng pin trước khi quyết định mua.";

/** Puts `html` in the test's happy-dom document. */
export function load(html: string) {
  loadFixture("vi-shop.html", document, html);
}

/** The page with each `[from, to]` replaced once; each `from` must be on the page. */
export function edit(...edits: [string, string][]): string {
  let html = PAGE;
  for (const [from, to] of edits) {
    expect(html).toContain(from);
    html = html.replace(from, to);
  }
  return html;
}

/** Captures of the page as it was: the page's prices, the price element, the summary, a quote. */
export function capture(html = PAGE): PageCapture[] {
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

/** The changes `after` shows against the baseline built from `captures`. */
export function review(after: string, captures = capture()) {
  const baseline = buildBaseline(captures);
  load(after);
  return detectPageChanges(baseline, document);
}

/** The rows without their opaque keys, for exact comparison. */
export const rows = (r: { rows: ChangeRow[] }) => r.rows.map(({ key: _, ...row }) => row);
/** A price in đồng as the page wrote it. */
export const vnd = (amount: number, raw: string) => ({ amount, currency: "VND", raw });
