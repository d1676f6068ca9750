// While the server cannot be reached: one clear line at the top of every page
// saying that changes will not save yet, and that typed text stays.
import { useI18n } from "../i18n/i18n.tsx";
import { useOnline } from "./use-online.ts";

export function OfflineBanner() {
  const { t } = useI18n();
  const online = useOnline();
  if (online) return null;
  return (
    <div class="offline-banner" role="alert" data-testid="offline-banner">
      <strong>{t("offline.title")}</strong> {t("offline.body")}
    </div>
  );
}
