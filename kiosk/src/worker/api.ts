// The typed contract between the kiosk UI and its sync worker (worker/rpc.ts).
// Types only: the UI imports nothing that runs in the worker.
import type { SyncConfig } from "@sightline/shared/schema/config";
import type { UnsentExportFile } from "@sightline/shared/sync/export-unsent";
import type { PairedDevice } from "@sightline/shared/sync/pair-device";
import type { LocalWrite } from "@sightline/shared/sync/storage";
import type { Tally } from "../core/tally.ts";
import type { KioskAlert } from "./alerts-answer.ts";

/** What the server answered at pairing (`POST /v1/devices/pair`). */
export type { KioskAlert, PairedDevice };

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
  /** "unauthorized": a manager revoked this tablet; writes are refused, the queue is kept. */
  sync: SyncState;
  /** Why the last round failed (network, server, …), null after a good one. */
  failure: string | null;
  /** Mutations the server refused for good (kept on the server's list). */
  rejected: number;
};

export type PairInput = { serverUrl: string; code: string; name?: string; pin: string };
/** `device-id-taken`: re-admission refused, this id belongs to a device that is not revoked. */
export type PairError = "url" | "pin" | "code" | "network" | "server" | "device-id-taken";
export type PairResult = { ok: true } | { ok: false; error: PairError; status?: number };

export type WriteResult = { id: string; seq: number };
/**
 * Unpairing over unsent writes deletes them, so it takes two separate
 * confirmations, each naming how many writes will be lost ("I understand N
 * changes will be lost", then typing N). Both must match what is unsent now.
 */
export type UnpairConfirmation = { understood: number; confirmed: number };
export type UnpairResult = { ok: true } | { ok: false; unsynced: number };
/** What a "Sync now" round did; `unsynced` is what still waits on the tablet. */
export type SyncNowResult =
  | { ok: true; unsynced: number }
  | { ok: false; failure: string; unsynced: number };
export type SyncReason = "online" | "visible" | "manual" | "poke";

export interface KioskApi {
  status(): Promise<KioskStatus>;
  /** `listener` is called with every status change (a callback over worker/rpc.ts). */
  subscribe(listener: (s: KioskStatus) => void): Promise<void>;
  pair(input: PairInput): Promise<PairResult>;
  /** Resolves once the write and its outbox entry are committed to IndexedDB. */
  write(w: LocalWrite): Promise<WriteResult>;
  requestSync(reason: SyncReason): Promise<void>;
  /** Today's taps per behaviour, from the local mirror. */
  tally(day: string, timeZone?: string): Promise<Tally>;
  checkPin(pin: string): Promise<boolean>;
  /** Run a sync round now and report it (refused at once while revoked). */
  syncNow(): Promise<SyncNowResult>;
  /** The unsent writes as "sightline-unsent" files (none when nothing is unsent). */
  exportUnsent(): Promise<UnsentExportFile[]>;
  /**
   * Re-admission of a revoked tablet: pair again with a new code under the
   * same device id, keeping the PIN, the storage and its queue.
   */
  reconnect(code: string): Promise<PairResult>;
  /** Refuses while unsynced data exists unless both confirmations name the count. */
  unpair(confirm?: UnpairConfirmation): Promise<UnpairResult>;
  /**
   * The open alerts of this kiosk's store (GET /v1/devices/me/alerts), for
   * the staff view; null when unpaired, revoked or the server cannot be reached.
   */
  alerts(): Promise<KioskAlert[] | null>;
}
