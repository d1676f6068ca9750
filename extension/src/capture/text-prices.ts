// Prices as the shopper sees them, for pages without structured data. Walks
// the visible text only (scripts, styles and hidden modals often carry stale
// or member prices), and records the element each price sits in so a later
// visit can re-read exactly that spot.
import type { Price } from "@sightline/shared";
import { capText } from "./cap-text.ts";
import { cssSelectorFor } from "./css-selector.ts";
import { scanPriceText } from "./price-text.ts";
import { hidesSubtree } from "./visibility.ts";

/** Prices returned at most. */
export const MAX_TEXT_PRICES = 20;
/** Nodes visited at most, so a giant page can't stall the capture. */
const MAX_NODES = 50_000;
/** Text of an ancestor read to join a price split across elements ("2.490.000<sup>đ</sup>"). */
const MAX_JOIN_TEXT = 64;
const JOIN_LEVELS = 2;

const HAS_DIGIT = /\d/;
const key = (p: { amount: number; currency: string }) => `${p.amount} ${p.currency}`;

/**
 * Visible prices under `root`, deduplicated by amount + currency (first
 * occurrence wins), at most MAX_TEXT_PRICES, each with the selector of the
 * smallest element containing it when one can be made.
 */
export function textPrices(root: Element): Price[] {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 1 | 4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode: (node) =>
      node.nodeType === 1
        ? hidesSubtree(node as Element)
          ? 2 /* FILTER_REJECT */
          : 3 /* FILTER_SKIP */
        : HAS_DIGIT.test((node as Text).data)
          ? 1 /* FILTER_ACCEPT */
          : 3,
  });
  const out: Price[] = [];
  const seen = new Set<string>();
  const joined = new Set<Element>();
  let visited = 0;
  for (let n = walker.nextNode(); n && visited++ < MAX_NODES; n = walker.nextNode()) {
    let container: Element | null = n.parentElement;
    let found = scanPriceText((n as Text).data);
    // No price in the node alone: try a short ancestor, once per ancestor.
    for (let level = 0; found.length === 0 && container && level < JOIN_LEVELS; level++) {
      const parent: Element | null = level === 0 ? container : container.parentElement;
      if (!parent || joined.has(parent)) break;
      const text = parent.textContent ?? "";
      if (text.length > MAX_JOIN_TEXT) break;
      joined.add(parent);
      found = scanPriceText(text);
      container = parent;
    }
    for (const p of found) {
      if (seen.has(key(p))) continue;
      seen.add(key(p));
      const price: Price = {
        amount: p.amount,
        currency: p.currency,
        source: "text",
        raw: capText(p.raw, 200),
      };
      const selector = container && cssSelectorFor(container);
      if (selector) price.selector = selector;
      out.push(price);
      if (out.length >= MAX_TEXT_PRICES) return out;
    }
  }
  return out;
}
