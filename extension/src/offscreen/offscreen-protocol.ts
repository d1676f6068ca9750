// The one message between the Chromium service worker and its offscreen
// document: parse this HTML and compare the watched targets (the service
// worker has no DOMParser). Firefox runs the same compare in its event page.
import type { WatchOutcome, WatchTarget } from "../capture/watch-target.ts";

export const OFFSCREEN_COMPARE = "offscreen.compare";
/** Firefox: the global page-parser.js sets in the event page. */
export const LOCAL_COMPARER = "sightlineCompareWatched";
export type LocalComparer = (html: string, url: string, targets: WatchTarget[]) => WatchOutcome[];

export type OffscreenCompare = {
  type: typeof OFFSCREEN_COMPARE;
  html: string;
  url: string;
  targets: WatchTarget[];
};

export type OffscreenAnswer = { ok: true; outcomes: WatchOutcome[] } | { ok: false; error: string };

export function isOffscreenCompare(m: unknown): m is OffscreenCompare {
  const o = m as Partial<OffscreenCompare> | null;
  return (
    typeof o === "object" &&
    o !== null &&
    o.type === OFFSCREEN_COMPARE &&
    typeof o.html === "string" &&
    typeof o.url === "string" &&
    Array.isArray(o.targets)
  );
}
