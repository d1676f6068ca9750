// The worker's view of pairing and sync: opens the session for the stored
// pairing (lazily, once per worker life), pairs and unpairs, and reports the
// status strip every UI shows (unsynced count, oldest age, last sync).
//
// Revocation loses nothing: a 401 marks the pairing revoked (kept in storage
// across worker restarts); from then on writes are refused, no sync is tried
// with the dead token, the queue stays and can be exported, and re-admission
// with a new code under the same device id opens the same database again and
// sends it. Unpairing over unsent writes needs two confirmations naming them.
import { exportUnsent, type SyncStatus, type SyncStorage } from "@sightline/shared";
import type { Pairing, PairResult, SyncStatusView, UnpairResult, UnsentFile } from "../messages.ts";
import type { BlobStorage } from "./blob-storage.ts";
import { type PairInput, pairDevice } from "./pairing.ts";
import type { SettingsStorage } from "./settings-storage.ts";
import { openSyncSession, type SyncSession, syncDbName } from "./sync-session.ts";

export type SyncServiceDeps = {
  settings: SettingsStorage;
  blobs: BlobStorage;
  fetch: typeof fetch;
  appVersion: string;
  openStorage(name: string): Promise<SyncStorage & { close?(): void }>;
  deleteStorage(name: string): Promise<void>;
  onStatus(view: SyncStatusView): void;
  now?: () => number;
};

/** The two confirmations of unpairing over unsent writes: each names the count. */
export type UnpairConfirmation = {
  understood?: number | undefined;
  confirmed?: number | undefined;
};

export type SyncService = {
  /** The open session, or null when not paired. */
  session(): Promise<SyncSession | null>;
  status(): Promise<SyncStatusView>;
  /** Run a sync round now and wait for it (not while revoked: nothing to try). */
  syncNow(): Promise<SyncStatusView>;
  request(reason: "write" | "timer" | "visible" | "start"): Promise<void>;
  pair(input: PairInput): Promise<PairResult>;
  /** Re-admission of a revoked install: a new code, the same device id and database. */
  reconnect(code: string): Promise<PairResult>;
  exportUnsent(): Promise<UnsentFile[]>;
  unpair(confirm: UnpairConfirmation): Promise<UnpairResult>;
};

const SYNC_NOW_TIMEOUT_MS = 45_000;

