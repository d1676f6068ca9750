// The observations linked to an insight, each with its stance (supports,
// contradicts, context) and a way to unlink it. Long lists show a summary by
// kind of data and the first few lines, with "show all".
import { CHANNELS, type Channel } from "@sightline/shared/vocabulary/channels";
import { useState } from "preact/hooks";
import type { Evidence, Observation } from "../api/types.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ChannelBadge } from "../ui/channel-badge.tsx";

const FIRST = 6;
/** Contradicting evidence first: it is what could make the insight wrong. */
const RANK = { contradicts: 0, supports: 1, context: 2 } as const;

type Props = {
  evidence: readonly Evidence[];
  byId: ReadonlyMap<string, Observation>;
  onRemove?: (observationId: string) => void;
};

export function EvidenceList({ evidence, byId, onRemove }: Props) {
  const { t, label } = useI18n();
  const [all, setAll] = useState(false);
  if (evidence.length === 0) return <p class="small muted">{t("evidence.none")}</p>;
  const ordered = [...evidence].sort((a, b) => RANK[a.stance] - RANK[b.stance]);
  const shown = all ? ordered : ordered.slice(0, FIRST);
  const counts = new Map<string, number>();
  for (const e of evidence) {
    const o = byId.get(e.observationId);
    const key = o ? (o.channel === "import" && o.source ? o.source : o.channel) : "?";
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return (
    <>
      {evidence.length > FIRST && (
        <p class="small muted ev-summary">
          {[...counts]
            .filter(([k]) => k !== "?")
            .map(
              ([k, n]) => `${Object.hasOwn(CHANNELS, k) ? label(CHANNELS[k as Channel]) : k} ${n}`,
            )
            .join(" · ")}
        </p>
      )}
      <ul class="evidence">
        {shown.map((e) => {
          const o = byId.get(e.observationId);
          return (
            <li key={e.observationId} class={`ev stance-${e.stance}`}>
              <span class={`stance-tag stance-${e.stance}`}>{t(`stance.${e.stance}`)}</span>
              {o ? <ChannelBadge channel={o.channel} source={o.source} /> : null}
              <span class="ev-text">
                {o ? (o.evidence?.quote ?? o.what) : t("state.loading")}
                {e.note && <span class="muted"> — {e.note}</span>}
              </span>
              {onRemove && (
                <button
                  type="button"
                  class="icon-btn"
                  aria-label={t("evidence.remove")}
                  title={t("evidence.remove")}
                  onClick={() => onRemove(e.observationId)}
                >
                  ×
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {evidence.length > FIRST && (
        <button type="button" class="link small" onClick={() => setAll(!all)}>
          {all ? t("evidence.fewer") : t("evidence.all", { n: evidence.length })}
        </button>
      )}
    </>
  );
}
