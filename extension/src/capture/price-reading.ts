// A price as the extension reads it: the wire `Price` plus what makes it
// comparable on a later visit — its role and a stable key (the selector of
// its own smallest element that has a stable selector, its position among the
// prices of the same role there, and a fingerprint of its line's wording:
// the words before and after it, "giảm thêm … cho học sinh").
// The wire schema carries role and key too (optional, so older captures stay
// valid); detection accepts prices with or without them.
import type { Price } from "@sightline/shared";
import { cssSelectorFor } from "./css-selector.ts";
import type { PriceRole } from "./price-text.ts";

export type { PriceRole };

export type PriceReading = Price & {
  role?: PriceRole | undefined;
  /** Index among the prices of the same source, selector and role, in document order. */
  position?: number | undefined;
  /**
   * The words around the price ("giá gốc … mua kèm", see price-text.ts
   * `fingerprintOf`), or a structured hint ("low"). Stored before words after
   * were kept: the words before only ("giá gốc").
   */
  fingerprint?: string | undefined;
};

/** The wire form (shared PriceSchema): amount, currency, source, raw, selector, role and key. */
export function toWirePrice(p: PriceReading): Price {
  const wire: Price = { amount: p.amount, currency: p.currency, source: p.source, raw: p.raw };
  if (p.selector !== undefined) wire.selector = p.selector;
  if (p.role !== undefined) wire.role = p.role;
  if (p.position !== undefined && Number.isInteger(p.position) && p.position >= 0)
    wire.position = Math.min(p.position, 1000);
  if (p.fingerprint) wire.fingerprint = p.fingerprint.slice(0, 200);
  return wire;
}

const nameable = (el: Element) =>
  el.id !== "" ||
  el.classList.length > 0 ||
  el.getAttributeNames().some((n) => n.startsWith("data-") || /^(itemprop|name|property)$/.test(n));

/**
 * The selector of `el` or of its nearest ancestor that has one without a
 * position in it (`li:nth-of-type(2)` shifts when a line is removed): an id,
 * a data-* / itemprop attribute, or a class path. "body" when none.
 */
export function stableSelectorFor(el: Element, cache?: Map<Element, string>): string {
  const seen: Element[] = [];
  let found = "body";
  for (let a: Element | null = el; a && a.localName !== "body"; a = a.parentElement) {
    const known = cache?.get(a);
    if (known !== undefined) {
      found = known;
      break;
    }
    seen.push(a);
    // An element with no id, class or naming attribute can only be named by position.
    if (!nameable(a)) continue;
    const s = cssSelectorFor(a);
    if (s && !s.includes(":nth-")) {
      found = s;
      break;
    }
  }
  for (const a of seen) cache?.set(a, found);
  return found;
}

const STRUCK_TAGS = new Set(["S", "DEL", "STRIKE"]);

/** True when `el` itself draws its text struck through (<s>, <del>, <strike>, line-through). */
export function isStruck(el: Element): boolean {
  if (STRUCK_TAGS.has(el.tagName.toUpperCase())) return true;
  if (/line-through/i.test(el.getAttribute("style") ?? "")) return true;
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(el);
  return /line-through/.test(`${style.textDecorationLine} ${style.textDecoration}`);
}

const CLASS_ROLES: [RegExp, PriceRole][] = [
  [
    /(?:old|was|regular|compare(?:-at)?|original|list|strike|striked|crossed|before|market|goc|niem-?yet)[-_]*price|price[-_]*(?:old|was|regular|compare|original|list|through|strike|before|market|goc|cu)(?![a-z])/,
    "was",
  ],
  [
    /(?:sale|special|promo|discount(?:ed)?|final|deal|flash)[-_]*price|price[-_]*(?:sale|special|promo|discount|final|deal)/,
    "sale",
  ],
  [/install?ment|instalment|tra-?gop/, "instalment"],
];

/** The role a class or id names ("old-price", "special-price", "installment"), or null. */
export function classRole(el: Element): PriceRole | null {
  const names = `${el.getAttribute("class") ?? ""} ${el.id}`.toLowerCase();
  for (const [re, role] of CLASS_ROLES) if (re.test(names)) return role;
  return null;
}

/**
 * The role the markup gives a price whose digits sit in `from`: struck
 * through on the way up to `limit` (inclusive) → was; else a telling class on
 * an element that holds little more than this price.
 */
export function markupRole(from: Element, limit: Element, rawLength: number): PriceRole | null {
  let byClass: PriceRole | null = null;
  for (let el: Element | null = from; el; el = el.parentElement) {
    if (isStruck(el)) return "was";
    if (!byClass && (el.textContent ?? "").trim().length <= 2 * rawLength + 20)
      byClass = classRole(el);
    if (el === limit) break;
  }
  return byClass;
}

/** Assign `position`: the index among earlier readings with the same source, selector and role. */
export function numberPositions(readings: PriceReading[]): PriceReading[] {
  const counts = new Map<string, number>();
  for (const r of readings) {
    const k = `${r.source}\u0000${r.selector ?? ""}\u0000${r.role ?? ""}`;
    const n = counts.get(k) ?? 0;
    counts.set(k, n + 1);
    if (r.position === undefined) r.position = n;
  }
  return readings;
}
