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

/**
 * A RangeSelector as Hypothesis stores it: XPaths of the boundary containers
 * (relative to the document body) and character offsets in their text,
 * possibly refined by a TextPositionSelector. Not part of the wire schema,
 * but found in imported annotations; anchoring accepts it.
 */
export interface HypothesisRangeSelector {
  type: "RangeSelector";
  startContainer: string;
  startOffset: number;
  endContainer: string;
  endOffset: number;
  refinedBy?: TextPositionSelector;
}

/** What anchoring accepts: our selectors and foreign ones it understands (malformed ones are skipped). */
export type AnySelector = Selector | HypothesisRangeSelector;

/** The first selector of the given type in a list, if any (TextQuote and TextPosition checked for shape). */
export function selectorOfType<T extends Selector["type"]>(
  selectors: readonly AnySelector[],
  type: T,
): Extract<Selector, { type: T }> | undefined {
  return selectors.find(
    (s): s is Extract<Selector, { type: T }> =>
      typeof s === "object" && s?.type === type && wellFormed(s),
  );
}

function wellFormed(s: AnySelector): boolean {
  if (s.type === "TextQuoteSelector") return typeof s.exact === "string";
  if (s.type === "TextPositionSelector")
    return Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end >= s.start;
  return true;
}
