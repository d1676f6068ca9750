// The kiosk's sync side, run inside the Web Worker behind worker/rpc.ts: the device
// record (id, token, PIN hash), the shared sync engine on IndexedDB, its
// scheduler, and the live poke stream. Everything it needs is injected, so
// tests run it in Node with fake-indexeddb and a fake server.
//
// Revocation loses nothing: a 401 marks the tablet revoked (kept across
// reloads); it then refuses new writes, keeps its queue, exports it on request,
// and re-admission with a new code under the same id sends it.

import { uuidv4 } from "@sightline/shared/ids";
import { DeviceRevokedError } from "@sightline/shared/sync/device-revoked";
import { createSyncEngine, type SyncEngine } from "@sightline/shared/sync/engine";
import { exportUnsent } from "@sightline/shared/sync/export-unsent";
import {
  createSyncScheduler,
  type SyncScheduler,
  type SyncStatus,
} from "@sightline/shared/sync/scheduler";
import type { SyncStorage } from "@sightline/shared/sync/storage";
import { createFetchTransport } from "@sightline/shared/sync/transport";
import { hashPin, isValidPin, PIN_ITERATIONS, verifyPin } from "../core/pin.ts";
import { tallyOf } from "../core/tally.ts";
import { parseKioskAlerts } from "./alerts-answer.ts";
import type {
  KioskApi,
  KioskStatus,
  PairInput,
  PairResult,
  SyncNowResult,
  UnpairConfirmation,
} from "./api.ts";
import type { DeviceRecord, DeviceRecordStorage } from "./device-record.ts";
import { normaliseServerUrl, pairDevice } from "./pair-device.ts";
import { type PokeStream, watchPokes } from "./poke-stream.ts";

export type KioskServiceDeps = {
  deviceRecord: DeviceRecordStorage;
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
  const listeners = new Set<(s: KioskStatus) => void>();
  const revoked = () => record.revokedAt !== undefined;

  const ready = (async () => {
    const existing = await deps.deviceRecord.get();
    record = existing ?? { deviceId: uuidv4() };
    if (!existing) await deps.deviceRecord.put(record);
    storage = await deps.openStorage();
    if (isPaired(record)) {
      await storage.init(record.deviceId, record.device.workspaceId);
      if (!revoked()) start();
    }
  })();

  /** A sync answered 401: stop syncing with a dead token, refuse writes, keep the queue. */
  async function markRevoked() {
    if (revoked()) return;
    record = { ...record, revokedAt: now() };
    stop();
    emit();
    await deps.deviceRecord.put(record);
  }

  function start() {
    if (!isPaired(record)) return;
    const { serverUrl, token } = record;
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
      onStatus: (s) => {
        // A round of a session already replaced (re-admission) says nothing about this token.
        if (s.state === "unauthorized" && session?.scheduler === scheduler) void markRevoked();
        emit();
      },
    });
    const stream =
      deps.pokes === false
        ? null
        : watchPokes({
            url: new URL("/v1/sync/events", serverUrl).toString(),
            token,
            fetch: deps.fetch,
            onPoke: () => scheduler.request("poke"),
            // A refused stream may be revocation: a sync round finds out (401 → revoked).
            onDenied: () => scheduler.request("poke"),
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
    const gone = revoked();
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
      sync: gone ? "unauthorized" : (s?.state ?? "idle"),
      failure: gone ? "unauthorized" : outcome && !outcome.ok ? outcome.failure : null,
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
    if (revoked()) throw new DeviceRevokedError();
    if (!session) throw new Error("this tablet is not paired");
    return session;
  };
  const unsynced = async () => ((await storage.meta()) ? (await storage.stats()).unsynced : 0);
  /** Nothing to lose, or both confirmations name exactly what would be lost. */
  const lossConfirmed = (n: number, c: UnpairConfirmation | undefined) =>
    n === 0 || (c !== undefined && c.understood === n && c.confirmed === n);

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
      await deps.deviceRecord.put(record);
      // A fresh storage starts its seq line after what the server holds for this id.
      await storage.init(record.deviceId, answer.device.workspaceId, answer.lastSeq);
      start();
      emit();
      return { ok: true };
    },

    async reconnect(code) {
      await ready;
      if (!isPaired(record)) throw new Error("this tablet is not paired");
      const answer = await pairDevice(deps.fetch, record.serverUrl, {
        code: code.replace(/\s+/g, ""),
        deviceId: record.deviceId,
        ...(record.name ? { name: record.name } : {}),
      });
      // Refused (wrong code, id taken, offline): nothing changes, the queue stays.
      if (!answer.ok) return answer;
      stop();
      const { revokedAt: _gone, ...kept } = record;
      record = { ...kept, token: answer.token, device: answer.device, pairedAt: now() };
      await deps.deviceRecord.put(record);
      // The same storage and seq line: the server kept lastSeq, the queue goes out as it is.
      await storage.init(record.deviceId, answer.device.workspaceId, answer.lastSeq);
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

    async syncNow(): Promise<SyncNowResult> {
      await ready;
      if (revoked()) return { ok: false, failure: "unauthorized", unsynced: await unsynced() };
      const outcome = await paired().scheduler.syncNow();
      const left = await unsynced();
      if (outcome?.ok) return { ok: true, unsynced: left };
      return { ok: false, failure: outcome?.failure ?? "stopped", unsynced: left };
    },

    async exportUnsent() {
      await ready;
      return exportUnsent(storage, { kind: "kiosk", appVersion: deps.appVersion, now: now() });
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

    async alerts() {
      await ready;
      if (!isPaired(record) || revoked()) return null;
      try {
        const res = await deps.fetch(
          new URL("/v1/devices/me/alerts", record.serverUrl).toString(),
          {
            headers: { authorization: `Bearer ${record.token}`, accept: "application/json" },
            cache: "no-store",
          },
        );
        if (!res.ok) return null;
        // The server's answer is parsed, never cast: a bad one shows nothing.
        return parseKioskAlerts(await res.json());
      } catch {
        return null;
      }
    },

    async checkPin(pin) {
      await ready;
      return record.pin ? verifyPin(pin, record.pin) : false;
    },

    async unpair(confirm) {
      await ready;
      const left = await unsynced();
      if (!lossConfirmed(left, confirm)) return { ok: false, unsynced: left };
      stop();
      storage.close?.();
      await deps.deleteStorage();
      // A new id: the server keeps the old device's lastSeq, and seqs restart at 1.
      record = { deviceId: uuidv4() };
      await deps.deviceRecord.put(record);
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
