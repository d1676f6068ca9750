// Revisiting a captured page: what changed since the captures were made?
// Per page, not per capture: one baseline built from every capture of the page
// (the newest price list, the newest text of each captured element, each
// distinct quote once), compared with the page as it is now, one row per real
// change. Prices are paired by place (source + stable selector), role and
// fingerprint (the wording around them) before value, all at once for the best
// overall match (price-pairing.ts), so one changed price among several in one
// element is that price's change, and a removed line is a removed price, not
// its neighbour's. A price that moved is the same price; an element or quote
// whose only difference is its prices is a price change, never also a content row.
import type { Selector } from "@sightline/shared";
import { anchorMatch } from "./anchor.ts";
import { elementText } from "./element-box.ts";
import { pairPrices, place, rolesAgree, sameValue } from "./price-pairing.ts";
import { type PriceReading, type PriceRole, stableSelectorFor } from "./price-reading.ts";
import { scanPriceText } from "./price-text.ts";
import { MAX_PRICES, readPrices } from "./prices.ts";
import { selectorOfType } from "./selector-types.ts";

export { pairPrices };

/** One earlier capture of the page (yours or a teammate's), as stored. */
export interface PageCapture {
  id: string;
  capturedAt: string;
  selectors?: readonly Selector[] | undefined;
  /** Defaults to the TextQuoteSelector's `exact`. */
  quote?: string | undefined;
  /** CSS selector of a captured element, compared with `text`. */
  elementSelector?: string | undefined;
  /** The element's text at capture time (as `elementText` gave it). */
  text?: string | undefined;
  /** The page's prices at capture time (with or without role and key). */
  prices?: readonly PriceReading[] | undefined;
}

export interface BaselinePrice {
  price: PriceReading;
  /** The capture it comes from. */
  observationId: string;
}

/** What the page was, according to every capture of it. */
export interface Baseline {
  /** The newest capture's price list (older captures fill in when it was cut at the cap). */
  prices: BaselinePrice[];
  /** True when the price list hit the cap: prices beyond it were never seen. */
  pricesTruncated: boolean;
  /** One entry per captured element selector: its newest text. */
  elements: { selector: string; text: string; observationIds: string[] }[];
  /** One entry per distinct quote: the newest capture's selectors. */
  quotes: { quote: string; selectors: readonly Selector[]; observationIds: string[] }[];
}

/** A price on either side of a change. */
export interface PriceValue {
  amount: number;
  currency: string;
  raw: string;
}

export type ChangeRow =
  | {
      kind: "price";
      /** Stable for this place on this page, so a recorded change can be found again. */
      key: string;
      change: "changed" | "added" | "removed";
      role?: PriceRole | undefined;
      source: PriceReading["source"];
      selector?: string | undefined;
      before: PriceValue | null;
      after: PriceValue | null;
      observationIds: string[];
    }
  | {
      kind: "element" | "quote";
      key: string;
      change: "changed";
      selector?: string | undefined;
      before: string;
      after: string;
      observationIds: string[];
    };

export interface PageReview {
  /** One row per real change: prices first (page order), then elements, then quotes. */
  rows: ChangeRow[];
  /** Captures whose quote and element are on the page. */
  found: string[];
  notFound: string[];
  /** Where each found quote is now, for highlighting. */
  ranges: Range[];
}

const time = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
};
/** Text compared as people read it: NFC, whitespace (NBSP too) collapsed. */
const normal = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();

/** Combine every capture of a page into one baseline. */
export function buildBaseline(captures: readonly PageCapture[]): Baseline {
  const newest = [...captures].sort((a, b) => time(b.capturedAt) - time(a.capturedAt));
  const withPrices = newest.filter((c) => (c.prices?.length ?? 0) > 0);
  const first = withPrices[0];
  const prices: BaselinePrice[] = (first?.prices ?? []).map((price) => ({
    price,
    observationId: first?.id as string,
  }));
  const pricesTruncated = prices.length >= MAX_PRICES;
  if (pricesTruncated) {
    // Prices the newest list had no room for may be in an older one.
    const known = new Set(prices.map((p) => priceKey(p.price)));
    for (const c of withPrices.slice(1))
      for (const price of c.prices ?? [])
        if (!known.has(priceKey(price))) {
          known.add(priceKey(price));
          prices.push({ price, observationId: c.id });
        }
  }
  const elements = new Map<string, Baseline["elements"][number]>();
  const quotes = new Map<string, Baseline["quotes"][number]>();
  for (const c of newest) {
    if (c.elementSelector !== undefined && c.text !== undefined) {
      const e = elements.get(c.elementSelector);
      if (e) e.observationIds.push(c.id);
      else
        elements.set(c.elementSelector, {
          selector: c.elementSelector,
          text: c.text,
          observationIds: [c.id],
        });
    }
    const selectors = c.selectors ?? [];
    const quote = c.quote ?? selectorOfType(selectors, "TextQuoteSelector")?.exact;
    if (quote) {
      const q = quotes.get(normal(quote));
      if (q) q.observationIds.push(c.id);
      else quotes.set(normal(quote), { quote, selectors, observationIds: [c.id] });
    }
  }
  return {
    prices,
    pricesTruncated,
    elements: [...elements.values()],
    quotes: [...quotes.values()],
  };
}

