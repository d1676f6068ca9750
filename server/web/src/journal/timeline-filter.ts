// Filtering the merged timeline in the browser: channel, need, text (accent-
// insensitive, so "gia" finds "giá"), 5W1H minimum and "not yet used". Text
// is folded and split by the house's one text module (shared/src/text), as
// server search and suggestions fold it: each query word must occur in the
// observation's search text, the same fields the server searches.
import { fiveW1HScore } from "@sightline/shared/five-w1h";
import type { ObservationView as Observation } from "@sightline/shared/schema/journal";
import { foldText } from "@sightline/shared/text/fold";
import { matchesWords, searchText } from "@sightline/shared/text/search-text";
import { queryWords } from "@sightline/shared/text/tokenise";

export { foldText };

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

export function filterTimeline(
  items: readonly Observation[],
  f: TimelineFilter,
  linked: ReadonlySet<string>,
): Observation[] {
  const words = queryWords(f.text);
  return items.filter((o) => {
    if (f.channels.length && !f.channels.includes(o.channel)) return false;
    if (f.need && !(o.needs ?? []).includes(f.need as never)) return false;
    if (f.minFiveW1H && fiveW1HScore(o) < f.minFiveW1H) return false;
    if (f.unlinkedOnly && linked.has(o.id)) return false;
    if (f.withEvidenceOnly && !o.evidence?.quote && !o.evidence?.screenshot) return false;
    if (words.length && !matchesWords(searchText(o), words)) return false;
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
