// Prices from page markup other than JSON-LD: Open Graph / Facebook product
// meta tags (`product:price:amount`, `product:original_price:amount`,
// `product:sale_price:amount`, `og:price:amount`) and schema.org microdata
// (`itemprop="price"`). Each price keeps the selector of its tag so a later
// visit can read the same tag again, and a role (struck or in a ListPrice
// specification → was).
import { capText } from "./cap-text.ts";
import { schemaAmount } from "./json-ld-prices.ts";
import {
  markupRole,
  type PriceReading,
  type PriceRole,
  stableSelectorFor,
} from "./price-reading.ts";
import { currencyCode, parsePriceText } from "./price-text.ts";

const META_PAIRS: readonly (readonly [string, string, PriceRole])[] = [
  ["product:price:amount", "product:price:currency", "current"],
  ["og:price:amount", "og:price:currency", "current"],
  ["product:sale_price:amount", "product:sale_price:currency", "sale"],
  ["product:original_price:amount", "product:original_price:currency", "was"],
];

const metaTag = (doc: Document, key: string) =>
  doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);

/** Product prices declared in Open Graph / product meta tags. */
export function metaPrices(doc: Document): PriceReading[] {
  const out: PriceReading[] = [];
  for (const [amountKey, currencyKey, role] of META_PAIRS) {
    const tag = metaTag(doc, amountKey);
    const raw = tag?.getAttribute("content")?.trim();
    const currency = currencyCode(metaTag(doc, currencyKey)?.getAttribute("content") ?? "");
    if (!tag || !raw || !currency) continue;
    const amount = schemaAmount(raw, currency);
    if (amount === null) continue;
    if (out.some((p) => p.amount === amount && p.currency === currency && p.role === role))
      continue;
    out.push({
      amount,
      currency,
      source: "meta",
      raw: capText(raw, 200),
      selector: stableSelectorFor(tag),
      role,
      position: 0,
    });
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

/** The role of a microdata price: its specification's priceType, else its markup. */
function microdataRole(el: Element, raw: string): PriceRole {
  const spec = el.closest('[itemprop~="priceSpecification"]');
  const type = spec?.querySelector('[itemprop="priceType"]');
  if (type && /listprice|strikethroughprice|msrp/i.test(itempropValue(type))) return "was";
  if (type && /saleprice/i.test(itempropValue(type))) return "sale";
  const scope = el.closest("[itemscope]") ?? el;
  return markupRole(el, scope, raw.length) ?? "current";
}

/** The price a single `itemprop="price"` element declares, or null. */
export function microdataPrice(el: Element): PriceReading | null {
  const raw = itempropValue(el);
  if (!raw) return null;
  const declared = microdataCurrency(el);
  let amount = declared === null ? null : schemaAmount(raw, declared);
  let currency = declared;
  if (amount === null) {
    // No usable priceCurrency: the text may carry its own symbol ("$1,299.99").
    const parsed = parsePriceText(
      raw,
      el.ownerDocument.documentElement?.getAttribute("lang") ?? undefined,
    );
    amount = parsed?.amount ?? null;
    currency = parsed?.currency ?? null;
  }
  if (amount === null || currency === null) return null;
  return {
    amount,
    currency,
    source: "microdata",
    raw: capText(raw, 200),
    selector: stableSelectorFor(el),
    role: microdataRole(el, raw),
  };
}

/** Every `itemprop="price"` price in the document, in document order. */
export function microdataPrices(doc: Document): PriceReading[] {
  return Array.from(doc.querySelectorAll('[itemprop="price"]'))
    .map(microdataPrice)
    .filter((p): p is PriceReading => p !== null);
}
