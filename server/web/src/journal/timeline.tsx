// The merged timeline: every channel in one list through the server's
// timeline query (the whole journal, not only what is loaded), newest first
// or most relevant first while searching, grouped by day in the workspace's
// time zone; "N of M" with the server's exact counts; older pages by cursor.
import { useMemo } from "preact/hooks";
import type { Competitor, Store } from "../api/types.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { formatDate, formatNumber, localDay } from "../ui/format.ts";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useTimeZone } from "../ui/time-zone.ts";
import type { Lookup } from "./journal-lookup.ts";
import { hasRefinement, refineLoaded, type TimelineFilter } from "./timeline-filter.ts";
import { TimelineFilters } from "./timeline-filters.tsx";
import { type PickTarget, TimelineItem } from "./timeline-item.tsx";
import type { TimelineState } from "./use-timeline-query.ts";

type Props = {
  query: TimelineState;
  filter: TimelineFilter;
  onFilter: (f: TimelineFilter) => void;
  /** Observations in the journal's whole scope (the stats' total). */
  journalTotal: number | undefined;
  stores: readonly Store[];
  competitors: readonly Competitor[];
  lookup: Lookup;
  linkedBy: ReadonlyMap<string, number[]>;
  pick: PickTarget | null;
  highlighted: ReadonlySet<string>;
  canEdit: boolean;
};

export function Timeline({
  query,
  filter,
  onFilter,
  journalTotal,
  stores,
  competitors,
  lookup,
  linkedBy,
  pick,
  highlighted,
  canEdit,
}: Props) {
  const { t, locale } = useI18n();
  const timeZone = useTimeZone();
  const linked = useMemo(() => new Set(linkedBy.keys()), [linkedBy]);
  const shown = useMemo(
    () => refineLoaded(query.items, filter, linked),
    [query.items, filter, linked],
  );
  const matching = query.total;
  const whole = journalTotal ?? matching;

  let lastDay = "";
  return (
    <section class="timeline" aria-labelledby="timeline-title" data-tab="timeline">
      <h2 id="timeline-title">{t("timeline.title")}</h2>
      <TimelineFilters
        value={filter}
        onChange={onFilter}
        stores={stores}
        competitors={competitors}
        count={
          <span data-testid="timeline-count">
            {matching === undefined
              ? t("filter.searching")
              : whole !== undefined && whole !== matching
                ? t("filter.matching", { shown: matching, count: whole })
                : t("filter.total", { count: matching })}
            {hasRefinement(filter) && ` ${t("filter.refined", { shown: shown.length })}`}
          </span>
        }
      />
      <ProblemBanner error={query.error} onRetry={() => void query.reload()} />
      {!query.loading && query.items.length === 0 && !query.error && (
        <p class="empty">{t("timeline.empty")}</p>
      )}
      <div class="obs-list" aria-busy={query.loading}>
        {shown.map((o) => {
          const day = localDay(o.capturedAt, timeZone);
          const heading =
            !query.relevance && day !== lastDay ? (
              <h3 class="day">{formatDate(day, locale)}</h3>
            ) : null;
          lastDay = day;
          return (
            <div key={o.id}>
              {heading}
              <TimelineItem
                observation={o}
                lookup={lookup}
                linkedTo={linkedBy.get(o.id) ?? []}
                pick={pick}
                fresh={query.fresh.has(o.id)}
                highlighted={highlighted.has(o.id)}
                draggable={canEdit}
              />
            </div>
          );
        })}
      </div>
      {query.hasMore && (
        <button
          type="button"
          class="btn ghost wide"
          disabled={query.loading}
          onClick={() => void query.loadMore()}
        >
          {t("timeline.loadMore")}
          {matching !== undefined && ` (${formatNumber(matching - query.items.length, locale)})`}
        </button>
      )}
    </section>
  );
}
