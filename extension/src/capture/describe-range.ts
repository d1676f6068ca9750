// What a captured quote is stored as: the W3C selectors that let us find it
// again. Several kinds on purpose (see ANCHORS.md): structure (RangeSelector,
// CssSelector), offsets (TextPositionSelector) and the text itself
// (TextQuoteSelector), so a change to one of them doesn't lose the quote.
import { describeAncestorCss, describeRangeSelector } from "./range-selector.ts";
import type { Selector } from "./selector-types.ts";
import { indexText, type TextSpan } from "./text-index.ts";
import { describeTextPosition } from "./text-position.ts";
import { describeTextQuote, MAX_QUOTE } from "./text-quote.ts";

/** The span of `range` inside `text`, without surrounding whitespace and capped at MAX_QUOTE. */
function trimmedSpan(text: string, start: number, end: number): TextSpan {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  if (end - start > MAX_QUOTE) {
    end = start + MAX_QUOTE;
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--;
  }
  return { start, end };
}

/**
 * Describe `range` as W3C selectors, in anchoring order: RangeSelector (XPath),
 * CssSelector (common ancestor, refinedBy position), TextPositionSelector,
 * TextQuoteSelector. Offsets are into `root.textContent`; XPaths are relative
 * to `root`. The described text is the range trimmed of outer whitespace and
 * cut to its first MAX_QUOTE characters, consistently across all selectors.
 * Returns [] when the range is outside `root` or holds only whitespace.
 */
export function describeRange(range: Range, root: Node = document.body): Selector[] {
  const index = indexText(root);
  const start = index.offsetOf(range.startContainer, range.startOffset);
  const end = index.offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null) return [];
  const span = trimmedSpan(index.text, start, end);
  if (span.end === span.start) return [];
  const trimmed = index.rangeAt(span.start, span.end);
  if (!trimmed) return [];

  const selectors: Selector[] = [];
  const rangeSelector = describeRangeSelector(trimmed, root);
  if (rangeSelector) selectors.push(rangeSelector);
  const css = describeAncestorCss(index, trimmed, span);
  if (css) selectors.push(css);
  selectors.push(describeTextPosition(span), describeTextQuote(index.text, span));
  return selectors;
}
