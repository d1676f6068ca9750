// The typed contract between the kiosk UI and its sync worker (comlink RPC).
// Types only: the UI imports nothing that runs in the worker.
import type { SyncConfig } from "@sightline/shared/schema/config";
import type { LocalWrite } from "@sightline/shared/sync/storage";
import type { Tally } from "../core/tally.ts";

/** What the server answered at pairing (API.md `POST /v1/devices/pair`). */
export type PairedDevice = {
  id: string;
  kind: string;
  role: string;
  storeId?: string;
  workspaceId: string;
};

export type SyncState = "idle" | "syncing" | "waiting" | "unauthorized" | "too-old";

export type KioskStatus = {
  deviceId: string;
  paired: boolean;
  serverUrl: string | null;
  device: PairedDevice | null;
  name: string | null;
  /** Store and workspace settings from the last pull that carried them. */
  config: SyncConfig | null;
  unsynced: number;
  oldestUnsyncedAt: number | null;
  lastSyncAt: number | null;
  sync: SyncState;
  /** Why the last round failed (network, server, …), null after a good one. */
  failure: string | null;
  /** Mutations the server refused for good (kept on the server's list). */
  rejected: number;
};

export type PairInput = { serverUrl: string; code: string; name?: string; pin: string };
export type PairError = "url" | "pin" | "code" | "network" | "server";
export type PairResult = { ok: true } | { ok: false; error: PairError; status?: number };

export type WriteResult = { id: string; seq: number };
export type UnpairResult = { ok: true } | { ok: false; unsynced: number };
export type SyncReason = "online" | "visible" | "manual" | "poke";

export interface KioskApi {
  status(): Promise<KioskStatus>;
  /** `listener` is called with every status change (wrap it in comlink.proxy over RPC). */
  subscribe(listener: (s: KioskStatus) => void): Promise<void>;
  pair(input: PairInput): Promise<PairResult>;
  /** Resolves once the write and its outbox entry are committed to IndexedDB. */
  write(w: LocalWrite): Promise<WriteResult>;
  requestSync(reason: SyncReason): Promise<void>;
  /** Today's taps per behaviour, from the local mirror. */
  tally(day: string, timeZone?: string): Promise<Tally>;
  checkPin(pin: string): Promise<boolean>;
  /** Refuses while unsynced data exists unless `force` (the warned confirmation). */
  unpair(force: boolean): Promise<UnpairResult>;
}