// ------------------------------------------------------------------ prices

/** A short stable hash (two FNV-1a variants), for row keys. */
function hash(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 2246822507);
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36);
}

const priceKey = (p: PriceReading) =>
  `${place(p)}\u0000${p.role ?? ""}\u0000${p.fingerprint ?? ""}\u0000${p.position ?? ""}`;
const value = (p: PriceReading): PriceValue => ({
  amount: p.amount,
  currency: p.currency,
  raw: p.raw,
});

function query(doc: Document, selector: string): Element | null {
  try {
    return doc.querySelector(selector);
  } catch {
    return null; // a selector this browser can't parse is as good as gone
  }
}

function priceRows(baseline: Baseline, now: readonly PriceReading[], doc: Document): ChangeRow[] {
  const before = baseline.prices.map((b) => b.price);
  const { pairs, unpairedAfter } = pairPrices(before, now);
  const rows: ChangeRow[] = [];
  const row = (
    change: "changed" | "added" | "removed",
    keyed: PriceReading,
    b: PriceReading | null,
    c: PriceReading | null,
    ids: string[],
  ): ChangeRow => ({
    kind: "price",
    key: `price:${hash(priceKey(keyed))}`,
    change,
    role: c?.role ?? b?.role,
    source: keyed.source,
    selector: keyed.selector,
    before: b && value(b),
    after: c && value(c),
    observationIds: ids,
  });
  // Still shown somewhere with the same role: not gone, not new.
  const shownIn = (list: readonly PriceReading[], p: PriceReading) =>
    list.some((q) => sameValue(q, p) && rolesAgree(q, p));
  before.forEach((b, i) => {
    const j = pairs.get(i);
    const id = baseline.prices[i]?.observationId as string;
    if (j !== undefined) {
      const c = now[j] as PriceReading;
      if (!sameValue(b, c)) rows.push(row("changed", b, b, c, [id]));
      return;
    }
    if (shownIn(now, b)) return;
    // A price whose place is gone and that carries no role may be an older
    // capture's way of naming places: say nothing rather than something wrong.
    const placeExists =
      b.selector !== undefined
        ? query(doc, b.selector) !== null
        : now.some((c) => c.source === b.source);
    if (placeExists || b.role !== undefined) rows.push(row("removed", b, b, null, [id]));
  });
  const places = new Set(before.map(place));
  const keyed = before.some((b) => b.role !== undefined);
  // When the baseline was cut at the cap, prices after the last one it knew were never seen.
  const horizon = baseline.pricesTruncated ? Math.max(-1, ...pairs.values()) : now.length;
  for (const j of unpairedAfter) {
    const c = now[j] as PriceReading;
    if (j > horizon || shownIn(before, c)) continue;
    if (keyed || places.has(place(c)))
      rows.push(row("added", c, null, c, [baseline.prices[0]?.observationId as string]));
  }
  return rows;
}

// ------------------------------------------------------- elements, quotes

/** `text` with its prices and percentages masked, so only wording is compared. */
function wording(text: string, lang: string | undefined): string {
  let out = "";
  let at = 0;
  for (const p of scanPriceText(text, { limit: 200, lang })) {
    out += `${text.slice(at, p.index)}{price}`;
    at = p.end;
  }
  return normal(`${out}${text.slice(at)}`.replace(/\d+(?:[.,]\d+)?\s?%/g, "{%}"));
}

/**
 * Compare an earlier text with the current one: nothing when equal as read;
 * price rows when only prices differ; else one content row.
 */
