// What an element capture records: its text (for the observation and for
// change detection) and where it is on screen, so the service worker can crop
// the element out of a `captureVisibleTab` screenshot. Screenshots are in
// device pixels, boxes in CSS pixels — hence devicePixelRatio travels along.
import type { PageFacts } from "@sightline/shared";
import { collapseText } from "./cap-text.ts";
import { cssSelectorFor } from "./css-selector.ts";

/** Longest element text we keep (the wire cap). */
export const MAX_ELEMENT_TEXT = 4000;

/** A rectangle in CSS pixels relative to the viewport (what getBoundingClientRect gives). */
export interface ElementBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** `PageFacts.element`: the captured element as stored. */
export type ElementFacts = NonNullable<PageFacts["element"]>;

/**
 * The element's text as rendered (innerText where available, so hidden parts
 * and scripts are left out), whitespace collapsed, trimmed, ≤ 4000 chars.
 */
export function elementText(el: Element): string {
  // biome-ignore lint/performance/useDomNodeTextContent: we want rendered text, without hidden parts
  const rendered = (el as HTMLElement).innerText;
  return collapseText(
    typeof rendered === "string" ? rendered : (el.textContent ?? ""),
    MAX_ELEMENT_TEXT,
  );
}

/** The element's viewport box in CSS px and the window's devicePixelRatio (1 when unknown). */
export function elementBox(el: Element): { box: ElementBox; devicePixelRatio: number } {
  const r = el.getBoundingClientRect();
  const devicePixelRatio = el.ownerDocument.defaultView?.devicePixelRatio || 1;
  return { box: { x: r.x, y: r.y, width: r.width, height: r.height }, devicePixelRatio };
}

/**
 * The box in whole device pixels for cropping a screenshot: rounded outwards
 * so the element is never clipped, and clamped at the viewport's top-left.
 */
export function toDevicePixels(box: ElementBox, devicePixelRatio: number): ElementBox {
  const left = Math.max(0, Math.floor(box.x * devicePixelRatio));
  const top = Math.max(0, Math.floor(box.y * devicePixelRatio));
  const right = Math.max(left, Math.ceil((box.x + box.width) * devicePixelRatio));
  const bottom = Math.max(top, Math.ceil((box.y + box.height) * devicePixelRatio));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * Everything an element capture stores, shaped as `PageFacts.element`, plus the
 * devicePixelRatio needed to crop. Null when no unique selector exists for it.
 */
export function describeElement(
  el: Element,
): { element: ElementFacts; devicePixelRatio: number } | null {
  const selector = cssSelectorFor(el);
  if (selector === null) return null;
  const { box, devicePixelRatio } = elementBox(el);
  const text = elementText(el);
  const element: ElementFacts = text ? { selector, text, box } : { selector, box };
  return { element, devicePixelRatio };
}
