import { useState } from "preact/hooks";
import type { SyncStatusView } from "../../messages.ts";
import { useClient } from "../client-context.ts";
import { type T, useI18n } from "../i18n.ts";
import { ExportUnsent } from "./ExportUnsent.tsx";

export type UnpairFlowProps = {
  status: SyncStatusView;
  download(name: string, text: string): void;
  onUnpaired(): void;
};

/** What one "Sync now" round did, from the status it ended with. */
export function syncNowMessage(t: T, s: SyncStatusView): string {
  const left = s.unsynced + s.pendingBlobs;
  if (s.state === "unauthorized") return t("sync.unauthorized");
  if (s.state === "too-old") return t("sync.tooOld");
  if (s.state === "waiting" && s.lastError === "network")
    return t("syncNow.offline", { count: left });
  if (s.state === "waiting") return t("syncNow.failed", { count: left });
  return left === 0 ? t("syncNow.done") : t("syncNow.left", { count: left });
}

type Step = { kind: "start" } | { kind: "warn"; count: number } | { kind: "final"; count: number };

/**
 * Unpairing. With nothing unsent it is one step. With unsent changes it never
 * deletes them on one click: it offers Export unsent data and (when it can
 * help) Sync now first, then takes two separate confirmations that each name
 * the count — a tick, then typing the number — and the worker checks both.
 */
export function UnpairFlow({ status, download, onUnpaired }: UnpairFlowProps) {
  const client = useClient();
  const { t } = useI18n();
  const [step, setStep] = useState<Step>({ kind: "start" });
  const [understood, setUnderstood] = useState(false);
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [synced, setSynced] = useState<string | null>(null);
  const revoked = status.state === "unauthorized";

  const unpair = async (confirm: { understood?: number; confirmed?: number }) => {
    setBusy(true);
    try {
      const r = await client.request({ type: "unpair", ...confirm });
      if (r.ok) return onUnpaired();
      // Unsent changes (or more than were confirmed): ask again, from the first step.
      setUnderstood(false);
      setTyped("");
      setStep({ kind: "warn", count: r.unsynced });
    } finally {
      setBusy(false);
    }
  };
  const syncNow = async () => {
    setBusy(true);
    setSynced(t("sync.syncing"));
    try {
      const s = await client.request({ type: "sync.now" });
      setSynced(syncNowMessage(t, s));
      const left = s.unsynced + s.pendingBlobs;
      // Everything went out: unpairing is one step again.
      setStep(left === 0 ? { kind: "start" } : { kind: "warn", count: left });
      setUnderstood(false);
    } finally {
      setBusy(false);
    }
  };

  if (step.kind === "start") {
    return (
      <div class="unpair">
        <button type="button" class="danger" disabled={busy} onClick={() => void unpair({})}>
          {t("options.unpair")}
        </button>
        {synced && (
          <p class="muted" role="status" data-testid="unpair-sync-result">
            {synced}
          </p>
        )}
      </div>
    );
  }
  const { count } = step;
  if (step.kind === "final") {
    return (
      <div class="warn unpair" role="alert" data-testid="unpair-final">
        <p>{t("options.unpairFinal", { count })}</p>
        <label>
          <span>{t("options.unpairFinalLabel")}</span>
          <input
            inputMode="numeric"
            autoComplete="off"
            value={typed}
            onInput={(e) => setTyped(e.currentTarget.value.trim())}
            data-testid="unpair-count"
          />
        </label>
        <div class="row">
          <button
            type="button"
            class="danger"
            disabled={busy || typed !== String(count)}
            onClick={() => void unpair({ understood: count, confirmed: Number(typed) })}
            data-testid="unpair-confirm"
          >
            {t("options.unpairConfirm", { count })}
          </button>
          <button type="button" onClick={() => setStep({ kind: "warn", count })}>
            {t("options.back")}
          </button>
          <button type="button" onClick={() => setStep({ kind: "start" })}>
            {t("options.cancel")}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div class="warn unpair" role="alert" data-testid="unpair-warning">
      <p>{t("options.unpairWarn", { count })}</p>
      <p>{t("options.unpairExportFirst")}</p>
      <ExportUnsent download={download} />
      {!revoked && (
        <div class="row">
          <span class="muted">{t("options.unpairSyncHint")}</span>
          <button
            type="button"
            disabled={busy}
            onClick={() => void syncNow()}
            data-testid="unpair-sync"
          >
            {t("sync.now")}
          </button>
        </div>
      )}
      {synced && (
        <p class="muted" role="status" data-testid="unpair-sync-result">
          {synced}
        </p>
      )}
      <label class="inline">
        <input
          type="checkbox"
          checked={understood}
          onChange={(e) => setUnderstood(e.currentTarget.checked)}
          data-testid="unpair-ack"
        />
        {t("options.unpairAck", { count })}
      </label>
      <div class="row">
        <button
          type="button"
          class="danger"
          disabled={!understood}
          onClick={() => {
            setTyped("");
            setStep({ kind: "final", count });
          }}
          data-testid="unpair-continue"
        >
          {t("options.unpairContinue")}
        </button>
        <button type="button" onClick={() => setStep({ kind: "start" })}>
          {t("options.cancel")}
        </button>
      </div>
    </div>
  );
}
