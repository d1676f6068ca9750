// Suggested insights computed by the server from the journal's observations:
// themes (cross-channel groups first) and time links (a competitor change
// followed by a move in the store). "Accept" turns one into an insight with
// its observations as supporting evidence.
import { NEEDS, type NeedCode } from "@sightline/shared/vocabulary/needs";
import { useState } from "preact/hooks";
import type { Suggestion } from "../api/types.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ChannelBadge } from "../ui/channel-badge.tsx";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import type { Lookup } from "./journal-lookup.ts";
import { SuggestionWhy } from "./suggestion-why.tsx";

type Props = {
  suggestions: readonly Suggestion[] | undefined;
  timeLinks: readonly Suggestion[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  onAccept: (s: Suggestion) => Promise<void>;
  onHover: (ids: readonly string[]) => void;
  canEdit: boolean;
  lookup: Lookup;
};

export function SuggestionsColumn(props: Props) {
  const { suggestions, timeLinks, loading, error, onRetry } = props;
  const { t } = useI18n();
  return (
    <section class="suggestions" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{t("suggestions.title")}</h2>
      <p class="small muted">{t("suggestions.lead")}</p>
      <ProblemBanner error={error} onRetry={onRetry} />
      {loading && !suggestions && <p class="muted">{t("state.loading")}</p>}
      {suggestions?.length === 0 && !timeLinks?.length && (
        <p class="empty">{t("suggestions.empty")}</p>
      )}
      {suggestions?.map((s) => (
        <SuggestionCard key={`${s.title}|${s.observationIds[0] ?? ""}`} suggestion={s} {...props} />
      ))}
      {timeLinks && timeLinks.length > 0 && (
        <>
          <h3 class="sub-head">{t("suggestions.timeLinks")}</h3>
          <p class="small muted">{t("suggestions.timeLinksLead")}</p>
          {timeLinks.map((s) => (
            <SuggestionCard
              key={`${s.title}|${s.observationIds[0] ?? ""}`}
              suggestion={s}
              {...props}
            />
          ))}
        </>
      )}
    </section>
  );
}

type CardProps = Props & { suggestion: Suggestion };

function SuggestionCard({ suggestion: s, onAccept, onHover, canEdit, lookup }: CardProps) {
  const { t, label } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  // Kinds of data, as the server ranks them (two import sources are two kinds);
  // older answers without `oneSource` fall back to channels.
  const why = s.why;
  const cross =
    why.kind === "theme" && typeof why.oneSource === "boolean"
      ? !why.oneSource
      : s.channels.length >= 2;
  const link = s.kind === "time-link";
  return (
    <article
      class={["suggestion card", cross && "cross", link && "time-link"].filter(Boolean).join(" ")}
      onMouseEnter={() => onHover(s.observationIds)}
      onMouseLeave={() => onHover([])}
      onFocusCapture={() => onHover(s.observationIds)}
      onBlurCapture={() => onHover([])}
    >
      <h3>{s.title}</h3>
      <p class="badges">
        {s.channels.map((c) => (
          <ChannelBadge key={c} channel={c} />
        ))}
        <span class="small muted">
          {t("suggestions.count", { count: s.observationIds.length })}
        </span>
      </p>
      {s.needs.length > 0 && (
        <p class="tags">
          {s.needs.map((n) => (
            <span key={n} class="need">
              {Object.hasOwn(NEEDS, n) ? label(NEEDS[n as NeedCode]) : n}
            </span>
          ))}
        </p>
      )}
      <SuggestionWhy why={s.why} lookup={lookup} />
      {!cross && <p class="small warn-text">{t("suggestions.singleChannel")}</p>}
      <ProblemBanner error={error} />
      {canEdit && (
        <button
          type="button"
          class="btn primary small"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(undefined);
            try {
              await onAccept(s);
            } catch (e) {
              setError(e);
              setBusy(false);
            }
          }}
        >
          {t("suggestions.accept")}
        </button>
      )}
    </article>
  );
}
