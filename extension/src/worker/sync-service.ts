// The worker's view of pairing and sync: opens the session for the stored
// pairing (lazily, once per worker life), pairs and unpairs, and reports the
// status strip every UI shows (unsynced count, oldest age, last sync).
import type { SyncStatus, SyncStorage } from "@sightline/shared";
import type { Pairing, PairResult, SyncStatusView, UnpairResult } from "../messages.ts";
import type { BlobStore } from "./blob-store.ts";
import { type PairInput, pairDevice } from "./pairing.ts";
import type { SettingsStore } from "./settings-store.ts";
import { openSyncSession, type SyncSession, syncDbName } from "./sync-session.ts";

export type SyncServiceDeps = {
  settings: SettingsStore;
  blobs: BlobStore;
  fetch: typeof fetch;
  appVersion: string;
  openStorage(name: string): Promise<SyncStorage & { close?(): void }>;
  deleteStorage(name: string): Promise<void>;
  onStatus(view: SyncStatusView): void;
};

export type SyncService = {
  /** The open session, or null when not paired. */
  session(): Promise<SyncSession | null>;
  status(): Promise<SyncStatusView>;
  /** Run a sync round now and wait for the scheduler to settle. */
  syncNow(): Promise<SyncStatusView>;
  request(reason: "write" | "timer" | "visible" | "start"): Promise<void>;
  pair(input: PairInput): Promise<PairResult>;
  unpair(force: boolean): Promise<UnpairResult>;
};

const SYNC_NOW_TIMEOUT_MS = 45_000;

export function createSyncService(d: SyncServiceDeps): SyncService {
  let opening: Promise<SyncSession | null> | null = null;
  let last: SyncStatus | null = null;
  // "Sync now" callers, resolved when a round that started after they asked has ended.
  let waiters: { started: boolean; resolve(): void }[] = [];
  const statusChanged = (s: SyncStatus) => {
    last = s;
    if (s.state === "syncing") for (const w of waiters) w.started = true;
    else {
      for (const w of waiters) if (w.started) w.resolve();
      waiters = waiters.filter((w) => !w.started);
    }
    void status().then(d.onStatus);
  };

  async function start(pairing: Pairing): Promise<SyncSession> {
    const storage = await d.openStorage(syncDbName(pairing.deviceId));
    return openSyncSessionWith(pairing, storage);
  }
  const openSyncSessionWith = (pairing: Pairing, storage: SyncStorage & { close?(): void }) =>
    openSyncSession({
      pairing,
      storage,
      blobs: d.blobs,
      fetch: d.fetch,
      appVersion: d.appVersion,
      onStatus: statusChanged,
    });
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
    return {
      paired: true,
      serverUrl: s.pairing.serverUrl,
      workspaceName: meta?.config?.workspace.name ?? null,
      unsynced: stats.unsynced,
      oldestUnsyncedAt: stats.oldestUnsyncedAt,
      lastSyncAt: meta?.lastSyncAt ?? null,
      pendingBlobs,
      state: sched.state,
      lastError: outcome && !outcome.ok ? outcome.failure : null,
      rejected: meta?.rejected.length ?? 0,
    };
  }

  return {
    session,
    status,
    async syncNow() {
      const s = await session();
      if (s) {
        // Wait for one full round (not for the scheduler to go idle: offline it never does).
        const round = new Promise<void>((resolve) => waiters.push({ started: false, resolve }));
        s.scheduler.request("manual");
        await Promise.race([round, new Promise((r) => setTimeout(r, SYNC_NOW_TIMEOUT_MS))]);
      }
      return status();
    },
    async request(reason) {
      (await session())?.scheduler.request(reason);
    },
    async pair(input) {
      // One pairing at a time: unpair first (it warns about unsynced data).
      if (await session()) return { ok: false, error: "server", detail: "already paired" };
      const { result, pairing } = await pairDevice(input, d.fetch);
      if (!pairing) return result;
      await d.settings.setPairing(pairing);
      const started = start(pairing);
      opening = started;
      (await started).scheduler.request("start");
      return result;
    },
    async unpair(force) {
      const s = await session();
      if (!s) return { ok: true };
      const { unsynced } = await s.storage.stats();
      const pendingBlobs = await d.blobs.countPending();
      if ((unsynced > 0 || pendingBlobs > 0) && !force)
        return { ok: false, unsynced: unsynced + pendingBlobs };
      s.close();
      opening = Promise.resolve(null);
      last = null;
      await d.settings.setPairing(null);
      await d.deleteStorage(syncDbName(s.pairing.deviceId));
      await d.blobs.clear();
      d.onStatus(await status());
      return { ok: true };
    },
  };
}
