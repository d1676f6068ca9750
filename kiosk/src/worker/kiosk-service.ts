// The kiosk's sync side, run inside the Web Worker behind comlink: the device
// record (id, token, PIN hash), the shared sync engine on IndexedDB, its
// scheduler, and the live poke stream. Everything it needs is injected, so
// tests run it in Node with fake-indexeddb and a fake server.
import { uuidv4 } from "@sightline/shared/ids";
import { createSyncEngine, type SyncEngine } from "@sightline/shared/sync/engine";
import {
  createSyncScheduler,
  type SyncScheduler,
  type SyncStatus,
} from "@sightline/shared/sync/scheduler";
import type { SyncStorage } from "@sightline/shared/sync/storage";
import { createFetchTransport } from "@sightline/shared/sync/transport";
import { hashPin, isValidPin, PIN_ITERATIONS, verifyPin } from "../core/pin.ts";
import { tallyOf } from "../core/tally.ts";
import type { KioskApi, KioskStatus, PairInput, PairResult } from "./api.ts";
import type { DeviceRecord, DeviceStore } from "./device-store.ts";
import { normaliseServerUrl, pairDevice } from "./pair-device.ts";
import { type PokeStream, watchPokes } from "./poke-stream.ts";

export type KioskServiceDeps = {
  deviceStore: DeviceStore;
  openStorage(): Promise<SyncStorage & { close?(): void }>;
  /** Delete the sync database (after `close`), at unpairing. */
  deleteStorage(): Promise<void>;
  fetch: typeof fetch;
  appVersion: string;
  now?: () => number;
  /** Periodic sync (default 60 s). */
  syncIntervalMs?: number;
  /** Longest backoff between failed rounds (default 60 s: a tablet should catch up fast). */
  maxBackoffMs?: number;
  /** Watch GET /v1/sync/events (default true). */
  pokes?: boolean;
  pinIterations?: number;
};

export type KioskService = KioskApi & { ready: Promise<void>; close(): Promise<void> };

type Session = { engine: SyncEngine; scheduler: SyncScheduler; stream: PokeStream | null };

const KEEP_ACKED_MS = 7 * 86_400_000;

const isPaired = (
  r: DeviceRecord,
): r is DeviceRecord & Required<Pick<DeviceRecord, "token" | "serverUrl" | "device">> =>
  Boolean(r.token && r.serverUrl && r.device);

