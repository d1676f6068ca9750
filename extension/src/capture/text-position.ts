// TextPositionSelector: character offsets into the root's textContent. Cheap
// and exact while the page is unchanged; anything inserted before the quote
// shifts it, which is why anchoring checks it against the quote.
import type { TextPositionSelector } from "./selector-types.ts";
import type { TextIndex, TextSpan } from "./text-index.ts";

/** The selector for `span` (offsets from `indexText(root)`). */
export function describeTextPosition(span: TextSpan): TextPositionSelector {
  return { type: "TextPositionSelector", start: span.start, end: span.end };
}

/** The selector's span, or null when it no longer fits the page's text. */
export function resolveTextPosition(
  index: TextIndex,
  selector: TextPositionSelector,
): TextSpan | null {
  const { start, end } = selector;
  if (start < 0 || end < start || end > index.text.length) return null;
  return { start, end };
}
