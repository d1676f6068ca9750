// Revisiting a page: ask the worker for earlier captures of it, re-anchor
// their quotes (highlighted, never DOM-rewritten), re-find captured elements,
// compare their text and the page's prices with what was captured, and
// report found / not found / changed back to the worker for the side panel.
// Late-loading pages (SPAs, lazy lists) get a few more tries when the DOM
// changes, so a quote that appears after load is still found.

import type { Price } from "@sightline/shared";
import { anchorMatch } from "../capture/anchor.ts";
import { type ChangeReport, detectChanges } from "../capture/change-detect.ts";
import { extractPageFacts } from "../capture/page-facts.ts";
import { parsePriceText } from "../capture/prices.ts";
import type { EarlierCapture, PageChange, PageReport } from "../messages.ts";
import { showHighlights } from "./highlights.ts";

export type ReviewDeps = {
  doc: Document;
  win: Window;
  hello(url: string, canonicalUrl: string | undefined): Promise<EarlierCapture[]>;
  report(report: PageReport): Promise<unknown>;
};

const RETRIES = 5;
const RETRY_DEBOUNCE_MS = 800;

export function formatPrice(p: Pick<Price, "amount" | "currency">, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, {
      style: "currency",
      currency: p.currency,
      maximumFractionDigits: 2,
    }).format(p.amount);
  } catch {
    return `${p.amount} ${p.currency}`;
  }
}

/** Turn one capture's change report into the changes the panel lists. */
export function changesOf(
  c: EarlierCapture,
  report: ChangeReport,
  quoteNow: string | null,
  locale?: string,
): PageChange[] {
  const out: PageChange[] = [];
  const seen = new Set<string>();
  const add = (change: PageChange) => {
    const pair = `${change.kind === "price" ? "p" : "t"}|${change.before}|${change.after}`;
    if (seen.has(pair)) return;
    seen.add(pair);
    out.push(change);
  };
  const priceMoves: [number, number][] = [];
  report.prices.forEach((p, i) => {
    if (p.status !== "changed" || !p.new) return;
    priceMoves.push([p.old.amount, p.new.amount]);
    add({
      key: `${c.id}:price:${i}`,
      observationId: c.id,
      kind: "price",
      before: formatPrice(p.old, locale),
      after: formatPrice(p.new, locale),
      ...(p.old.selector ? { selector: p.old.selector } : {}),
    });
  });
  const el = report.element;
  if (el?.status === "changed" && el.new !== null) {
    // A captured price element that moved is already listed as a price change.
    const before = parsePriceText(el.old)?.amount;
    const after = parsePriceText(el.new)?.amount;
    const dup = priceMoves.some(([o, n]) => o === before && n === after);
    if (!dup) {
      add({
        key: `${c.id}:element`,
        observationId: c.id,
        kind: "element",
        before: el.old,
        after: el.new,
        ...(c.elementSelector ? { selector: c.elementSelector } : {}),
      });
    }
  }
  const quote = c.quote;
  if (quote && quoteNow !== null && quoteNow.normalize("NFC") !== quote.normalize("NFC")) {
    add({
      key: `${c.id}:quote`,
      observationId: c.id,
      kind: "quote",
      before: quote,
      after: quoteNow,
    });
  }
  return out;
}

export function reviewPage(
  d: Pick<ReviewDeps, "doc" | "win">,
  captures: readonly EarlierCapture[],
): {
  report: Omit<PageReport, "url" | "facts">;
  ranges: Range[];
} {
  const { doc, win } = d;
  const found: string[] = [];
  const notFound: string[] = [];
  const changes: PageChange[] = [];
  const ranges: Range[] = [];
  const locale = doc.documentElement.lang || win.navigator.language;
  for (const c of captures) {
    const match =
      c.quote || c.selectors.length ? anchorMatch(doc.body, c.selectors, { quote: c.quote }) : null;
    if (match) ranges.push(match.range);
    // Element text and prices; the quote was anchored just above.
    const report = detectChanges(
      { selectors: [], elementSelector: c.elementSelector, text: c.text, prices: c.prices },
      doc,
    );
    const hasAnchor = Boolean(c.quote) || c.elementSelector !== undefined;
    if (hasAnchor) {
      const ok =
        (c.quote ? match !== null : true) &&
        (report.element ? report.element.status !== "not-found" : true);
      (ok ? found : notFound).push(c.id);
    }
    changes.push(...changesOf(c, report, match ? match.text : null, locale));
  }
  return { report: { found, notFound, changes: changes.slice(0, 200) }, ranges };
}

/** Runs reviews on request and retries while captures are still missing. */
export function createPageReviewer(d: ReviewDeps) {
  let retriesLeft = RETRIES;
  let timer: number | undefined;
  let observer: MutationObserver | null = null;

  async function run(): Promise<void> {
    const facts = extractPageFacts(d.doc, d.win.location);
    const captures = await d.hello(d.win.location.href, facts.canonicalUrl);
    const { report, ranges } = reviewPage(d, captures);
    showHighlights(d.win, ranges);
    await d.report({ url: d.win.location.href, facts, ...report });
    if (report.notFound.length > 0 && retriesLeft > 0) watch();
    else stopWatching();
  }

  function watch() {
    if (observer) return;
    observer = new MutationObserver(() => {
      if (timer !== undefined) d.win.clearTimeout(timer);
      timer = d.win.setTimeout(() => {
        retriesLeft--;
        stopWatching();
        void run().catch(() => undefined);
      }, RETRY_DEBOUNCE_MS);
    });
    observer.observe(d.doc.body, { childList: true, subtree: true, characterData: true });
  }

  function stopWatching() {
    observer?.disconnect();
    observer = null;
  }

  return {
    /** Review now (a new capture, the panel asked, the URL changed). */
    review(): Promise<void> {
      retriesLeft = RETRIES;
      return run();
    },
  };
}
