// Always on the staff screens (docs/sync-protocol.md "Client rules"): unsynced
// count, age of the oldest unsynced change, last successful sync, whether the
// storage is persistent, and "Sync now". Customers never see it.
import { ageKey } from "@sightline/shared/i18n/common";
import type { KioskStatus } from "../worker/api.ts";
import { type T, useI18n } from "./i18n.tsx";
import { useKiosk } from "./kiosk-context.ts";
import { useNow } from "./use-now.ts";

export type StatusStripProps = {
  status: KioskStatus;
  compact?: boolean;
  /** Whether the browser keeps the storage persistent (null: not known yet). */
  persisted?: boolean | null | undefined;
};

const age = (t: T, ms: number) => {
  const { key, n } = ageKey(ms);
  return t(key, { n });
};

function problem(s: KioskStatus, t: T): string | null {
  if (s.sync === "unauthorized") return t("sync.unauthorized");
  if (s.sync === "too-old") return t("sync.tooOld");
  if (s.sync === "syncing") return null;
  if (s.failure === "network") return t("sync.offline");
  if (s.failure) return t("error.network");
  return null;
}

export function StatusStrip({ status: s, compact = false, persisted = null }: StatusStripProps) {
  const { t } = useI18n();
  const { api, platform } = useKiosk();
  // Re-render every 5 s; read the clock at render, since status updates re-render too.
  useNow(5000);
  const now = platform.now();
  const issue = problem(s, t);
  // Offline is normal for a kiosk and loses nothing: amber, not red.
  const offline = s.failure === "network" && s.sync === "waiting";
  const tone =
    issue && !offline ? "warn" : s.unsynced > 0 || s.sync === "syncing" || offline ? "busy" : "ok";
  return (
    <footer
      class={`status-strip status-strip--${tone}${compact ? " status-strip--compact" : ""}`}
      data-testid="status-strip"
      data-unsynced={s.unsynced}
      data-sync={s.sync}
      aria-live="polite"
    >
      <span class="status-strip__dot" aria-hidden="true" />
      <span class="status-strip__count">
        {s.unsynced > 0 ? t("sync.unsynced", { count: s.unsynced }) : t("sync.allSynced")}
        {s.unsynced > 0 && s.oldestUnsyncedAt !== null ? (
          <span class="status-strip__muted">
            {" · "}
            {t("sync.oldest", { age: age(t, now - s.oldestUnsyncedAt) })}
          </span>
        ) : null}
      </span>
      <span class="status-strip__last">
        {s.sync === "syncing"
          ? t("sync.syncing")
          : s.lastSyncAt !== null
            ? t("sync.last", { age: age(t, now - s.lastSyncAt) })
            : t("sync.never")}
      </span>
      {issue ? (
        <span class={`status-strip__issue${offline ? " status-strip__issue--calm" : ""}`}>
          {issue}
        </span>
      ) : null}
      {persisted === false ? (
        <span class="status-strip__issue" data-testid="not-persisted">
          {t("sync.notPersisted")}
        </span>
      ) : null}
      {s.rejected > 0 ? (
        <span class="status-strip__issue">{t("sync.rejected", { count: s.rejected })}</span>
      ) : null}
      {s.sync === "unauthorized" ? null : (
        // A revoked tablet cannot sync: no button that would do nothing.
        <button
          type="button"
          class="button button--quiet status-strip__sync"
          disabled={s.sync === "syncing"}
          onClick={() => void api.requestSync("manual")}
        >
          {t("sync.now")}
        </button>
      )}
    </footer>
  );
}
