// Reading prices as people write them: "1.290.000₫", "₫1.290.000",
// "1,290,000 VND", "$1,299.99", "1.299,99 €". The hard part is the separator:
// VND and JPY have no minor unit, so every dot or comma groups thousands; for
// other currencies the last separator is the decimal point unless exactly
// three digits follow it.

/** A price read from text, before we know where on the page it came from. */
export interface ParsedPrice {
  amount: number;
  /** ISO 4217 code. */
  currency: string;
  /** The matched text, e.g. "1.290.000₫". */
  raw: string;
}

/** Currencies without a minor unit in everyday prices. */
const ZERO_DECIMAL = new Set(["VND", "JPY", "KRW"]);

/** True for currencies written without decimals (VND, JPY, KRW). */
export const isZeroDecimal = (currency: string) => ZERO_DECIMAL.has(currency);

/** Currency symbols and words, longest first so "US$" beats "$" and "đồng" beats "đ". */
const TOKENS: readonly (readonly [string, string])[] = [
  ["đồng", "VND"],
  ["vnđ", "VND"],
  ["vnd", "VND"],
  ["₫", "VND"],
  ["đ", "VND"],
  ["us$", "USD"],
  ["usd", "USD"],
  ["$", "USD"],
  ["eur", "EUR"],
  ["€", "EUR"],
  ["gbp", "GBP"],
  ["£", "GBP"],
  ["jpy", "JPY"],
  ["円", "JPY"],
  ["¥", "JPY"],
  ["krw", "KRW"],
  ["₩", "KRW"],
  ["sgd", "SGD"],
  ["s$", "SGD"],
  ["thb", "THB"],
  ["฿", "THB"],
];
const CODE_BY_TOKEN = new Map(TOKENS);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const CURRENCY = TOKENS.map(([t]) => escapeRegExp(t)).join("|");
// Grouped (same separator throughout: dot, comma or a thin/no-break space) or plain digits.
const number = (g: string) =>
  `(?:\\d{1,3}(?<${g}>[.,\\u00a0\\u202f\\u2009])\\d{3}(?:\\k<${g}>\\d{3})*|\\d+)(?:[.,]\\d{1,2})?`;
const PRICE = new RegExp(
  `(?<![\\p{L}\\d.,])(?:(?<c1>${CURRENCY})\\s{0,2}(?<n1>${number("s1")})|(?<n2>${number("s2")})\\s{0,2}(?<c2>${CURRENCY}))(?![\\p{L}\\d])`,
  "giu",
);

/**
 * The ISO 4217 code for a currency symbol, word or code ("₫", "VNĐ", "usd"),
 * or null when unknown. Any three-letter code is accepted as-is (uppercased).
 */
export function currencyCode(token: string): string | null {
  const t = token.trim().toLowerCase();
  return CODE_BY_TOKEN.get(t) ?? (/^[a-z]{3}$/.test(t) ? t.toUpperCase() : null);
}

/**
 * The number in `digits` (no currency), read with `currency`'s conventions:
 * "1.290.000" VND → 1290000, "1.299,99" EUR → 1299.99, "1,299" USD → 1299.
 * Null when it is not a plain number.
 */
export function parseAmount(digits: string, currency: string): number | null {
  const s = digits.replace(/[\s\u00a0\u202f\u2009]/g, "");
  if (!/^\d[\d.,]*$/.test(s)) return null;
  let normalised: string;
  if (ZERO_DECIMAL.has(currency)) {
    normalised = s.replace(/[.,]/g, "");
  } else {
    const last = Math.max(s.lastIndexOf("."), s.lastIndexOf(","));
    const sep = s.charAt(last);
    const isDecimal =
      last >= 0 &&
      (s.includes(sep === "." ? "," : ".") || // both kinds: the last one is decimal
        (s.indexOf(sep) === last && s.length - last - 1 !== 3)); // one separator, not 3 digits after
    normalised = isDecimal
      ? `${s.slice(0, last).replace(/[.,]/g, "")}.${s.slice(last + 1)}`
      : s.replace(/[.,]/g, "");
  }
  const amount = Number(normalised);
  return Number.isFinite(amount) && normalised.length <= 16 ? amount : null;
}

/** Every price written in `text`, in order, at most `limit`. */
export function scanPriceText(text: string, limit = 20): ParsedPrice[] {
  const found: ParsedPrice[] = [];
  for (const m of text.matchAll(PRICE)) {
    const g = m.groups ?? {};
    const currency = currencyCode(g.c1 ?? g.c2 ?? "");
    const amount = currency === null ? null : parseAmount(g.n1 ?? g.n2 ?? "", currency);
    if (currency === null || amount === null) continue;
    found.push({ amount, currency, raw: m[0] });
    if (found.length >= limit) break;
  }
  return found;
}

/** The first price written in `s`, or null. */
export function parsePriceText(s: string): ParsedPrice | null {
  return scanPriceText(s, 1)[0] ?? null;
}
