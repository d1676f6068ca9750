// Suggested insights computed by the server from the journal's observations,
// cross-channel groups first. "Accept" turns one into an insight with its
// observations as supporting evidence.
import { CHANNELS, type Channel } from "@sightline/shared/vocabulary/channels";
import { NEEDS, type NeedCode } from "@sightline/shared/vocabulary/needs";
import { useState } from "preact/hooks";
import type { Suggestion, SuggestionWhy } from "../api/types.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ChannelBadge } from "../ui/channel-badge.tsx";
import { formatDate } from "../ui/format.ts";
import { ProblemBanner } from "../ui/problem-banner.tsx";

type Props = {
  suggestions: readonly Suggestion[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  onAccept: (s: Suggestion) => Promise<void>;
  onHover: (ids: readonly string[]) => void;
  canEdit: boolean;
};

export function SuggestionsColumn({
  suggestions,
  loading,
  error,
  onRetry,
  onAccept,
  onHover,
  canEdit,
}: Props) {
  const { t } = useI18n();
  return (
    <section class="suggestions" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{t("suggestions.title")}</h2>
      <p class="small muted">{t("suggestions.lead")}</p>
      <ProblemBanner error={error} onRetry={onRetry} />
      {loading && !suggestions && <p class="muted">{t("state.loading")}</p>}
      {suggestions?.length === 0 && <p class="empty">{t("suggestions.empty")}</p>}
      {suggestions?.map((s, i) => (
        <SuggestionCard
          key={s.id ?? `${s.title}-${i}`}
          suggestion={s}
          onAccept={onAccept}
          onHover={onHover}
          canEdit={canEdit}
        />
      ))}
    </section>
  );
}

type CardProps = {
  suggestion: Suggestion;
  onAccept: (s: Suggestion) => Promise<void>;
  onHover: (ids: readonly string[]) => void;
  canEdit: boolean;
};

function SuggestionCard({ suggestion: s, onAccept, onHover, canEdit }: CardProps) {
  const { t, label } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const cross = s.channels.length >= 2;
  return (
    <article
      class={cross ? "suggestion card cross" : "suggestion card"}
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
        <span class="small muted">{t("suggestions.count", { n: s.observationIds.length })}</span>
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
      <Why why={s.why} />
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

function Why({ why }: { why: string | SuggestionWhy }) {
  const { t, label, locale } = useI18n();
  if (typeof why === "string") return <p class="why small">{why}</p>;
  const parts: string[] = [];
  const chans = why.channels;
  if (chans && !Array.isArray(chans)) {
    parts.push(
      Object.entries(chans)
        .map(([c, n]) => `${Object.hasOwn(CHANNELS, c) ? label(CHANNELS[c as Channel]) : c} ${n}`)
        .join(", "),
    );
  }
  if (why.topTerms?.length)
    parts.push(t("suggestions.terms", { terms: why.topTerms.slice(0, 6).join(", ") }));
  if (why.timeSpan) {
    parts.push(
      typeof why.timeSpan === "string"
        ? why.timeSpan
        : t("scope.dates", {
            from: formatDate(why.timeSpan.from, locale),
            to: formatDate(why.timeSpan.to, locale),
          }),
    );
  }
  if (why.timeLink) parts.push(why.timeLink);
  if (parts.length === 0) return null;
  return (
    <ul class="why small">
      {parts.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}
