// Prices from page markup other than JSON-LD: Open Graph / Facebook product
// meta tags (`product:price:amount`, `og:price:amount`) and schema.org
// microdata (`itemprop="price"`). Each price keeps the selector of its tag so
// a later visit can read the same tag again.
import type { Price } from "@sightline/shared";
import { capText } from "./cap-text.ts";
import { cssSelectorFor } from "./css-selector.ts";
import { schemaAmount } from "./json-ld-prices.ts";
import { currencyCode, parsePriceText } from "./price-text.ts";

const META_PAIRS = [
  ["product:price:amount", "product:price:currency"],
  ["og:price:amount", "og:price:currency"],
] as const;

const metaTag = (doc: Document, key: string) =>
  doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);

/** Product prices declared in Open Graph / product meta tags. */
export function metaPrices(doc: Document): Price[] {
  const out: Price[] = [];
  for (const [amountKey, currencyKey] of META_PAIRS) {
    const tag = metaTag(doc, amountKey);
    const raw = tag?.getAttribute("content")?.trim();
    const currency = currencyCode(metaTag(doc, currencyKey)?.getAttribute("content") ?? "");
    if (!tag || !raw || !currency) continue;
    const amount = schemaAmount(raw, currency);
    if (amount === null) continue;
    const price: Price = { amount, currency, source: "meta", raw: capText(raw, 200) };
    const selector = cssSelectorFor(tag);
    if (selector) price.selector = selector;
    out.push(price);
  }
  return out;
}

const itempropValue = (el: Element) =>
  (el.getAttribute("content") ?? el.getAttribute("value") ?? el.textContent ?? "").trim();

/** The priceCurrency declared in the same itemscope as `el` (or anywhere, as a fallback). */
function microdataCurrency(el: Element): string | null {
  const scope = el.closest("[itemscope]") ?? el.ownerDocument;
  const tag =
    scope.querySelector('[itemprop="priceCurrency"]') ??
    el.ownerDocument.querySelector('[itemprop="priceCurrency"]');
  return tag ? currencyCode(itempropValue(tag)) : null;
}

/** The price a single `itemprop="price"` element declares, or null. */
export function microdataPrice(el: Element): Price | null {
  const raw = itempropValue(el);
  if (!raw) return null;
  const declared = microdataCurrency(el);
  let price: Price | null = null;
  if (declared) {
    const amount = schemaAmount(raw, declared);
    if (amount !== null)
      price = { amount, currency: declared, source: "microdata", raw: capText(raw, 200) };
  }
  if (!price) {
    // No usable priceCurrency: the text may carry its own symbol ("$1,299.99").
    const parsed = parsePriceText(raw);
    if (parsed)
      price = {
        amount: parsed.amount,
        currency: parsed.currency,
        source: "microdata",
        raw: capText(raw, 200),
      };
  }
  const selector = price && cssSelectorFor(el);
  if (price && selector) price.selector = selector;
  return price;
}

/** Every `itemprop="price"` price in the document, in document order. */
export function microdataPrices(doc: Document): Price[] {
  return Array.from(doc.querySelectorAll('[itemprop="price"]'))
    .map(microdataPrice)
    .filter((p): p is Price => p !== null);
}
