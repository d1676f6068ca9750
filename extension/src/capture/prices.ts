// All prices on a page, most trustworthy source first: JSON-LD, then product
// meta tags, then microdata, then visible text (the order price watchers
// use). Sources are kept side by side rather than merged: the structured
// price says what the shop declares, the text price where the shopper sees it.
import type { Price } from "@sightline/shared";
import { jsonLdPrices } from "./json-ld-prices.ts";
import { metaPrices, microdataPrices } from "./markup-prices.ts";
import { numberPositions, type PriceReading, toWirePrice } from "./price-reading.ts";
import { textPrices } from "./text-prices.ts";

export type { PriceReading, PriceRole } from "./price-reading.ts";
export { parsePriceText } from "./price-text.ts";
export type { Price };

/** Prices kept at most (the wire cap). */
export const MAX_PRICES = 20;

/**
 * Prices in `doc` with roles and keys, ordered json-ld, meta, microdata, text;
 * within a structured source, repeated amount + currency + role are dropped;
 * at most `limit` (default MAX_PRICES) in total.
 */
export function readPrices(doc: Document, limit = MAX_PRICES): PriceReading[] {
  const seen = new Set<string>();
  const out: PriceReading[] = [];
  for (const read of [jsonLdPrices, metaPrices, microdataPrices]) {
    for (const p of read(doc)) {
      const key = `${p.source} ${p.amount} ${p.currency} ${p.role}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(p);
      if (out.length >= limit) return numberPositions(out);
    }
  }
  const visible = doc.body ? textPrices(doc.body, { limit: limit - out.length }) : [];
  return numberPositions(out.concat(visible));
}

/** What a capture stores: `readPrices` in the wire form (shared PriceSchema). */
export function extractPrices(doc: Document): Price[] {
  return readPrices(doc).map(toWirePrice);
}
