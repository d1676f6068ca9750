// The staff view's alert strip: the open alerts of this store (read through
// the worker, GET /v1/devices/me/alerts), each as the server's one-line
// summary in the staff's language, so the people on the floor learn within seconds that
// customers are leaving unhappy. Read at start and every 20 s;
// nothing shows when there is none or the server cannot be reached.
import { useEffect, useState } from "preact/hooks";
import type { KioskAlert } from "../worker/api.ts";
import { useI18n } from "./i18n.tsx";
import { useKiosk } from "./kiosk-context.ts";

/** How often the strip asks again (the worker re-reads on the server each time). */
const EVERY_MS = 20_000;

export function StaffAlerts() {
  const { t, locale } = useI18n();
  const { api } = useKiosk();
  const [alerts, setAlerts] = useState<KioskAlert[]>([]);
  useEffect(() => {
    let live = true;
    const read = () =>
      api.alerts().then((a) => {
        if (live && a) setAlerts(a);
      });
    void read();
    const timer = setInterval(read, EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api]);
  if (alerts.length === 0) return null;
  return (
    <section class="staff-alerts" role="status" aria-live="polite" data-testid="staff-alerts">
      <strong>{t("alerts.open", { count: alerts.length })}</strong>
      <ul>
        {alerts.map((a) => (
          <li key={a.id}>{a.text[locale]}</li>
        ))}
      </ul>
    </section>
  );
}
