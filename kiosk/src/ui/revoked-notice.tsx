// What a revoked tablet tells staff, wherever they look (pad, Device panel):
// what happened, that the unsent changes are kept here, and whom to ask.
import { useI18n } from "./i18n.tsx";

export type RevokedNoticeProps = { unsynced: number };

export function RevokedNotice({ unsynced }: RevokedNoticeProps) {
  const { t } = useI18n();
  return (
    <div class="warning warning--strong revoked" role="alert" data-testid="revoked">
      <p class="revoked__title">{t("revoked.title")}</p>
      <p>{t("revoked.what")}</p>
      <p>{unsynced > 0 ? t("revoked.kept", { count: unsynced }) : t("revoked.keptNone")}</p>
      <p>{t("revoked.ask")}</p>
    </div>
  );
}
