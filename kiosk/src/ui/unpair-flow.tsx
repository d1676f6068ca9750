// Unpairing, inside the Device panel. With nothing unsent it is one step.
// With unsent changes it never deletes them on one tap: it offers Export
// unsent data and (when it can help) Sync now first, then takes two separate
// confirmations that each name how many changes will be lost — a tick, then
// typing the number — and the worker checks both against what is unsent.
import { useState } from "preact/hooks";
import type { KioskStatus, SyncNowResult } from "../worker/api.ts";
import { ExportUnsent } from "./export-unsent.tsx";
import { type T, useI18n } from "./i18n.tsx";
import { useKiosk } from "./kiosk-context.ts";

export type UnpairFlowProps = { status: KioskStatus; onCancel(): void };

export function syncNowMessage(t: T, r: SyncNowResult): string {
  if (r.ok) return r.unsynced === 0 ? t("syncNow.done") : t("syncNow.left", { count: r.unsynced });
  if (r.failure === "network") return t("syncNow.offline", { count: r.unsynced });
  if (r.failure === "unauthorized") return t("sync.unauthorized");
  if (r.failure === "too-old") return t("sync.tooOld");
  return t("syncNow.failed", { count: r.unsynced });
}

export function UnpairFlow({ status, onCancel }: UnpairFlowProps) {
  const { t } = useI18n();
  const { api } = useKiosk();
  const unsynced = status.unsynced;
  const revoked = status.sync === "unauthorized";
  // The count each confirmation was given for; a new unsent change voids them.
  const [understood, setUnderstood] = useState<number | null>(null);
  const [final, setFinal] = useState(false);
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [synced, setSynced] = useState<string | null>(null);
  const ticked = understood === unsynced;

  const unpair = async () => {
    setBusy(true);
    try {
      const r = await api.unpair(
        unsynced > 0 ? { understood: understood ?? 0, confirmed: Number(typed) } : undefined,
      );
      // New unsent changes arrived meanwhile: the status shows them, ask again from the start.
      if (!r.ok) {
        setUnderstood(null);
        setFinal(false);
        setTyped("");
      }
    } finally {
      setBusy(false);
    }
  };
  const syncNow = async () => {
    setBusy(true);
    setSynced(t("sync.syncing"));
    try {
      setSynced(syncNowMessage(t, await api.syncNow()));
    } catch (e) {
      setSynced(t("error.generic", { detail: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  if (unsynced === 0) {
    return (
      <>
        <h2 id="device-title" class="dialog__title">
          {t("unpair.title")}
        </h2>
        <p>{t("unpair.safe")}</p>
        <div class="button-row">
          <button type="button" class="button button--primary" onClick={onCancel}>
            {t("unpair.keep")}
          </button>
          <button
            type="button"
            class="button button--danger"
            data-testid="unpair-confirm"
            disabled={busy}
            onClick={() => void unpair()}
          >
            {t("unpair.confirm")}
          </button>
        </div>
      </>
    );
  }

  if (final && ticked) {
    return (
      <>
        <h2 id="device-title" class="dialog__title">
          {t("unpair.finalTitle")}
        </h2>
        <div class="warning warning--strong" role="alert" data-testid="unpair-final">
          <p>{t("unpair.final", { count: unsynced })}</p>
          <label class="field">
            <span class="field__label">{t("unpair.finalLabel")}</span>
            <input
              class="field__input"
              name="confirm-count"
              inputMode="numeric"
              autoComplete="off"
              value={typed}
              onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value.trim())}
            />
          </label>
        </div>
        <div class="button-row">
          <button type="button" class="button button--primary" onClick={onCancel}>
            {t("unpair.keep")}
          </button>
          <button type="button" class="button" onClick={() => setFinal(false)}>
            {t("unpair.back")}
          </button>
          <button
            type="button"
            class="button button--danger"
            data-testid="unpair-confirm"
            disabled={busy || typed !== String(unsynced)}
            onClick={() => void unpair()}
          >
            {t("unpair.confirmLoss", { count: unsynced })}
          </button>
        </div>
      </>
    );
  }

  return (
    <>
      <h2 id="device-title" class="dialog__title">
        {t("unpair.title")}
      </h2>
      <div class="warning warning--strong" role="alert" data-testid="unpair-warning">
        <p>{t("unpair.warn", { count: unsynced })}</p>
        <p>{t("unpair.exportFirst")}</p>
      </div>
      <ExportUnsent />
      {revoked ? null : (
        <div class="unpair__sync">
          <p class="hint">{t("unpair.warnHint")}</p>
          <button
            type="button"
            class="button"
            data-testid="unpair-sync"
            disabled={busy}
            onClick={() => void syncNow()}
          >
            {t("sync.now")}
          </button>
          {synced ? (
            <p class="hint" role="status" data-testid="unpair-sync-result">
              {synced}
            </p>
          ) : null}
        </div>
      )}
      <label class="check">
        <input
          type="checkbox"
          data-testid="unpair-ack"
          checked={ticked}
          onChange={(e) =>
            setUnderstood((e.currentTarget as HTMLInputElement).checked ? unsynced : null)
          }
        />
        {t("unpair.ack", { count: unsynced })}
      </label>
      <div class="button-row">
        <button type="button" class="button button--primary" onClick={onCancel}>
          {t("unpair.keep")}
        </button>
        <button
          type="button"
          class="button button--danger-quiet"
          data-testid="unpair-continue"
          disabled={!ticked}
          onClick={() => {
            setTyped("");
            setFinal(true);
          }}
        >
          {t("unpair.continue")}
        </button>
      </div>
    </>
  );
}
