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

export type DevicePanelProps = { status: KioskStatus; onClose(): void };

export function DevicePanel({ status, onClose }: DevicePanelProps) {
  const { t } = useI18n();
  const { platform } = useKiosk();
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [confirming, setConfirming] = useState(false);
  const revoked = status.sync === "unauthorized";

  useEffect(() => {
    platform.persisted().then(setPersisted, () => setPersisted(false));
  }, [platform]);

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
              <p class={persisted ? "hint" : "warning"}>
                {persisted ? t("settings.persisted") : t("settings.notPersisted")}
              </p>
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
