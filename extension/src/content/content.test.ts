// @vitest-environment happy-dom
// The content script's in-page work on the capture engineer's fixture pages:
// describing a selection and an element, then a revisit where the page
// changed (price and wording) — highlights, not-found list, old → new.
import { describe, expect, it } from "vitest";
import { loadFixture } from "../../test/fixtures/load-fixture.ts";
import type { EarlierCapture } from "../messages.ts";
import { elementPayload, selectionPayload } from "./capture-payload.ts";
import { formatPrice, reviewPage, toPageChanges } from "./page-review.ts";
import { normaliseRect } from "./region-drag.ts";

function select(doc: Document, text: string): void {
  const walker = doc.createTreeWalker(doc.body, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = (n as Text).data.indexOf(text);
    if (i < 0) continue;
    const range = doc.createRange();
    range.setStart(n, i);
    range.setEnd(n, i + text.length);
    const sel = window.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    return;
  }
  throw new Error(`not on page: ${text}`);
}

/** What the worker would hand back on revisit, from a capture payload. */
function earlier(id: string, p: NonNullable<ReturnType<typeof selectionPayload>>): EarlierCapture {
  const c: EarlierCapture = {
    id,
    capturedAt: "2026-03-01T09:00:00+07:00",
    selectors: p.selectors ?? [],
  };
  if (p.quote) c.quote = p.quote;
  if (p.facts.element) {
    c.elementSelector = p.facts.element.selector;
    if (p.facts.element.text) c.text = p.facts.element.text;
  }
  if (p.facts.prices?.length) c.prices = p.facts.prices as EarlierCapture["prices"];
  return c;
}

describe("capture payloads", () => {
  it("describes a selection with W3C selectors, context and page facts (price parsed)", () => {
    loadFixture("vi-shop.html");
    select(document, "cho thời lượng pin lên đến 50 giờ");
    const p = selectionPayload(document, window);
    expect(p?.quote).toBe("cho thời lượng pin lên đến 50 giờ");
    expect(p?.prefix).toContain("Sony WH-CH520");
    expect(p?.selectors?.map((s) => s.type)).toEqual(
      expect.arrayContaining(["TextQuoteSelector", "TextPositionSelector", "RangeSelector"]),
    );
    expect(p?.facts.lang).toBe("vi");
    expect(p?.facts.prices?.[0]).toMatchObject({
      amount: 1290000,
      currency: "VND",
      source: "json-ld",
    });
    expect(p?.viewport.devicePixelRatio).toBeGreaterThan(0);
  });

  it("is null without a selection", () => {
    loadFixture("vi-shop.html");
    window.getSelection()?.removeAllRanges();
    expect(selectionPayload(document, window)).toBeNull();
  });

  it("describes a picked element by selector, text and box", () => {
    loadFixture("vi-shop.html");
    const el = document.querySelector(".price-current") as Element;
    const p = elementPayload(el, document, window);
    expect(p?.kind).toBe("element");
    expect(p?.facts.element?.text).toBe("1.290.000₫");
    expect(document.querySelector(p?.facts.element?.selector as string)).toBe(el);
    expect(p?.box).toEqual(p?.facts.element?.box);
  });
});

describe("revisit", () => {
  it("finds an unchanged quote and reports nothing changed", () => {
    loadFixture("vi-shop.html");
    select(document, "Bảo hành chính hãng 12 tháng");
    const c = earlier(
      "q1",
      selectionPayload(document, window) as NonNullable<ReturnType<typeof selectionPayload>>,
    );
    loadFixture("vi-shop.html");
    const { report, ranges } = reviewPage({ doc: document, win: window }, [c]);
    expect(report).toEqual({ found: ["q1"], notFound: [], changes: [] });
    expect(ranges[0]?.toString()).toBe("Bảo hành chính hãng 12 tháng");
  });

  it("after the page changed: new price → change, edited quote → old → new, removed quote → not found", () => {
    loadFixture("vi-shop.html");
    select(document, "Bảo hành chính hãng 12 tháng");
    const warranty = earlier(
      "q1",
      selectionPayload(document, window) as NonNullable<ReturnType<typeof selectionPayload>>,
    );
    select(document, "Khách hàng thường hỏi nhân viên về màu sắc trước khi quyết định mua.");
    const gone = earlier(
      "q2",
      selectionPayload(document, window) as NonNullable<ReturnType<typeof selectionPayload>>,
    );
    const priceEl = elementPayload(
      document.querySelector(".price-current") as Element,
      document,
      window,
    );
    const price = earlier("e1", priceEl as NonNullable<typeof priceEl>);

    const html = document.documentElement.outerHTML
      .replaceAll("1290000", "1190000")
      .replace('data-testid="product-price">1.290.000₫', 'data-testid="product-price">1.190.000₫')
      .replace("Bảo hành chính hãng 12 tháng", "Bảo hành chính hãng 24 tháng")
      .replace("Khách hàng thường hỏi nhân viên về màu sắc trước khi quyết định mua.", "");
    loadFixture("vi-shop.html", document, `<!doctype html>${html}`);

    const { report } = reviewPage({ doc: document, win: window }, [warranty, gone, price]);
    expect(report.notFound).toEqual(["q2"]);
    expect(report.found).toEqual(expect.arrayContaining(["q1", "e1"]));
    const kinds = report.changes.map((c) => [c.observationId, c.kind]);
    expect(kinds).toContainEqual(["q1", "quote"]);
    // One price change for the page (JSON-LD, the price element and the review
    // all moved the same way), never also an element or a second price row.
    expect(report.changes.filter((c) => c.kind === "price")).toHaveLength(1);
    const priceChange = report.changes.find((c) => c.kind === "price");
    expect(priceChange?.before).toMatch(/1[.,]290[.,]000/);
    expect(priceChange?.after).toMatch(/1[.,]190[.,]000/);
    expect(report.changes.map((c) => c.kind)).not.toContain("element");
    expect(report.changes.find((c) => c.kind === "quote")).toMatchObject({
      before: "Bảo hành chính hãng 12 tháng",
      after: "Bảo hành chính hãng 24 tháng",
    });
  });
});

describe("helpers", () => {
  it("toPageChanges lists an element change and a removed price for the panel", () => {
    const changes = toPageChanges(
      [
        {
          kind: "element",
          key: "element:1",
          change: "changed",
          selector: "h1",
          before: "Old title",
          after: "New title",
          observationIds: ["e"],
        },
        {
          kind: "price",
          key: "price:2",
          change: "removed",
          role: "discount",
          source: "text",
          selector: "ul.promo",
          before: { amount: 390000, currency: "VND", raw: "390.000₫" },
          after: null,
          observationIds: ["p", "e"],
        },
      ],
      "vi",
    );
    expect(changes).toEqual([
      {
        key: "element:1",
        observationId: "e",
        kind: "element",
        before: "Old title",
        after: "New title",
        selector: "h1",
        recorded: { kind: "text", before: { text: "Old title" }, after: { text: "New title" } },
      },
      {
        key: "price:2",
        observationId: "p",
        kind: "price",
        before: expect.stringMatching(/^390\.000/),
        after: "—",
        recorded: {
          kind: "price",
          role: "discount",
          before: { amount: 390000, currency: "VND" },
          after: null,
        },
        selector: "ul.promo",
      },
    ]);
  });
  it("formatPrice and normaliseRect", () => {
    expect(formatPrice({ amount: 1290000, currency: "VND" }, "vi")).toMatch(/1\.290\.000/);
    expect(normaliseRect(50, 60, 10, 20)).toEqual({ x: 10, y: 20, width: 40, height: 40 });
  });
});
