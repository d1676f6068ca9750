// Prices from schema.org JSON-LD: the most reliable source, because shops
// publish it for search engines and it holds a machine-readable amount and
// an ISO currency. Offers hide in many places (Product.offers, arrays,
// @graph, AggregateOffer), so we walk every object, within bounds.
import type { Price } from "@sightline/shared";
import { capText } from "./cap-text.ts";
import { currencyCode, isZeroDecimal, parseAmount } from "./price-text.ts";

const MAX_SCRIPT_CHARS = 500_000;
const MAX_DEPTH = 12;
const MAX_OBJECTS = 5_000;

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null;

function types(o: Record<string, Json>): string[] {
  const t = o["@type"];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === "string");
}

/**
 * A schema.org price value: a number, or a string that is normally "1290000"
 * or "1299.99" but in the wild also "1.290.000" or "1,299.99".
 */
export function schemaAmount(value: Json, currency: string): number | null {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? value : null;
  if (typeof value !== "string") return null;
  const s = value.trim();
  // Schema.org format (dot decimal, no grouping), except "1.290" meaning 1290 in VND/JPY.
  const grouped = isZeroDecimal(currency) && /^\d{1,3}\.\d{3}$/.test(s);
  if (/^\d+(\.\d+)?$/.test(s) && !grouped) return Number(s);
  return parseAmount(s, currency);
}

function offerPrices(offer: Record<string, Json>, out: Price[]): void {
  const spec = isObject(offer.priceSpecification) ? offer.priceSpecification : undefined;
  const rawCurrency = offer.priceCurrency ?? spec?.priceCurrency;
  const currency = typeof rawCurrency === "string" ? currencyCode(rawCurrency) : null;
  if (!currency) return;
  const price = offer.price ?? spec?.price;
  // An AggregateOffer may give only a range.
  const values = price !== undefined ? [price] : [offer.lowPrice, offer.highPrice];
  for (const value of values) {
    const amount = schemaAmount(value, currency);
    if (amount === null) continue;
    out.push({ amount, currency, source: "json-ld", raw: capText(String(value), 200) });
  }
}

/** Every Offer / AggregateOffer price in the document's JSON-LD, in document order. */
export function jsonLdPrices(doc: Document): Price[] {
  const out: Price[] = [];
  let visited = 0;
  const walk = (v: Json, depth: number): void => {
    if (depth > MAX_DEPTH || visited++ > MAX_OBJECTS) return;
    if (Array.isArray(v)) {
      for (const item of v) walk(item, depth + 1);
      return;
    }
    if (!isObject(v)) return;
    if (types(v).some((t) => t === "Offer" || t === "AggregateOffer")) offerPrices(v, out);
    for (const [key, child] of Object.entries(v)) {
      if (key !== "priceSpecification") walk(child, depth + 1);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const source = script.textContent ?? "";
    if (source.length > MAX_SCRIPT_CHARS) continue;
    try {
      walk(JSON.parse(source), 0);
    } catch {
      // Broken JSON-LD is common; the other sources still apply.
    }
  }
  return out;
}
