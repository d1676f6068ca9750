// Names for the W3C Web Annotation selector shapes we produce and consume.
// The shapes themselves belong to the shared zod schema (the schema is the
// type); this file only narrows the union so modules can say which one they
// mean. Type-only: nothing here reaches the content-script bundle.
import type { Selector } from "@sightline/shared";

export type { Selector };
export type TextQuoteSelector = Extract<Selector, { type: "TextQuoteSelector" }>;
export type TextPositionSelector = Extract<Selector, { type: "TextPositionSelector" }>;
export type XPathSelector = Extract<Selector, { type: "XPathSelector" }>;
export type CssSelector = Extract<Selector, { type: "CssSelector" }>;
export type RangeSelector = Extract<Selector, { type: "RangeSelector" }>;

/** The first selector of the given type in a list, if any. */
export function selectorOfType<T extends Selector["type"]>(
  selectors: readonly Selector[],
  type: T,
): Extract<Selector, { type: T }> | undefined {
  return selectors.find((s): s is Extract<Selector, { type: T }> => s.type === type);
}
