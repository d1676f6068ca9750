// All prices on a page, most trustworthy source first: JSON-LD, then product
// meta tags, then microdata, then visible text (the order price watchers
// use). Sources are kept side by side rather than merged: the structured
// price says what the shop declares, the text price where the shopper sees it.
import type { Price } from "@sightline/shared";
import { jsonLdPrices } from "./json-ld-prices.ts";
import { metaPrices, microdataPrices } from "./markup-prices.ts";
import { textPrices } from "./text-prices.ts";

export { parsePriceText } from "./price-text.ts";
export type { Price };

/** Prices kept at most (the wire cap). */
export const MAX_PRICES = 20;

/**
 * Prices in `doc` ordered json-ld, meta, microdata, text; within a source,
 * repeated amount + currency pairs are dropped; at most MAX_PRICES in total.
 */
export function extractPrices(doc: Document): Price[] {
  const seen = new Set<string>();
  const out: Price[] = [];
  const sources = [jsonLdPrices, metaPrices, microdataPrices];
  for (const read of sources) {
    for (const p of read(doc)) {
      const key = `${p.source} ${p.amount} ${p.currency}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(p);
      if (out.length >= MAX_PRICES) return out;
    }
  }
  const visible = doc.body ? textPrices(doc.body) : [];
  return out.concat(visible.slice(0, MAX_PRICES - out.length));
}
