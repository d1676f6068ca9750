// RangeSelector by XPath: names the elements holding the start and the end of
// the quote. W3C XPaths carry no character offsets, so Sightline reads the
// pair as a *region* — from the start of the start element to the end of the
// end element — and anchoring looks for the quote inside it. Structure-based,
// so it survives text inserted elsewhere on the page.
import { cssSelectorFor } from "./css-selector.ts";
import type { CssSelector, RangeSelector, XPathSelector } from "./selector-types.ts";
import type { TextIndex, TextSpan } from "./text-index.ts";
import { elementFromXPath, xpathOf } from "./xpath.ts";

/** The selector for `range`, or null when a boundary is outside `root` or its path is too long. */
export function describeRangeSelector(range: Range, root: Node): RangeSelector | null {
  const start = xpathOf(range.startContainer, root);
  const end = xpathOf(range.endContainer, root);
  if (start === null || end === null) return null;
  return {
    type: "RangeSelector",
    startSelector: { type: "XPathSelector", value: start },
    endSelector: { type: "XPathSelector", value: end },
  };
}

function resolveEnd(index: TextIndex, selector: XPathSelector | CssSelector): Node | null {
  if (selector.type === "XPathSelector") return elementFromXPath(selector.value, index.root);
  const doc = index.root.ownerDocument ?? (index.root as Document);
  try {
    return doc.querySelector(selector.value);
  } catch {
    return null; // not a valid selector in this browser
  }
}

/**
 * The text region the selector names (start of its start element to end of
 * its end element), or null when either element is gone or they are out of order.
 */
export function resolveRangeSelector(index: TextIndex, selector: RangeSelector): TextSpan | null {
  const startNode = resolveEnd(index, selector.startSelector);
  const endNode = resolveEnd(index, selector.endSelector);
  if (!startNode || !endNode) return null;
  const start = index.spanOf(startNode)?.start;
  const end = index.spanOf(endNode)?.end;
  if (start === undefined || end === undefined || end < start) return null;
  return { start, end };
}

/**
 * A CssSelector for the element that contains the whole span, refined by the
 * span's offsets inside that element's text. Null when no unique selector exists.
 */
export function describeAncestorCss(
  index: TextIndex,
  range: Range,
  span: TextSpan,
): CssSelector | null {
  const common = range.commonAncestorContainer;
  const el = common.nodeType === 1 ? (common as Element) : common.parentElement;
  if (!el || !(el === index.root || index.root.contains(el))) return null;
  const value = cssSelectorFor(el);
  const at = index.spanOf(el);
  if (value === null || !at) return null;
  return {
    type: "CssSelector",
    value,
    refinedBy: {
      type: "TextPositionSelector",
      start: span.start - at.start,
      end: span.end - at.start,
    },
  };
}

/**
 * The span a CssSelector names: its element's text, narrowed by `refinedBy`
 * when present. Null when the element is gone or the offsets no longer fit.
 */
export function resolveCssSelector(index: TextIndex, selector: CssSelector): TextSpan | null {
  const el = resolveEnd(index, selector);
  const at = el && index.spanOf(el);
  if (!at) return null;
  if (!selector.refinedBy) return at;
  const start = at.start + selector.refinedBy.start;
  const end = at.start + selector.refinedBy.end;
  return start <= end && end <= at.end ? { start, end } : null;
}