function textRows(
  kind: "element" | "quote",
  key: string,
  was: string,
  now: string,
  ids: string[],
  lang: string | undefined,
  selector?: string,
): ChangeRow[] {
  if (normal(was) === normal(now)) return [];
  if (wording(was, lang) !== wording(now, lang)) {
    return [
      { kind, key, change: "changed", selector, before: was, after: now, observationIds: ids },
    ];
  }
  const reading = (text: string): PriceReading[] =>
    scanPriceText(text, { limit: 200, lang }).map((p) => ({
      amount: p.amount,
      currency: p.currency,
      source: "text",
      raw: p.raw,
      selector: key,
      role: p.role,
      fingerprint: p.fingerprint,
    }));
  const before = reading(was);
  const after = reading(now);
  const { pairs } = pairPrices(before, after);
  const rows: ChangeRow[] = [];
  for (const [i, j] of pairs) {
    const b = before[i] as PriceReading;
    const c = after[j] as PriceReading;
    if (sameValue(b, c)) continue;
    rows.push({
      kind: "price",
      key: `price:${hash(`${key}\u0000${i}`)}`,
      change: "changed",
      role: c.role,
      source: "text",
      selector,
      before: value(b),
      after: value(c),
      observationIds: ids,
    });
  }
  return rows;
}

/** Merge price rows that state the same move (the JSON-LD and the visible price, say). */
function mergeRows(rows: ChangeRow[]): ChangeRow[] {
  const out: ChangeRow[] = [];
  const byMove = new Map<string, ChangeRow>();
  for (const r of rows) {
    if (r.kind !== "price") {
      out.push(r);
      continue;
    }
    const v = (p: PriceValue | null) => (p ? `${p.amount} ${p.currency}` : "-");
    const move = `${r.change}|${v(r.before)}|${v(r.after)}|${r.change === "changed" ? "" : (r.role ?? "")}`;
    const seen = byMove.get(move);
    if (seen) {
      for (const id of r.observationIds)
        if (!seen.observationIds.includes(id)) seen.observationIds.push(id);
      if (seen.kind === "price" && seen.role === undefined) seen.role = r.role;
      continue;
    }
    byMove.set(move, r);
    out.push(r);
  }
  const rank = (r: ChangeRow) => (r.kind === "price" ? 0 : r.kind === "element" ? 1 : 2);
  return out.sort((a, b) => rank(a) - rank(b));
}

/** Current prices read for comparison: room for prices pushed down by new ones. */
const CURRENT_PRICES = MAX_PRICES * 2;

/**
 * Prices stored without a role (older captures, or the wire form) may name
 * their place the old way (a parent's selector, `li:nth-of-type(2)`): name it
 * again the current way, from the element that selector finds now.
 */
function rekey(baseline: Baseline, doc: Document): Baseline {
  const cache = new Map<Element, string>();
  const prices = baseline.prices.map((b) => {
    if (
      b.price.role !== undefined ||
      b.price.selector === undefined ||
      b.price.source === "json-ld"
    )
      return b;
    const el = query(doc, b.price.selector);
    return el ? { ...b, price: { ...b.price, selector: stableSelectorFor(el, cache) } } : b;
  });
  return { ...baseline, prices };
}

/**
 * Compare the baseline with `doc` as it is now: one row per real change, the
 * captures found and not found, and where each found quote is (for highlights).
 * An unchanged page gives no rows.
 */
export function detectPageChanges(
  baseline: Baseline,
  doc: Document,
  current: readonly PriceReading[] = readPrices(doc, CURRENT_PRICES),
): PageReview {
  const lang = doc.documentElement?.getAttribute("lang") ?? undefined;
  const rows: ChangeRow[] = priceRows(rekey(baseline, doc), current, doc);
  const missing = new Set<string>();
  const anchored = new Set<string>();
  const ranges: Range[] = [];
  for (const e of baseline.elements) {
    const el = query(doc, e.selector);
    if (!el) {
      for (const id of e.observationIds) missing.add(id);
      continue;
    }
    for (const id of e.observationIds) anchored.add(id);
    rows.push(
      ...textRows(
        "element",
        `element:${hash(e.selector)}`,
        e.text,
        elementText(el),
        e.observationIds,
        lang,
        e.selector,
      ),
    );
  }
  for (const q of baseline.quotes) {
    const match = doc.body ? anchorMatch(doc.body, q.selectors, { quote: q.quote }) : null;
    if (!match) {
      for (const id of q.observationIds) missing.add(id);
      continue;
    }
    ranges.push(match.range);
    for (const id of q.observationIds) anchored.add(id);
    rows.push(
      ...textRows(
        "quote",
        `quote:${hash(normal(q.quote))}`,
        q.quote,
        match.text,
        q.observationIds,
        lang,
      ),
    );
  }
  return {
    rows: mergeRows(rows),
    found: [...anchored].filter((id) => !missing.has(id)),
    notFound: [...missing],
    ranges,
  };
}
