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

/** Text scanned at a time: prices are read block by block as the walk goes, so it can stop early. */
const SCAN_CHUNK = 2048;
/** Text before a chunk kept for the words that give a price its role. */
const CONTEXT_BEFORE = 80;

/** Index of the last start at or before `offset`. */
function nodeAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] as number) <= offset) lo = mid + 1;
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
 * and a fingerprint. Not deduplicated: the same amount in two places is two
 * prices. The walk stops once `limit` prices are read.
 */
export function textPrices(
  root: Element,
  options: { limit?: number; lang?: string | undefined } = {},
): PriceReading[] {
  const limit = options.limit ?? MAX_TEXT_PRICES;
  const lang =
    options.lang ?? root.ownerDocument.documentElement?.getAttribute("lang") ?? undefined;
  const out: PriceReading[] = [];
  const selectors = new Map<Element, string>();
  // The visible text so far with boundary marks, and where each text node starts in it.
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = "";
  let scanFrom = 0;

  /** Read the prices in the text added since the last scan (it ends at a block boundary). */
  const scan = () => {
    const from = Math.max(0, scanFrom - CONTEXT_BEFORE);
    const chunk = text.slice(from);
    for (const p of scanPriceText(chunk, { limit: limit + 100, lang })) {
      const index = p.index + from;
      const end = p.end + from;
      if (index < scanFrom) continue;
      const a = nodes[Math.max(nodeAt(starts, index), 0)];
      const b = nodes[Math.max(nodeAt(starts, end - 1), 0)];
      const el = a && b && commonElement(a, b);
      if (!el) continue;
      // The digits' own element: where a struck-through or a telling class applies.
      const firstDigit = index + chunk.slice(p.index, p.end).search(/\d/);
      const digits = nodes[nodeAt(starts, firstDigit)]?.parentElement ?? el;
      const byMarkup = markupRole(digits, el, p.raw.length);
      const role = byMarkup === "was" ? "was" : p.cued ? p.role : (byMarkup ?? p.role);
      out.push({
        amount: p.amount,
        currency: p.currency,
        source: "text",
        raw: capText(p.raw, 200),
        selector: stableSelectorFor(el, selectors),
        role,
        fingerprint: p.fingerprint,
      });
      if (out.length >= limit) break;
    }
    scanFrom = text.length;
  };
  const mark = (m: string) => {
    const last = text.charAt(text.length - 1);
    if (last === "\n" || last === m) return;
    text += m;
    if (m === "\n" && text.length - scanFrom >= SCAN_CHUNK) scan();
  };

  const stack: (Node | { exit: Element })[] = [root];
  let visited = 0;
  while (stack.length && visited++ < MAX_NODES && out.length < limit) {
    const item = stack.pop() as Node | { exit: Element };
    if ("exit" in item) {
      mark(BLOCK.has(item.exit.localName) ? "\n" : "\u200b");
      continue;
    }
    if (item.nodeType === 3) {
      const data = (item as Text).data;
      if (!data) continue;
      nodes.push(item as Text);
      starts.push(text.length);
      text += data;
      continue;
    }
    if (item.nodeType !== 1) continue;
    const el = item as Element;
    if (el !== root && hidesSubtree(el)) continue;
    mark(BLOCK.has(el.localName) ? "\n" : "\u200b");
    stack.push({ exit: el });
    for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  if (out.length < limit) {
    mark("\n");
    scan();
  }
  return numberPositions(out);
}
