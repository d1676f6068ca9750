import type { SyncStatusView } from "../../messages.ts";
import { useI18n } from "../i18n.ts";

export type RevokedNoticeProps = { status: SyncStatusView };

/** What a revoked install says: what happened, that unsent changes are kept here, whom to ask. */
export function RevokedNotice({ status }: RevokedNoticeProps) {
  const { t } = useI18n();
  return (
    <div class="warn revoked" role="alert" data-testid="revoked">
      <strong>{t("revoked.title")}</strong>
      <p>{t("revoked.what")}</p>
      <p>
        {status.unsynced > 0
          ? t("revoked.kept", { count: status.unsynced })
          : t("revoked.keptNone")}
      </p>
      {status.pendingBlobs > 0 && (
        <p class="muted">{t("revoked.screenshots", { count: status.pendingBlobs })}</p>
      )}
      <p>{t("revoked.ask")}</p>
    </div>
  );
}
