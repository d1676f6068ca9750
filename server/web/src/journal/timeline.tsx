// The merged timeline: every channel in one list, newest first, grouped by
// day, filtered in place. Shows a page at a time to stay quick on big journals.
import { useMemo, useState } from "preact/hooks";
import type { Observation } from "../api/types.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { formatDate, localDay } from "../ui/format.ts";
import type { Lookup } from "./journal-lookup.ts";
import { EMPTY_FILTER, filterTimeline, type TimelineFilter } from "./timeline-filter.ts";
import { TimelineFilters } from "./timeline-filters.tsx";
import { type PickTarget, TimelineItem } from "./timeline-item.tsx";

const PAGE = 60;

type Props = {
  items: readonly Observation[];
  lookup: Lookup;
  linkedBy: ReadonlyMap<string, number[]>;
  pick: PickTarget | null;
  fresh: ReadonlySet<string>;
  highlighted: ReadonlySet<string>;
  canEdit: boolean;
  hasMore: boolean;
  onLoadMore: () => void;
};

export function Timeline({
  items,
  lookup,
  linkedBy,
  pick,
  fresh,
  highlighted,
  canEdit,
  hasMore,
  onLoadMore,
}: Props) {
  const { t, locale } = useI18n();
  const [filter, setFilter] = useState<TimelineFilter>(EMPTY_FILTER);
  const [limit, setLimit] = useState(PAGE);
  const linked = useMemo(() => new Set(linkedBy.keys()), [linkedBy]);
  const sorted = useMemo(
    // Times carry different offsets (device clocks), so compare instants, not strings.
    () => [...items].sort((a, b) => instant(b.capturedAt) - instant(a.capturedAt)),
    [items],
  );
  const shown = useMemo(() => filterTimeline(sorted, filter, linked), [sorted, filter, linked]);
  const page = shown.slice(0, limit);

  let lastDay = "";
  return (
    <section class="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t("timeline.title")}</h2>
      <TimelineFilters
        value={filter}
        onChange={(f) => {
          setFilter(f);
          setLimit(PAGE);
        }}
        shown={shown.length}
        total={items.length}
      />
      {items.length === 0 && <p class="empty">{t("timeline.empty")}</p>}
      <div class="obs-list">
        {page.map((o) => {
          const day = localDay(o.capturedAt);
          const heading = day !== lastDay ? <h3 class="day">{formatDate(day, locale)}</h3> : null;
          lastDay = day;
          return (
            <div key={o.id}>
              {heading}
              <TimelineItem
                observation={o}
                lookup={lookup}
                linkedTo={linkedBy.get(o.id) ?? []}
                pick={pick}
                fresh={fresh.has(o.id)}
                highlighted={highlighted.has(o.id)}
                draggable={canEdit}
              />
            </div>
          );
        })}
      </div>
      {shown.length > limit && (
        <button type="button" class="btn ghost wide" onClick={() => setLimit(limit + PAGE)}>
          {t("timeline.showMore", { n: shown.length - limit })}
        </button>
      )}
      {hasMore && shown.length <= limit && (
        <button type="button" class="btn ghost wide" onClick={onLoadMore}>
          {t("timeline.loadMore")}
        </button>
      )}
    </section>
  );
}

function instant(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}
