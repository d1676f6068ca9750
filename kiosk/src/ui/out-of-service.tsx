// What customers see on a tablet a manager revoked: a calm "out of service,
// please ask staff" and nothing about sync, devices or data.
import { useI18n } from "./i18n.tsx";

export function OutOfService() {
  const { t } = useI18n();
  return (
    <div class="out-of-service" role="status" data-testid="out-of-service">
      <span class="out-of-service__title">{t("revoked.customerTitle")}</span>
      <span class="out-of-service__sub">{t("revoked.customerBody")}</span>
    </div>
  );
}
