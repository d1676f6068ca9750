// Prices as the shopper sees them. Walks the visible text only (scripts,
// styles and hidden modals often carry stale or member prices) into one
// string where block boundaries are line breaks (numbers never join across
// them) and inline element boundaries are U+200B (a number and its currency
// may sit in sibling elements: "2.490.000<sup>đ</sup>"). Each price found is
// tied to its own smallest element — the one holding its digits and its
// currency, never a parent's joined text — and keyed by the stable selector
// of that element (or its nearest stably-named ancestor), its role, its
// position there and the words before it.
import { capText } from "./cap-text.ts";
import {
  markupRole,
  numberPositions,
  type PriceReading,
  stableSelectorFor,
} from "./price-reading.ts";
import { scanPriceText } from "./price-text.ts";
import { hidesSubtree } from "./visibility.ts";

/** Prices returned at most (the wire cap). */
export const MAX_TEXT_PRICES = 20;
/** Nodes visited at most, so a giant page can't stall the capture. */
const MAX_NODES = 50_000;

const BLOCK = new Set(
  "address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody tfoot thead tr td th ul option".split(
    " ",
  ),
);

interface Flat {
  text: string;
  /** Text nodes and where each starts in `text`, in document order. */
  nodes: Text[];
  starts: number[];
}

/** The visible text under `root` with boundary marks (see the file comment). */
function flatten(root: Element): Flat {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  let last = "";
  const mark = (m: string) => {
    if (last === "\n" || last === m) return;
    parts.push(m);
    length += 1;
    last = m;
  };
  const stack: (Node | { exit: Element })[] = [root];
  let visited = 0;
  while (stack.length && visited++ < MAX_NODES) {
    const item = stack.pop() as Node | { exit: Element };
    if ("exit" in item) {
      mark(BLOCK.has(item.exit.localName) ? "\n" : "\u200b");
      continue;
    }
    if (item.nodeType === 3) {
      const data = (item as Text).data;
      if (!data) continue;
      nodes.push(item as Text);
      starts.push(length);
      parts.push(data);
      length += data.length;
      last = data.charAt(data.length - 1);
      continue;
    }
    if (item.nodeType !== 1) continue;
    const el = item as Element;
    if (el !== root && hidesSubtree(el)) continue;
    mark(BLOCK.has(el.localName) ? "\n" : "\u200b");
    stack.push({ exit: el });
    for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return { text: parts.join(""), nodes, starts };
}

/** Index of the last node starting at or before `offset`. */
function nodeAt(flat: Flat, offset: number): number {
  let lo = 0;
  let hi = flat.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((flat.starts[mid] as number) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The smallest element containing both nodes. */
function commonElement(a: Node, b: Node): Element | null {
  let el: Element | null = a.parentElement;
  while (el && !el.contains(b)) el = el.parentElement;
  return el;
}

/**
 * Visible prices under `root`, in document order, at most `limit`, each with
 * its role, the stable selector of its smallest element, its position there
 * and a fingerprint. Not deduplicated: the same amount in two places is two prices.
 */
export function textPrices(
  root: Element,
  options: { limit?: number; lang?: string | undefined } = {},
): PriceReading[] {
  const limit = options.limit ?? MAX_TEXT_PRICES;
  const lang =
    options.lang ?? root.ownerDocument.documentElement?.getAttribute("lang") ?? undefined;
  const flat = flatten(root);
  const out: PriceReading[] = [];
  const selectors = new Map<Element, string>();
  for (const p of scanPriceText(flat.text, { limit, lang })) {
    const first = nodeAt(flat, p.index);
    const lastNode = nodeAt(flat, p.end - 1);
    const a = flat.nodes[Math.max(first, 0)];
    const b = flat.nodes[Math.max(lastNode, 0)];
    const el = a && b && commonElement(a, b);
    if (!el) continue;
    // The digits' own element: where a struck-through or a telling class applies.
    const firstDigit = p.index + flat.text.slice(p.index, p.end).search(/\d/);
    const digits = flat.nodes[nodeAt(flat, firstDigit)]?.parentElement ?? el;
    const byMarkup = markupRole(digits, el, p.raw.length);
    const role = byMarkup === "was" ? "was" : p.cued ? p.role : (byMarkup ?? p.role);
    out.push({
      amount: p.amount,
      currency: p.currency,
      source: "text",
      raw: capText(p.raw, 200),
      selector: stableSelectorFor(el, selectors),
      role,
      fingerprint: p.label,
    });
  }
  return numberPositions(out);
}
