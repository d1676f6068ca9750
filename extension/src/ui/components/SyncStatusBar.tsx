import type { SyncStatusView } from "../../messages.ts";
import { ago, useI18n } from "../i18n.ts";

export type SyncStatusBarProps = { status: SyncStatusView | null; onSync(): void; now?: number };

/**
 * Unsynced count, age of the oldest unsynced item, last sync, and "Sync now"
 * (not while revoked: it could not help).
 */
export function SyncStatusBar({ status, onSync, now = Date.now() }: SyncStatusBarProps) {
  const { t } = useI18n();
  if (!status) return <div class="status" />;
  const parts: string[] = [];
  if (status.state === "unauthorized") parts.push(t("sync.unauthorized"));
  else if (status.state === "too-old") parts.push(t("sync.tooOld"));
  else if (status.state === "syncing") parts.push(t("sync.syncing"));
  else if (status.unsynced > 0) {
    parts.push(t("sync.unsynced", { count: status.unsynced }));
    if (status.oldestUnsyncedAt !== null)
      parts.push(t("sync.oldest", { age: ago(t, now - status.oldestUnsyncedAt) }));
  } else if (status.paired) parts.push(t("sync.allSynced"));
  if (status.state === "waiting" && status.lastError === "network") parts.push(t("sync.offline"));
  if (status.pendingBlobs > 0) parts.push(t("status.pendingBlobs", { count: status.pendingBlobs }));
  if (status.rejected > 0) parts.push(t("sync.rejected", { count: status.rejected }));
  const last =
    status.lastSyncAt === null
      ? t("sync.never")
      : t("sync.last", { age: ago(t, now - status.lastSyncAt) });
  return (
    <div class="status" data-state={status.state} data-unsynced={status.unsynced}>
      <div class="status-text">
        <strong data-testid="sync-summary">{parts.join(" · ")}</strong>
        <span class="muted">{status.paired ? last : t("options.notPaired")}</span>
      </div>
      {status.paired && status.state !== "unauthorized" && (
        <button
          type="button"
          onClick={onSync}
          disabled={status.state === "syncing"}
          data-testid="sync-now"
        >
          {t("sync.now")}
        </button>
      )}
    </div>
  );
}