export function createSyncService(d: SyncServiceDeps): SyncService {
  const now = d.now ?? Date.now;
  let opening: Promise<SyncSession | null> | null = null;
  let last: SyncStatus | null = null;
  // The open session's pairing as stored (revokedAt included).
  let current: Pairing | null = null;
  const revoked = () => current?.revokedAt !== undefined;

  /** A round answered 401: stop syncing with a dead token, refuse writes, keep the queue. */
  async function markRevoked(s: SyncSession) {
    if (!current || current.deviceId !== s.pairing.deviceId || revoked()) return;
    current = { ...current, revokedAt: now() };
    s.scheduler.stop();
    await d.settings.setPairing(current);
    d.onStatus(await status());
  }

  async function start(
    pairing: Pairing,
    storage?: SyncStorage & { close?(): void },
  ): Promise<SyncSession> {
    current = pairing;
    last = null;
    const s: SyncSession = await openSyncSession({
      pairing,
      storage: storage ?? (await d.openStorage(syncDbName(pairing.deviceId))),
      blobs: d.blobs,
      fetch: d.fetch,
      appVersion: d.appVersion,
      isRevoked: revoked,
      onStatus: (st) => {
        // A session already replaced (re-admission) says nothing about the new token.
        if (current?.token !== pairing.token) return;
        last = st;
        if (st.state === "unauthorized") void markRevoked(s);
        else void status().then(d.onStatus);
      },
    });
    if (revoked()) s.scheduler.stop();
    return s;
  }
  function session(): Promise<SyncSession | null> {
    opening ??= d.settings
      .pairing()
      .then((p) => (p ? start(p) : null))
      .catch((e: unknown) => {
        opening = null; // let the next call try again
        throw e;
      });
    return opening;
  }

  async function status(): Promise<SyncStatusView> {
    const s = await session();
    if (!s) {
      return {
        paired: false,
        serverUrl: null,
        workspaceName: null,
        unsynced: 0,
        oldestUnsyncedAt: null,
        lastSyncAt: null,
        pendingBlobs: await d.blobs.countPending(),
        state: "unpaired",
        lastError: null,
        rejected: 0,
      };
    }
    const [stats, meta, pendingBlobs] = await Promise.all([
      s.storage.stats(),
      s.storage.meta(),
      d.blobs.countPending(),
    ]);
    const sched = last ?? s.scheduler.status();
    const outcome = sched.lastOutcome;
    const gone = revoked();
    return {
      paired: true,
      serverUrl: s.pairing.serverUrl,
      workspaceName: meta?.config?.workspace.name ?? null,
      unsynced: stats.unsynced,
      oldestUnsyncedAt: stats.oldestUnsyncedAt,
      lastSyncAt: meta?.lastSyncAt ?? null,
      pendingBlobs,
      state: gone ? "unauthorized" : sched.state,
      lastError: gone ? "unauthorized" : outcome && !outcome.ok ? outcome.failure : null,
      rejected: meta?.rejected.length ?? 0,
    };
  }

  /** Make `pairing` the session, opening its database or taking the one given. */
  async function switchTo(pairing: Pairing, storage?: SyncStorage & { close?(): void }) {
    await d.settings.setPairing(pairing);
    const started = start(pairing, storage);
    opening = started;
    (await started).scheduler.request("start");
  }

  return {
    session,
    status,
    async syncNow() {
      const s = await session();
      if (s && !revoked()) {
        // Wait for one full round (not for the scheduler to go idle: offline it never does).
        await Promise.race([
          s.scheduler.syncNow(),
          new Promise((r) => setTimeout(r, SYNC_NOW_TIMEOUT_MS)),
        ]);
      }
      return status();
    },
    async request(reason) {
      if (revoked()) return;
      (await session())?.scheduler.request(reason);
    },
    async pair(input) {
      // One pairing at a time: unpair first (it warns about unsynced data).
      if (await session()) return { ok: false, error: "server", detail: "already paired" };
      const { result, pairing, lastSeq } = await pairDevice(input, d.fetch);
      if (!pairing) return result;
      // A fresh database starts its seq line after what the server holds for this id.
      const storage = await d.openStorage(syncDbName(pairing.deviceId));
      await storage.init(pairing.deviceId, pairing.workspaceId, lastSeq);
      await switchTo(pairing, storage);
      return result;
    },
    async reconnect(code) {
      const s = await session();
      if (!s || !current) return { ok: false, error: "server", detail: "not paired" };
      const old = current;
      const { result, pairing } = await pairDevice(
        { serverUrl: old.serverUrl, code },
        d.fetch,
        old.deviceId,
      );
      // Refused (wrong code, id taken, offline): nothing changes, the queue stays.
      if (!pairing) return result;
      s.close();
      // Same id, same database: the server kept lastSeq, the queue goes out as it is.
      await switchTo(pairing);
      return result;
    },
    async exportUnsent() {
      const s = await session();
      if (!s) return [];
      return exportUnsent(s.storage, { kind: "extension", appVersion: d.appVersion, now: now() });
    },
    async unpair(confirm) {
      const s = await session();
      if (!s) return { ok: true };
      const { unsynced } = await s.storage.stats();
      const lost = unsynced + (await d.blobs.countPending());
      if (lost > 0 && (confirm.understood !== lost || confirm.confirmed !== lost))
        return { ok: false, unsynced: lost };
      s.close();
      opening = Promise.resolve(null);
      current = null;
      last = null;
      await d.settings.setPairing(null);
      await d.deleteStorage(syncDbName(s.pairing.deviceId));
      await d.blobs.clear();
      d.onStatus(await status());
      return { ok: true };
    },
  };
}
