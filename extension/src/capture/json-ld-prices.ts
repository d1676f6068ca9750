// Prices from schema.org JSON-LD: the most reliable source, because shops
// publish it for search engines and it holds a machine-readable amount and
// an ISO currency. Offers hide in many places (Product.offers, arrays,
// @graph, AggregateOffer), so we walk every object, within bounds — but not
// into related products (isRelatedTo, isSimilarTo, …), whose offers are other
// items' prices. An offer's priceSpecification carries the list price
// (priceType ListPrice / StrikethroughPrice → was), a sale price, or a
// monthly price (billingDuration / unitCode MON → instalment).
import { capText } from "./cap-text.ts";
import type { PriceReading, PriceRole } from "./price-reading.ts";
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

/** Properties whose objects describe other products, not this page's offer. */
const OTHER_PRODUCTS = new Set([
  "isRelatedTo",
  "isSimilarTo",
  "isAccessoryOrSparePartFor",
  "isConsumableFor",
  "isVariantOf",
  "review",
  "subjectOf",
  "mentions",
]);

const asList = (v: Json): Json[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** The role a PriceSpecification declares, or null when it declares none. */
function specRole(spec: Record<string, Json>): PriceRole | null {
  const type = String(spec.priceType ?? "").toLowerCase();
  if (/listprice|strikethroughprice|msrp|srp|minimumadvertisedprice/.test(type)) return "was";
  if (/saleprice/.test(type)) return "sale";
  if (/install?ment|instalment/.test(type)) return "instalment";
  const unit = `${String(spec.unitCode ?? "")} ${String(spec.billingDuration ?? "")}`;
  const ref = isObject(spec.referenceQuantity) ? String(spec.referenceQuantity.unitCode ?? "") : "";
  if (/\bMON\b|P1M/i.test(unit) || /\bMON\b/i.test(ref)) return "instalment";
  return null;
}

/** Append the offer's prices to `out` (at `position`, the offer's index); false when it has none. */
function offerPrices(offer: Record<string, Json>, position: number, out: PriceReading[]): boolean {
  const specs = asList(offer.priceSpecification).filter(isObject);
  const rawCurrency = offer.priceCurrency ?? specs.find((s) => s.priceCurrency)?.priceCurrency;
  const offerCurrency = typeof rawCurrency === "string" ? currencyCode(rawCurrency) : null;
  const found: PriceReading[] = [];
  const add = (value: Json, currency: string | null, role: PriceRole, fingerprint = "") => {
    if (!currency) return;
    const amount = schemaAmount(value, currency);
    if (amount === null) return;
    if (found.some((p) => p.amount === amount && p.currency === currency && p.role === role))
      return;
    found.push({
      amount,
      currency,
      source: "json-ld",
      raw: capText(String(value), 200),
      role,
      position,
      fingerprint,
    });
  };
  const specCurrency = (spec: Record<string, Json>) =>
    typeof spec.priceCurrency === "string" ? currencyCode(spec.priceCurrency) : offerCurrency;
  if (offer.price !== undefined) add(offer.price, offerCurrency, "current");
  else if (offer.lowPrice !== undefined || offer.highPrice !== undefined) {
    // An AggregateOffer may give only a range.
    add(offer.lowPrice, offerCurrency, "current", "low");
    add(offer.highPrice, offerCurrency, "current", "high");
  }
  for (const spec of specs) {
    const role = specRole(spec);
    // A plain specification only stands in for a missing offer price.
    if (role === null && offer.price !== undefined) continue;
    add(spec.price, specCurrency(spec), role ?? "current");
  }
  out.push(...found);
  return found.length > 0;
}

/** Every Offer / AggregateOffer price in the document's JSON-LD, in document order, with roles. */
export function jsonLdPrices(doc: Document): PriceReading[] {
  const out: PriceReading[] = [];
  let visited = 0;
  let offers = 0;
  const walk = (v: Json, depth: number): void => {
    if (depth > MAX_DEPTH || visited++ > MAX_OBJECTS) return;
    if (Array.isArray(v)) {
      for (const item of v) walk(item, depth + 1);
      return;
    }
    if (!isObject(v)) return;
    if (
      types(v).some((t) => t === "Offer" || t === "AggregateOffer") &&
      offerPrices(v, offers, out)
    )
      offers++;
    for (const [key, child] of Object.entries(v)) {
      if (key !== "priceSpecification" && !OTHER_PRODUCTS.has(key)) walk(child, depth + 1);
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
