// Revisiting a page: ask the worker for earlier captures of it, re-anchor
// their quotes (highlighted, never DOM-rewritten), re-find captured elements,
// and compare the page with the baseline all those captures make together
// (capture/change-detect.ts): one change per real change, reported back to
// the worker for the side panel. Late-loading pages (SPAs, lazy lists) get a
// few more tries when the DOM changes, so a quote that appears after load is
// still found.

import type { Price, RecordedChange } from "@sightline/shared";
import { capText } from "../capture/cap-text.ts";
import {
  buildBaseline,
  type ChangeRow,
  detectPageChanges,
  type PriceValue,
} from "../capture/change-detect.ts";
import { extractPageFacts } from "../capture/page-facts.ts";
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
/** What the panel shows for the side of a change that has no price (added, removed). */
export const NO_PRICE = "—";

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

/** A change row as data, what recording it stores (shared RecordedChangeSchema). */
export function recordedChange(r: ChangeRow): RecordedChange {
  if (r.kind !== "price")
    return {
      kind: "text",
      before: { text: capText(r.before, 4000) },
      after: { text: capText(r.after, 4000) },
    };
  const amount = (v: PriceValue | null) => v && { amount: v.amount, currency: v.currency };
  const c: RecordedChange = { kind: "price", before: amount(r.before), after: amount(r.after) };
  if (r.role !== undefined) c.role = r.role;
  return c;
}

/**
 * The change rows as the panel lists them: prices formatted in the page's
 * locale, "—" for a price added or removed, and each row as data to record.
 */
export function toPageChanges(rows: readonly ChangeRow[], locale?: string): PageChange[] {
  return rows.map((r) => {
    const side = (v: ChangeRow["before"]) =>
      v === null ? NO_PRICE : typeof v === "string" ? capText(v, 4000) : formatPrice(v, locale);
    const change: PageChange = {
      key: r.key,
      observationId: r.observationIds[0] as string,
      kind: r.kind,
      before: side(r.before),
      after: side(r.after),
      recorded: recordedChange(r),
    };
    if (r.selector) change.selector = capText(r.selector, 2000);
    return change;
  });
}

export function reviewPage(
  d: Pick<ReviewDeps, "doc" | "win">,
  captures: readonly EarlierCapture[],
): {
  report: Omit<PageReport, "url" | "facts">;
  ranges: Range[];
} {
  const { doc, win } = d;
  const locale = doc.documentElement.lang || win.navigator.language;
  const review = detectPageChanges(buildBaseline(captures), doc);
  const order = new Map(captures.map((c, i) => [c.id, i]));
  const byCapture = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  return {
    report: {
      found: review.found.sort(byCapture),
      notFound: review.notFound.sort(byCapture),
      changes: toPageChanges(review.rows, locale).slice(0, 200),
    },
    ranges: review.ranges,
  };
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
