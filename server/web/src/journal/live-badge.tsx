// "Live" when the journal listens for new observations, "reconnecting" otherwise.
import type { LiveState } from "../api/live.ts";
import { useI18n } from "../i18n/i18n.tsx";

export function LiveBadge({ state }: { state: LiveState }) {
  const { t } = useI18n();
  return (
    <span class={`live live-${state}`} role="status" title={t(`live.${state}.help`)}>
      <span class="live-dot" aria-hidden="true" />
      {t(`live.${state}`)}
    </span>
  );
}
