// The compare step of a watched page: a page fetched in the background and
// parsed with DOMParser (an offscreen document in Chromium, the event page in
// Firefox), compared with what the watch last knew. Pure over a Document, so
// it runs the same in both browsers and in tests (happy-dom).
//
// A parsed page has no layout: text hidden only by CSS counts as shown. The
// price is the one the capture saw, found again the way a revisit finds it
// (capture/change-detect.ts pairPrices: place, role and fingerprint before
// value); an element is found by its selector and compared as text, where a
// difference only in its prices is a price change.
import type { Price, RecordedChange } from "@sightline/shared";
import { capText } from "./cap-text.ts";
import { buildBaseline, detectPageChanges, pairPrices } from "./change-detect.ts";
import { elementText } from "./element-box.ts";
import { extractPageFacts } from "./page-facts.ts";
import { readPrices } from "./prices.ts";
import {
  formatAmount,
  type WatchChange,
  type WatchOutcome,
  type WatchTarget,
} from "./watch-target.ts";

export type { WatchChange, WatchOutcome, WatchTarget };

/** Current prices read: room for prices pushed down by new ones (as a revisit reads them). */
const READ_PRICES = 40;

const normal = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();

type Amount = { amount: number; currency: string; role?: Price["role"] };
/** A price change as data, what the recorded observation stores. */
function priceChange(before: Amount, after: Amount, role = after.role ?? before.role) {
  const c: RecordedChange = {
    kind: "price",
    before: { amount: before.amount, currency: before.currency },
    after: { amount: after.amount, currency: after.currency },
  };
  if (role !== undefined) c.role = role;
  return c;
}

function query(doc: Document, selector: string): Element | null {
  try {
    return doc.querySelector(selector);
  } catch {
    return null;
  }
}

/** Compare `doc` (the page at `url`, fetched now) with what the watch last knew. */
export function compareWatched(target: WatchTarget, doc: Document, url: string): WatchOutcome {
  const locale = doc.documentElement?.getAttribute("lang") || undefined;
  if (target.kind === "price") {
    // Only prices at the watched one's place: a review quoting the old price elsewhere
    // is neither the watched price unchanged nor the watched price moved.
    const t = target.price;
    const here = readPrices(doc, READ_PRICES).filter(
      (c) => c.source === t.source && (c.selector ?? "") === (t.selector ?? ""),
    );
    const j = pairPrices([t], here).pairs.get(0);
    const now = j === undefined ? undefined : here[j];
    if (!now) return { state: "gone" };
    const next: WatchTarget = { kind: "price", price: now };
    if (now.amount === target.price.amount && now.currency === target.price.currency)
      return { state: "same", target: next };
    return {
      state: "changed",
      change: {
        kind: "price",
        before: formatAmount(target.price, locale),
        after: formatAmount(now, locale),
        recorded: priceChange(target.price, now),
      },
      target: next,
      facts: extractPageFacts(doc, { href: url }),
    };
  }
  const el = query(doc, target.selector);
  if (!el) return { state: "gone" };
  const text = elementText(el);
  const next: WatchTarget = { kind: "element", selector: target.selector, text };
  if (normal(text) === normal(target.text)) return { state: "same", target: next };
  // The revisit's own comparison says whether only prices differ (then a price row).
  const baseline = buildBaseline([
    { id: "watch", capturedAt: "", elementSelector: target.selector, text: target.text },
  ]);
  const [row] = detectPageChanges(baseline, doc, []).rows;
  const change: WatchChange =
    row?.kind === "price" && row.before && row.after
      ? {
          kind: "price",
          before: formatAmount(row.before, locale),
          after: formatAmount(row.after, locale),
          recorded: priceChange(row.before, row.after, row.role),
        }
      : {
          kind: "element",
          before: target.text,
          after: text,
          recorded: {
            kind: "text",
            before: { text: capText(target.text, 4000) },
            after: { text: capText(text, 4000) },
          },
        };
  return { state: "changed", change, target: next, facts: extractPageFacts(doc, { href: url }) };
}

/** The whole step from HTML text: what the offscreen document and the Firefox event page run. */
export function compareWatchedHtml(
  html: string,
  url: string,
  targets: readonly WatchTarget[],
  parser: DOMParser = new DOMParser(),
): WatchOutcome[] {
  const doc = parser.parseFromString(html, "text/html");
  return targets.map((t) => compareWatched(t, doc, url));
}
