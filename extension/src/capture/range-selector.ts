// RangeSelector by XPath: names the elements holding the start and the end of
// the quote. W3C XPaths carry no character offsets, so Sightline reads the
// pair as a *region* — from the start of the start element to the end of the
// end element — and anchoring looks for the quote inside it. Structure-based,
// so it survives text inserted elsewhere on the page. Hypothesis's form
// (startContainer/startOffset/endContainer/endOffset, maybe refinedBy a
// TextPositionSelector) is read too, as the exact span its offsets name.
import { cssSelectorFor } from "./css-selector.ts";
import type {
  CssSelector,
  HypothesisRangeSelector,
  RangeSelector,
  XPathSelector,
} from "./selector-types.ts";
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
  if (typeof selector?.value !== "string") return null;
  if (selector.type === "XPathSelector") return elementFromXPath(selector.value, index.root);
  if (selector.type !== "CssSelector") return null;
  const doc = index.root.ownerDocument ?? (index.root as Document);
  try {
    return doc.querySelector(selector.value);
  } catch {
    return null; // not a valid selector in this browser
  }
}

/** A span that offsets place exactly (Hypothesis offsets, refinedBy), not a region of whole elements. */
export type ResolvedSpan = TextSpan & { precise?: true };

/** The text offset of a Hypothesis boundary: an element or text node by XPath, and an offset in its text. */
function boundary(index: TextIndex, xpath: unknown, offset: unknown): number | null {
  if (typeof xpath !== "string" || typeof offset !== "number" || !(offset >= 0)) return null;
  const node = elementFromXPath(xpath, index.root);
  if (!node) return null;
  if (node.nodeType === 3) return index.offsetOf(node, offset);
  const span = index.spanOf(node);
  return span && Math.min(span.start + Math.floor(offset), span.end);
}

/**
 * The text the selector names: for ours, the region from the start of its
 * start element to the end of its end element; for Hypothesis's, the span its
 * offsets name; narrowed by `refinedBy` when present. Null when an element is
 * gone, they are out of order, or the selector is not one of these shapes.
 */
export function resolveRangeSelector(
  index: TextIndex,
  selector: RangeSelector | HypothesisRangeSelector,
): ResolvedSpan | null {
  const s = selector as Partial<RangeSelector & HypothesisRangeSelector>;
  let span: ResolvedSpan | null = null;
  if (s.startSelector && s.endSelector) {
    const startNode = resolveEnd(index, s.startSelector);
    const endNode = resolveEnd(index, s.endSelector);
    const start = startNode && index.spanOf(startNode)?.start;
    const end = endNode && index.spanOf(endNode)?.end;
    if (typeof start === "number" && typeof end === "number" && end >= start) span = { start, end };
  } else {
    const start = boundary(index, s.startContainer, s.startOffset);
    const end = boundary(index, s.endContainer, s.endOffset);
    if (start !== null && end !== null && end >= start) span = { start, end, precise: true };
  }
  const refined = s.refinedBy;
  if (!span || !refined) return span;
  if (refined.type !== "TextPositionSelector" || !Number.isInteger(refined.start)) return span;
  const start = span.start + refined.start;
  const end = span.start + refined.end;
  return start <= end && end <= span.end ? { start, end, precise: true } : null;
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
