// On a phone (< 768 px) the journal's three columns become tabs — Timeline,
// Insights, Suggestions — so the insights are one tap away instead of below
// thousands of pixels of suggestions and cards. Hidden on wider screens
// (styles.css), where the columns sit side by side.
import { useI18n } from "../i18n/i18n.tsx";
import { formatNumber } from "../ui/format.ts";

export const JOURNAL_TABS = ["timeline", "insights", "suggestions"] as const;
export type JournalTab = (typeof JOURNAL_TABS)[number];

type Props = {
  value: JournalTab;
  onChange: (tab: JournalTab) => void;
  counts: Partial<Record<JournalTab, number | undefined>>;
};

const TITLE = {
  timeline: "timeline.title",
  insights: "insights.title",
  suggestions: "suggestions.title",
} as const;

export function JournalTabs({ value, onChange, counts }: Props) {
  const { t, locale } = useI18n();
  return (
    <div
      class="journal-tabs"
      role="tablist"
      aria-label={t("tabs.label")}
      onKeyDown={(e) => {
        // Arrow keys move between tabs (the WAI-ARIA tabs pattern).
        const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
        if (!step) return;
        const next =
          JOURNAL_TABS[
            (JOURNAL_TABS.indexOf(value) + step + JOURNAL_TABS.length) % JOURNAL_TABS.length
          ];
        if (!next) return;
        onChange(next);
        document.getElementById(`tab-${next}`)?.focus();
      }}
    >
      {JOURNAL_TABS.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={`tab-${tab}`}
          tabIndex={value === tab ? 0 : -1}
          aria-selected={value === tab}
          class={value === tab ? "tab active" : "tab"}
          onClick={() => onChange(tab)}
        >
          {t(TITLE[tab])}
          {counts[tab] !== undefined && (
            <span class="tab-count">{formatNumber(counts[tab] ?? 0, locale)}</span>
          )}
        </button>
      ))}
    </div>
  );
}
