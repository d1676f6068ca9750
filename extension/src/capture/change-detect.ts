// Revisiting a captured page: is the quote still there, did the element's
// text change, did the prices move? Watchers' users complain that a single
// selector breaks, so each check falls back: the quote through all anchoring
// strategies, a price by its selector first and by its source second.
import type { Price } from "@sightline/shared";
import { anchorMatch } from "./anchor.ts";
import { elementText } from "./element-box.ts";
import { scanPriceText } from "./price-text.ts";
import { extractPrices } from "./prices.ts";
import { type Selector, selectorOfType } from "./selector-types.ts";
import { isRendered } from "./visibility.ts";

/** What an earlier capture recorded (a subset of an observation's evidence). */
export interface EarlierCapture {
  selectors: readonly Selector[];
  /** Defaults to the TextQuoteSelector's `exact`. */
  quote?: string | undefined;
  /** CSS selector of a captured element, compared with `text`. */
  elementSelector?: string | undefined;
  /** The element's text at capture time (as `elementText` gave it). */
  text?: string | undefined;
  prices?: readonly Price[] | undefined;
}

export type ChangeStatus = "same" | "changed" | "not-found";

export interface Change<T> {
  status: ChangeStatus;
  old: T;
  /** The current value; null when not found. */
  new: T | null;
}

export interface ChangeReport {
  /** Present when the capture had a quote. */
  quote?: Change<string>;
  /** Present when the capture had both an element selector and its text. */
  element?: Change<string>;
  /** One entry per earlier price, in the same order. */
  prices: Change<Price>[];
}

const sameText = (a: string, b: string) => a.normalize("NFC") === b.normalize("NFC");
const samePrice = (a: Price, b: Price) => a.amount === b.amount && a.currency === b.currency;

function query(doc: Document, selector: string): Element | null {
  try {
    return doc.querySelector(selector);
  } catch {
    return null; // a selector this browser can't parse is as good as gone
  }
}

function compareText(old: string, now: string | null): Change<string> {
  if (now === null) return { status: "not-found", old, new: null };
  return { status: sameText(old, now) ? "same" : "changed", old, new: now };
}

/**
 * The candidate that is `old` unchanged, else (unless `exactOnly`) the first
 * in its currency, else the first. Null when there is none.
 */
function comparePrice(
  old: Price,
  candidates: readonly Price[],
  exactOnly = false,
): Change<Price> | null {
  const unchanged = candidates.find((c) => samePrice(c, old));
  const similar = exactOnly
    ? undefined
    : (candidates.find((c) => c.currency === old.currency) ?? candidates[0]);
  const now = unchanged ?? similar;
  if (!now) return null;
  return { status: samePrice(old, now) ? "same" : "changed", old, new: now };
}

/** Prices at the spot `old.selector` names now, read the way `old` was read. */
function pricesAtSelector(doc: Document, old: Price, current: () => Price[]): Price[] {
  if (!old.selector) return [];
  if (old.source !== "text")
    return current().filter((c) => c.source === old.source && c.selector === old.selector);
  const el = query(doc, old.selector);
  if (!el || !isRendered(el)) return []; // a price no longer shown is not the price

  return scanPriceText(elementText(el)).map((p) => ({
    ...p,
    source: "text",
    selector: old.selector,
  }));
}

/**
 * Compare an earlier capture with `doc` as it is now. The quote is re-anchored
 * (a fuzzy match reports "changed" with the new wording); the element is
 * re-found by selector; each price is re-read at its selector, else matched
 * among the current prices of the same source (for text prices, only an
 * unchanged amount counts as found there).
 */
export function detectChanges(earlier: EarlierCapture, doc: Document): ChangeReport {
  const report: ChangeReport = { prices: [] };
  const quote = earlier.quote ?? selectorOfType(earlier.selectors, "TextQuoteSelector")?.exact;
  if (quote) {
    report.quote = compareText(
      quote,
      anchorMatch(doc.body, earlier.selectors, { quote })?.text ?? null,
    );
  }
  if (earlier.elementSelector !== undefined && earlier.text !== undefined) {
    const el = query(doc, earlier.elementSelector);
    report.element = compareText(earlier.text, el && elementText(el));
  }
  let cached: Price[] | undefined;
  const current = () => {
    cached ??= extractPrices(doc);
    return cached;
  };
  for (const old of earlier.prices ?? []) {
    const sameSource = () => current().filter((c) => c.source === old.source);
    report.prices.push(
      comparePrice(old, pricesAtSelector(doc, old, current)) ??
        // A page shows many text prices: away from its spot, only the same amount is "the" price.
        comparePrice(old, sameSource(), old.source === "text") ?? {
          status: "not-found",
          old,
          new: null,
        },
    );
  }
  return report;
}
