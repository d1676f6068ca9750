// Staff's view of this tablet: store, workspace, device id, server, storage
// persistence, and unpairing — which never deletes unsynced data without an
// explicit, warned confirmation.
import { useEffect, useState } from "preact/hooks";
import type { KioskStatus } from "../worker/api.ts";
import { useI18n } from "./i18n.tsx";
import { useKiosk } from "./kiosk-context.ts";

export type DevicePanelProps = { status: KioskStatus; onClose(): void };

export function DevicePanel({ status, onClose }: DevicePanelProps) {
  const { t } = useI18n();
  const { api, platform } = useKiosk();
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [ack, setAck] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    platform.persisted().then(setPersisted, () => setPersisted(false));
  }, [platform]);

  const unsynced = status.unsynced;
  const unpair = async () => {
    setBusy(true);
    const r = await api.unpair(unsynced > 0 && ack);
    setBusy(false);
    // New unsynced data arrived meanwhile: the status shows it, ask again.
    if (!r.ok) setAck(false);
  };

  return (
    <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="device-title">
      <div class="dialog device-panel">
        <h2 id="device-title" class="dialog__title">
          {confirming ? t("unpair.title") : t("settings.title")}
        </h2>
        {!confirming ? (
          <>
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
        ) : (
          <>
            {unsynced > 0 ? (
              <div class="warning warning--strong" role="alert" data-testid="unpair-warning">
                <p>{t("unpair.warn", { count: unsynced })}</p>
                <p>{t("unpair.warnHint")}</p>
                <label class="check">
                  <input
                    type="checkbox"
                    checked={ack}
                    onChange={(e) => setAck((e.currentTarget as HTMLInputElement).checked)}
                  />
                  {t("unpair.ack", { count: unsynced })}
                </label>
              </div>
            ) : (
              <p>{t("unpair.safe")}</p>
            )}
            <div class="button-row">
              <button
                type="button"
                class="button button--primary"
                onClick={() => {
                  setConfirming(false);
                  setAck(false);
                }}
              >
                {t("unpair.keep")}
              </button>
              {unsynced > 0 ? (
                <button type="button" class="button" onClick={() => void api.requestSync("manual")}>
                  {t("sync.now")}
                </button>
              ) : null}
              <button
                type="button"
                class="button button--danger"
                data-testid="unpair-confirm"
                disabled={busy || (unsynced > 0 && !ack)}
                onClick={() => void unpair()}
              >
                {unsynced > 0 ? t("unpair.confirmLoss") : t("unpair.confirm")}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
