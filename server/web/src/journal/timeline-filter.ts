// The timeline's filters. Channel, store, competitor, need, tag, basis, dates
// and search go to the server's timeline query (the whole journal, an exact
// total, relevance-ranked search with matches marked); the 5W1H minimum and
// "not yet used" / "with quote" are refinements of the rows already loaded,
// and the count says so. `filterTimeline` is the in-browser version of the
// same filters (text folded and split by shared/src/text, as the server
// does), kept for pages that filter a list they already hold.
import { fiveW1HScore } from "@sightline/shared/five-w1h";
import type { ObservationView as Observation } from "@sightline/shared/schema/journal";
import type { TimelineFilters } from "@sightline/shared/schema/timeline";
import { foldText } from "@sightline/shared/text/fold";
import { matchesWords, searchText } from "@sightline/shared/text/search-text";
import { queryWords } from "@sightline/shared/text/tokenise";

export { foldText };

export type TimelineFilter = {
  channels: string[];
  storeId: string;
  competitorId: string;
  need: string;
  tag: string;
  basis: string;
  /** `YYYY-MM-DD`, read by the server in the workspace's time zone. */
  from: string;
  to: string;
  text: string;
  minFiveW1H: number;
  unlinkedOnly: boolean;
  withEvidenceOnly: boolean;
};

export const EMPTY_FILTER: TimelineFilter = {
  channels: [],
  storeId: "",
  competitorId: "",
  need: "",
  tag: "",
  basis: "",
  from: "",
  to: "",
  text: "",
  minFiveW1H: 0,
  unlinkedOnly: false,
  withEvidenceOnly: false,
};

/** The part of the filter the server's timeline query answers. */
export function serverFilters(f: TimelineFilter): TimelineFilters {
  const out: TimelineFilters = {};
  if (f.channels.length) out.channel = f.channels as NonNullable<TimelineFilters["channel"]>;
  if (f.storeId) out.storeId = [f.storeId];
  if (f.competitorId) out.competitorId = [f.competitorId];
  if (f.need) out.need = [f.need] as NonNullable<TimelineFilters["need"]>;
  const tag = f.tag.trim().replace(/^#/, "");
  if (tag) out.tag = [tag];
  if (f.basis) out.basis = [f.basis] as NonNullable<TimelineFilters["basis"]>;
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  if (f.text.trim()) out.q = f.text.trim();
  return out;
}

export function hasRefinement(f: TimelineFilter): boolean {
  return f.minFiveW1H > 0 || f.unlinkedOnly || f.withEvidenceOnly;
}

/** The refinements the server does not answer, applied to loaded rows. */
export function refineLoaded<T extends Observation>(
  items: readonly T[],
  f: TimelineFilter,
  linked: ReadonlySet<string>,
): T[] {
  if (!hasRefinement(f)) return [...items];
  return items.filter((o) => {
    if (f.minFiveW1H && fiveW1HScore(o) < f.minFiveW1H) return false;
    if (f.unlinkedOnly && linked.has(o.id)) return false;
    if (f.withEvidenceOnly && !o.evidence?.quote && !o.evidence?.screenshot) return false;
    return true;
  });
}

/** Every filter in the browser, over a list already held. */
export function filterTimeline(
  items: readonly Observation[],
  f: TimelineFilter,
  linked: ReadonlySet<string>,
): Observation[] {
  const words = queryWords(f.text);
  const tag = f.tag.trim().replace(/^#/, "");
  return refineLoaded(items, f, linked).filter((o) => {
    if (f.channels.length && !f.channels.includes(o.channel)) return false;
    if (f.storeId && o.storeId !== f.storeId) return false;
    if (f.competitorId && o.competitorId !== f.competitorId) return false;
    if (f.need && !(o.needs ?? []).includes(f.need as never)) return false;
    if (tag && !(o.tags ?? []).includes(tag)) return false;
    if (f.basis && (o.basis ?? "observed") !== f.basis) return false;
    if (words.length && !matchesWords(searchText(o), words)) return false;
    return true;
  });
}

export function isFilterActive(f: TimelineFilter): boolean {
  return JSON.stringify(f) !== JSON.stringify(EMPTY_FILTER);
}