export function createKioskService(deps: KioskServiceDeps): KioskService {
  const now = deps.now ?? Date.now;
  let record: DeviceRecord = { deviceId: "" };
  let storage!: SyncStorage & { close?(): void };
  let session: Session | null = null;
  let denied = false;
  const listeners = new Set<(s: KioskStatus) => void>();

  const ready = (async () => {
    const existing = await deps.deviceStore.get();
    record = existing ?? { deviceId: uuidv4() };
    if (!existing) await deps.deviceStore.put(record);
    storage = await deps.openStorage();
    if (isPaired(record)) {
      await storage.init(record.deviceId, record.device.workspaceId);
      start();
    }
  })();

  function start() {
    if (!isPaired(record)) return;
    const { serverUrl, token } = record;
    denied = false;
    const engine = createSyncEngine({
      storage,
      transport: createFetchTransport({
        baseUrl: serverUrl,
        token: () => token,
        fetch: deps.fetch,
      }),
      appVersion: deps.appVersion,
      keepAckedMs: KEEP_ACKED_MS,
      now,
    });
    const scheduler = createSyncScheduler({
      engine,
      intervalMs: deps.syncIntervalMs ?? 60_000,
      maxDelayMs: deps.maxBackoffMs ?? 60_000,
      now,
      onStatus: emit,
    });
    const stream =
      deps.pokes === false
        ? null
        : watchPokes({
            url: new URL("/v1/sync/events", serverUrl).toString(),
            token,
            fetch: deps.fetch,
            onPoke: () => scheduler.request("poke"),
            onDenied: () => {
              denied = true;
              emit();
            },
          });
    session = { engine, scheduler, stream };
    scheduler.request("start");
  }

  function stop() {
    session?.scheduler.stop();
    session?.stream?.stop();
    session = null;
  }

  async function status(): Promise<KioskStatus> {
    await ready;
    const meta = await storage.meta();
    const stats = meta ? await storage.stats() : { unsynced: 0, oldestUnsyncedAt: null };
    const s: SyncStatus | undefined = session?.scheduler.status();
    const outcome = s?.lastOutcome;
    return {
      deviceId: record.deviceId,
      paired: isPaired(record),
      serverUrl: record.serverUrl ?? null,
      device: record.device ?? null,
      name: record.name ?? null,
      config: meta?.config ?? null,
      unsynced: stats.unsynced,
      oldestUnsyncedAt: stats.oldestUnsyncedAt,
      lastSyncAt: meta?.lastSyncAt ?? null,
      sync: denied && s?.state !== "syncing" ? "unauthorized" : (s?.state ?? "idle"),
      failure: outcome && !outcome.ok ? outcome.failure : null,
      rejected: meta?.rejected.length ?? 0,
    };
  }

  // Status changes come in bursts (a write, then a sync round); coalesce them.
  let queued = false;
  function emit() {
    if (queued || listeners.size === 0) return;
    queued = true;
    queueMicrotask(async () => {
      queued = false;
      const s = await status();
      for (const l of listeners) {
        try {
          l(s);
        } catch {
          // a listener that went away must not stop the others
        }
      }
    });
  }

  const paired = () => {
    if (!session) throw new Error("this tablet is not paired");
    return session;
  };

  return {
    ready,
    status,
    async subscribe(listener) {
      listeners.add(listener);
      emit();
    },

    async pair(input: PairInput): Promise<PairResult> {
      await ready;
      if (isPaired(record)) throw new Error("this tablet is already paired");
      const serverUrl = normaliseServerUrl(input.serverUrl);
      if (!serverUrl) return { ok: false, error: "url" };
      if (!isValidPin(input.pin)) return { ok: false, error: "pin" };
      const pin = await hashPin(input.pin, deps.pinIterations ?? PIN_ITERATIONS);
      const name = input.name?.trim();
      const answer = await pairDevice(deps.fetch, serverUrl, {
        code: input.code.replace(/\s+/g, ""),
        deviceId: record.deviceId,
        ...(name ? { name } : {}),
      });
      if (!answer.ok) return answer;
      record = {
        deviceId: record.deviceId,
        serverUrl,
        token: answer.token,
        device: answer.device,
        ...(name ? { name } : {}),
        pin,
        pairedAt: now(),
      };
      await deps.deviceStore.put(record);
      await storage.init(record.deviceId, answer.device.workspaceId);
      start();
      emit();
      return { ok: true };
    },

    async write(w) {
      await ready;
      const s = paired();
      const entry = await s.engine.write(w);
      s.scheduler.request("write");
      emit();
      return { id: entry.id, seq: entry.seq };
    },

    async requestSync(reason) {
      await ready;
      session?.scheduler.request(reason);
    },

    async tally(day, timeZone) {
      await ready;
      const meta = await storage.meta();
      if (!meta) return {};
      const storeId = meta.config?.store?.id ?? record.device?.storeId;
      return tallyOf(await storage.entities(), {
        day,
        ...(timeZone ? { timeZone } : {}),
        ...(storeId ? { storeId } : {}),
      });
    },

    async checkPin(pin) {
      await ready;
      return record.pin ? verifyPin(pin, record.pin) : false;
    },

    async unpair(force) {
      await ready;
      const meta = await storage.meta();
      const { unsynced } = meta ? await storage.stats() : { unsynced: 0 };
      if (unsynced > 0 && !force) return { ok: false, unsynced };
      stop();
      storage.close?.();
      await deps.deleteStorage();
      // A new id: the server keeps the old device's lastSeq, and seqs restart at 1.
      record = { deviceId: uuidv4() };
      await deps.deviceStore.put(record);
      storage = await deps.openStorage();
      emit();
      return { ok: true };
    },

    async close() {
      await ready.catch(() => undefined);
      stop();
      storage?.close?.();
    },
  };
}
