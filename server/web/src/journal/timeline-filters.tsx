// The filter bar above the timeline.
import { CHANNEL_CODES, CHANNELS } from "@sightline/shared/vocabulary/channels";
import { NEED_CODES, NEEDS } from "@sightline/shared/vocabulary/needs";
import { useI18n } from "../i18n/i18n.tsx";
import { EMPTY_FILTER, isFilterActive, type TimelineFilter } from "./timeline-filter.ts";

type Props = {
  value: TimelineFilter;
  onChange: (f: TimelineFilter) => void;
  shown: number;
  total: number;
};

export function TimelineFilters({ value: f, onChange, shown, total }: Props) {
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
      <p class="small muted" aria-live="polite">
        {t("filter.count", { shown, total })}
        {isFilterActive(f) && (
          <button type="button" class="link" onClick={() => onChange(EMPTY_FILTER)}>
            {t("filter.clear")}
          </button>
        )}
      </p>
    </div>
  );
}
