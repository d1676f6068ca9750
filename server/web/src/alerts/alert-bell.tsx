// The bell in the top bar: the workspace's open-alert count, live over the
// event stream (`event: alerts`, sent at connect and on every change), linking
// to the Alerts page. Admins and managers only (the server sends the count
// to no one else).
import { useEffect, useState } from "preact/hooks";
import { subscribeLive } from "../api/live.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { href } from "../route.ts";

export function AlertBell({ current }: { current: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<number | null>(null);
  useEffect(() => subscribeLive({ onPoke: () => {}, onAlerts: setOpen }), []);
  const label = open ? t("alerts.bell", { count: open }) : t("alerts.bellNone");
  return (
    <a
      class={`bell${open ? " ringing" : ""}`}
      href={href({ page: "alerts", status: "open" })}
      aria-current={current ? "page" : undefined}
      aria-label={label}
      title={label}
      data-testid="alert-bell"
    >
      <span aria-hidden="true">🔔</span>
      {open ? (
        <span class="bell-count" aria-hidden="true" data-testid="alert-count">
          {open}
        </span>
      ) : null}
    </a>
  );
}
