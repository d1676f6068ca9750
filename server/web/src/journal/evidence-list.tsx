// The observations linked to an insight, each with its stance (supports,
// contradicts, context) and a way to unlink it.
import type { Evidence, Observation } from "../api/types.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ChannelBadge } from "../ui/channel-badge.tsx";

type Props = {
  evidence: readonly Evidence[];
  byId: ReadonlyMap<string, Observation>;
  onRemove?: (observationId: string) => void;
};

export function EvidenceList({ evidence, byId, onRemove }: Props) {
  const { t } = useI18n();
  if (evidence.length === 0) return <p class="small muted">{t("evidence.none")}</p>;
  return (
    <ul class="evidence">
      {evidence.map((e) => {
        const o = byId.get(e.observationId);
        return (
          <li key={e.observationId} class={`ev stance-${e.stance}`}>
            <span class={`stance-tag stance-${e.stance}`}>{t(`stance.${e.stance}`)}</span>
            {o ? <ChannelBadge channel={o.channel} source={o.source} /> : null}
            <span class="ev-text">{o ? (o.evidence?.quote ?? o.what) : t("evidence.outside")}</span>
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
  );
}
