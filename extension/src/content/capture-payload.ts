// Describe what the user captured, in the page: the selection's W3C
// selectors, a picked element, a dragged region, plus the page facts that
// travel with every capture. Pure DOM reading; the worker does the rest.
import { capText } from "../capture/cap-text.ts";
import { describeRange } from "../capture/describe-range.ts";
import { describeElement } from "../capture/element-box.ts";
import { extractPageFacts } from "../capture/page-facts.ts";
import { selectorOfType } from "../capture/selector-types.ts";
import type { Box, CaptureKind, CapturePayload } from "../messages.ts";

export function viewportOf(win: Window) {
  return {
    width: win.innerWidth || 1,
    height: win.innerHeight || 1,
    devicePixelRatio: win.devicePixelRatio || 1,
  };
}

/** The parts every capture has: where, the viewport, the page facts. */
export function pagePayload(kind: CaptureKind, doc: Document, win: Window): CapturePayload {
  return {
    kind,
    url: capText(win.location.href, 4096),
    title: capText(doc.title.trim(), 500),
    viewport: viewportOf(win),
    facts: extractPageFacts(doc, win.location),
  };
}

const boxOf = (r: DOMRect | Box): Box => ({ x: r.x, y: r.y, width: r.width, height: r.height });

/** The current text selection as a capture, or null when nothing (or only space) is selected. */
export function selectionPayload(doc: Document, win: Window): CapturePayload | null {
  const selection = win.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const selectors = describeRange(range, doc.body);
  const quote = selectorOfType(selectors, "TextQuoteSelector");
  if (!quote) return null;
  return {
    ...pagePayload("selection", doc, win),
    quote: quote.exact,
    ...(quote.prefix ? { prefix: quote.prefix } : {}),
    ...(quote.suffix ? { suffix: quote.suffix } : {}),
    selectors,
    box: boxOf(range.getBoundingClientRect()),
  };
}

/** A picked element: its text, CSS selector and box (in `facts.element`). */
export function elementPayload(el: Element, doc: Document, win: Window): CapturePayload | null {
  const described = describeElement(el);
  if (!described) return null;
  const base = pagePayload("element", doc, win);
  return {
    ...base,
    box: boxOf(described.element.box),
    facts: { ...base.facts, element: described.element },
  };
}

/** A dragged region of the viewport. */
export function regionPayload(rect: Box, doc: Document, win: Window): CapturePayload {
  return { ...pagePayload("region", doc, win), box: boxOf(rect) };
}

/** Scroll an element fully into view if it is not, so its screenshot is whole. */
export function bringIntoView(el: Element, win: Window): boolean {
  const r = el.getBoundingClientRect();
  const visible =
    r.top >= 0 && r.left >= 0 && r.bottom <= win.innerHeight && r.right <= win.innerWidth;
  if (visible) return false;
  el.scrollIntoView({ block: "center", inline: "nearest" });
  return true;
}
