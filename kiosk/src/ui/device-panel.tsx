// Staff's view of this tablet: store, workspace, device id, server, storage
// persistence, and unpairing (unpair-flow.tsx: never deletes unsent changes
// without two explicit confirmations). A tablet a manager revoked says so
// here, and offers Export unsent data and Reconnect with a new code.
import { useEffect, useState } from "preact/hooks";
import type { KioskStatus } from "../worker/api.ts";
import { ExportUnsent } from "./export-unsent.tsx";
import { useI18n } from "./i18n.tsx";
import { useKiosk } from "./kiosk-context.ts";
import { ReconnectForm } from "./reconnect-form.tsx";
import { RevokedNotice } from "./revoked-notice.tsx";
import { UnpairFlow } from "./unpair-flow.tsx";

export type DevicePanelProps = {
  status: KioskStatus;
  onClose(): void;
  /** Storage persistence as asked at launch (null: not known yet). */
  persisted?: boolean | null | undefined;
  staffWakeLock?: boolean | undefined;
  onStaffWakeLock?: ((on: boolean) => void) | undefined;
  contextIdleMin?: number | undefined;
  onContextIdleMin?: ((min: number) => void) | undefined;
};

const IDLE_CHOICES = [0, 5, 10, 30, 60];

export function DevicePanel({
  status,
  onClose,
  persisted: known,
  staffWakeLock,
  onStaffWakeLock,
  contextIdleMin,
  onContextIdleMin,
}: DevicePanelProps) {
  const { t } = useI18n();
  const { platform } = useKiosk();
  const [asked, setAsked] = useState<boolean | null>(null);
  const [confirming, setConfirming] = useState(false);
  const revoked = status.sync === "unauthorized";
  const persisted = known ?? asked;

  useEffect(() => {
    if (known !== undefined && known !== null) return;
    platform.persisted().then(setAsked, () => setAsked(false));
  }, [platform, known]);

  return (
    <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="device-title">
      <div class="dialog device-panel">
        {confirming ? (
          <UnpairFlow status={status} onCancel={() => setConfirming(false)} />
        ) : (
          <>
            <h2 id="device-title" class="dialog__title">
              {t("settings.title")}
            </h2>
            {revoked ? (
              <div class="device-panel__revoked">
                <RevokedNotice unsynced={status.unsynced} />
                {status.unsynced > 0 ? <ExportUnsent /> : null}
                <ReconnectForm serverUrl={status.serverUrl ?? ""} />
              </div>
            ) : null}
            <dl class="facts">
              <dt>{t("settings.store")}</dt>
              <dd>{status.config?.store?.name ?? "—"}</dd>
              <dt>{t("settings.workspace")}</dt>
              <dd>{status.config?.workspace.name ?? "—"}</dd>
              <dt>{t("settings.server")}</dt>
              <dd>{status.serverUrl ?? "—"}</dd>
              <dt>{t("settings.device")}</dt>
              <dd class="mono">{status.deviceId}</dd>
            </dl>
            {persisted !== null ? (
              <p class={persisted ? "hint" : "warning"} data-testid="persisted">
                {persisted ? t("settings.persisted") : t("settings.notPersisted")}
              </p>
            ) : null}
            {onStaffWakeLock ? (
              <label class="setting">
                <input
                  type="checkbox"
                  data-testid="staff-wake-lock"
                  checked={staffWakeLock ?? false}
                  onChange={(e) => onStaffWakeLock((e.currentTarget as HTMLInputElement).checked)}
                />
                {t("settings.staffWakeLock")}
              </label>
            ) : null}
            {onContextIdleMin ? (
              <label class="setting">
                {t("settings.contextIdle")}
                <select
                  data-testid="context-idle"
                  value={String(contextIdleMin ?? 0)}
                  onChange={(e) =>
                    onContextIdleMin(Number((e.currentTarget as HTMLSelectElement).value))
                  }
                >
                  {IDLE_CHOICES.map((m) => (
                    <option key={m} value={String(m)}>
                      {m === 0
                        ? t("settings.contextIdleNever")
                        : t("settings.minutes", { count: m })}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <div class="button-row">
              <button type="button" class="button button--primary" onClick={onClose}>
                {t("settings.close")}
              </button>
              <button
                type="button"
                class="button button--danger-quiet"
                data-testid="unpair"
                onClick={() => setConfirming(true)}
              >
                {t("unpair.button")}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
