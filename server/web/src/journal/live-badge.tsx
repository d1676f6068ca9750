// "Live" while the journal listens for new observations; "Offline" as soon as
// either the event stream drops or an API call cannot reach the server (the
// stream alone can look open through a proxy while saves fail).
import type { LiveState } from "../api/live.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { useOnline } from "../ui/use-online.ts";

export function LiveBadge({ state }: { state: LiveState }) {
  const { t } = useI18n();
  const online = useOnline();
  const shown: LiveState = online ? state : "offline";
  return (
    <span
      class={`live live-${shown}`}
      role="status"
      title={t(`live.${shown}.help`)}
      data-state={shown}
    >
      <span class="live-dot" aria-hidden="true" />
      {t(`live.${shown}`)}
    </span>
  );
}
