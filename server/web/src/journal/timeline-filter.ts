// Filtering the merged timeline in the browser: channel, need, text (accent-
// insensitive, so "gia" finds "giá"), 5W1H minimum and "not yet used".
import { fiveW1HScore } from "@sightline/shared/five-w1h";
import type { Observation } from "../api/types.ts";

export type TimelineFilter = {
  channels: string[];
  need: string;
  text: string;
  minFiveW1H: number;
  unlinkedOnly: boolean;
  withEvidenceOnly: boolean;
};

export const EMPTY_FILTER: TimelineFilter = {
  channels: [],
  need: "",
  text: "",
  minFiveW1H: 0,
  unlinkedOnly: false,
  withEvidenceOnly: false,
};

/** Lower case, no diacritics, đ → d: how Vietnamese text is matched. */
export function foldText(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "d")
    .toLowerCase();
}

function haystack(o: Observation): string {
  return foldText(
    [
      o.what,
      o.who,
      o.where,
      o.why,
      o.how,
      o.note,
      o.zone,
      o.pageTitle,
      o.url,
      o.eventName,
      o.evidence?.quote,
      ...(o.tags ?? []),
    ]
      .filter(Boolean)
      .join(" \n "),
  );
}

export function filterTimeline(
  items: readonly Observation[],
  f: TimelineFilter,
  linked: ReadonlySet<string>,
): Observation[] {
  const words = foldText(f.text).split(/\s+/).filter(Boolean);
  return items.filter((o) => {
    if (f.channels.length && !f.channels.includes(o.channel)) return false;
    if (f.need && !(o.needs ?? []).includes(f.need as never)) return false;
    if (f.minFiveW1H && fiveW1HScore(o) < f.minFiveW1H) return false;
    if (f.unlinkedOnly && linked.has(o.id)) return false;
    if (f.withEvidenceOnly && !o.evidence?.quote && !o.evidence?.screenshot) return false;
    if (words.length) {
      const h = haystack(o);
      if (!words.every((w) => h.includes(w))) return false;
    }
    return true;
  });
}

export function isFilterActive(f: TimelineFilter): boolean {
  return (
    f.channels.length > 0 ||
    !!f.need ||
    !!f.text.trim() ||
    f.minFiveW1H > 0 ||
    f.unlinkedOnly ||
    f.withEvidenceOnly
  );
}
