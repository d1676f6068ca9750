// The filter bar above the timeline: search and channel chips always in view;
// store, competitor, need, basis, tag and dates beside them; the 5W1H minimum
// and "not yet used" / "with quote" folded under "More filters" (they refine
// the loaded rows only). On a phone the bar is not sticky and stays short.
import { BASES } from "@sightline/shared/schema/observation";
import { CHANNEL_CODES, CHANNELS } from "@sightline/shared/vocabulary/channels";
import { NEED_CODES, NEEDS } from "@sightline/shared/vocabulary/needs";
import type { ComponentChildren } from "preact";
import type { Competitor, Store } from "../api/types.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { EMPTY_FILTER, isFilterActive, type TimelineFilter } from "./timeline-filter.ts";

type Props = {
  value: TimelineFilter;
  onChange: (f: TimelineFilter) => void;
  stores: readonly Store[];
  competitors: readonly Competitor[];
  /** "N of M", from the server's exact counts. */
  count: ComponentChildren;
};

export function TimelineFilters({ value: f, onChange, stores, competitors, count }: Props) {
  const { t, label } = useI18n();
  const set = (patch: Partial<TimelineFilter>) => onChange({ ...f, ...patch });
  return (
    <div class="filters">
      <input
        type="search"
        class="search"
        placeholder={t("filter.search")}
        aria-label={t("filter.search")}
        value={f.text}
        onInput={(e) => set({ text: e.currentTarget.value })}
      />
      <fieldset class="chip-row">
        <legend class="visually-hidden">{t("scope.channels")}</legend>
        {CHANNEL_CODES.map((c) => (
          <button
            type="button"
            key={c}
            class={`chip ch-chip-${c}`}
            aria-pressed={f.channels.includes(c)}
            onClick={() =>
              set({
                channels: f.channels.includes(c)
                  ? f.channels.filter((x) => x !== c)
                  : [...f.channels, c],
              })
            }
          >
            {label(CHANNELS[c])}
          </button>
        ))}
      </fieldset>
      <div class="filter-row">
        {stores.length > 0 && (
          <select
            aria-label={t("filter.store")}
            value={f.storeId}
            onChange={(e) => set({ storeId: e.currentTarget.value })}
          >
            <option value="">{t("filter.anyStore")}</option>
            {stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
        {competitors.length > 0 && (
          <select
            aria-label={t("filter.competitor")}
            value={f.competitorId}
            onChange={(e) => set({ competitorId: e.currentTarget.value })}
          >
            <option value="">{t("filter.anyCompetitor")}</option>
            {competitors.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
        <select
          aria-label={t("filter.need")}
          value={f.need}
          onChange={(e) => set({ need: e.currentTarget.value })}
        >
          <option value="">{t("filter.anyNeed")}</option>
          {NEED_CODES.map((n) => (
            <option key={n} value={n}>
              {label(NEEDS[n])}
            </option>
          ))}
        </select>
      </div>
      <details class="more-filters" open={moreActive(f)}>
        <summary>{t("filter.more")}</summary>
        <div class="filter-row">
          <select
            aria-label={t("filter.basis")}
            value={f.basis}
            onChange={(e) => set({ basis: e.currentTarget.value })}
          >
            <option value="">{t("filter.anyBasis")}</option>
            {BASES.map((b) => (
              <option key={b} value={b}>
                {t(`basis.${b}`)}
              </option>
            ))}
          </select>
          <input
            class="tag-filter"
            aria-label={t("filter.tag")}
            placeholder={`#${t("filter.tag").toLowerCase()}`}
            maxLength={60}
            value={f.tag}
            onChange={(e) => set({ tag: e.currentTarget.value })}
          />
          <label class="inline-date">
            {t("filter.from")}
            <input
              type="date"
              value={f.from}
              onChange={(e) => set({ from: e.currentTarget.value })}
            />
          </label>
          <label class="inline-date">
            {t("filter.to")}
            <input
              type="date"
              value={f.to}
              min={f.from || undefined}
              onChange={(e) => set({ to: e.currentTarget.value })}
            />
          </label>
          <select
            aria-label={t("filter.minFiveW1H")}
            value={String(f.minFiveW1H)}
            onChange={(e) => set({ minFiveW1H: Number(e.currentTarget.value) })}
          >
            {[0, 3, 4, 5, 6].map((n) => (
              <option key={n} value={String(n)}>
                {n === 0 ? t("filter.anyFiveW1H") : t("filter.atLeast", { n })}
              </option>
            ))}
          </select>
          <label class="check">
            <input
              type="checkbox"
              checked={f.unlinkedOnly}
              onChange={(e) => set({ unlinkedOnly: e.currentTarget.checked })}
            />
            {t("filter.unlinked")}
          </label>
          <label class="check">
            <input
              type="checkbox"
              checked={f.withEvidenceOnly}
              onChange={(e) => set({ withEvidenceOnly: e.currentTarget.checked })}
            />
            {t("filter.withEvidence")}
          </label>
        </div>
      </details>
      <p class="small muted filter-count" aria-live="polite">
        {count}
        {isFilterActive(f) && (
          <button type="button" class="link" onClick={() => onChange(EMPTY_FILTER)}>
            {t("filter.clear")}
          </button>
        )}
      </p>
    </div>
  );
}

function moreActive(f: TimelineFilter): boolean {
  return !!(
    f.basis ||
    f.tag ||
    f.from ||
    f.to ||
    f.minFiveW1H ||
    f.unlinkedOnly ||
    f.withEvidenceOnly
  );
}
