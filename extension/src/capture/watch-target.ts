// What a watched page follows and what a check of it finds, as data: shared
// by the worker (which stores and schedules watches, and has no DOM in
// Chromium) and the compare step (capture/watch-compare.ts, which needs one).
import type { PageFacts, Price, RecordedChange } from "@sightline/shared";

/** One price of the page (with its role and key), or one element's text. */
export type WatchTarget =
  | { kind: "price"; price: Price }
  | { kind: "element"; selector: string; text: string };

/** One change as recorded: "before → after" as the page shows it, and as data (evidence.change). */
export type WatchChange = {
  kind: "price" | "element";
  before: string;
  after: string;
  recorded?: RecordedChange;
};

export type WatchOutcome =
  | { state: "same"; target: WatchTarget }
  /** `target` is what the watch knows from now on, so the same change is never recorded twice. */
  | { state: "changed"; change: WatchChange; target: WatchTarget; facts: PageFacts }
  /** The price or element is no longer on the page (its selector finds nothing). */
  | { state: "gone" };

export function formatAmount(p: Pick<Price, "amount" | "currency">, locale?: string): string {
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
