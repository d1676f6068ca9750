// The client sync engine's storage port. Each method is ONE atomic storage
// transaction; implementations (IndexedDB via idb, in-memory for tests) share
// the pure steps in local-state.ts so they cannot drift apart. One contract
// suite (shared/test/support/sync-storage.contract.ts) runs against every implementation.
import type { Entity } from "../entity.ts";
import type { SyncConfig } from "../schema/config.ts";
import type { Mutation, MutationOp } from "./messages/mutation.ts";
import type { Cookie, PullResponse } from "./messages/pull.ts";
import type { RejectedMutation } from "./messages/push.ts";

/** An outbox entry: a mutation plus bookkeeping. Acked entries stay N days. */
export type OutboxEntry = Mutation & {
  createdAt: number;
  ackedAt: number | null;
  /**
   * The client schema the write was made under. An app update may leave older
   * entries queued; the engine upcasts them before pushing (upcast.ts).
   * Absent on entries queued before entries said: schema 1.
   */
  schema?: number;
};

export type SyncMeta = {
  deviceId: string;
  workspaceId: string;
  /** Last HLC issued or received (string form), null before the first write. */
  hlc: string | null;
  /** Next seq to hand out; seqs are gap-free and start at 1. */
  nextSeq: number;
  /** Highest seq the server has proven it holds. */
  ackedSeq: number;
  cookie: Cookie | null;
  /** Set while a reset is being pulled into the staging area. */
  staging: { cookie: Cookie | null } | null;
  lastSyncAt: number | null;
  /** Rejections reported by the server, newest last (capped). */
  rejected: RejectedMutation[];
  config: SyncConfig | null;
  /**
   * Server clock minus this device's clock at the last answer, in ms; absent
   * before the first. Stamps are made on the corrected clock.
   */
  clockOffsetMs?: number;
};

/** The mutation as it goes on the wire: without the entry's local bookkeeping. */
export function wireMutation(e: OutboxEntry): Mutation {
  const { createdAt: _c, ackedAt: _a, schema: _s, ...m } = e;
  return m;
}

export type LocalWrite = {
  op: MutationOp;
  id: string;
  fields?: Record<string, unknown>;
  /** The writing app's client schema; default this build's CLIENT_SCHEMA_VERSION. */
  schema?: number;
};

export type OutboxStats = { unsynced: number; oldestUnsyncedAt: number | null };

export interface SyncStorage {
  /**
   * Create meta for a device on first run; no-op when it exists. A fresh
   * storage starts its seq line after `serverLastSeq` (the pairing answer's
   * `device.lastSeq`, non-zero when the server knows this id from before).
   */
  init(deviceId: string, workspaceId: string, serverLastSeq?: number): Promise<SyncMeta>;
  meta(): Promise<SyncMeta | null>;
  /**
   * Validate and apply a local write: advance the HLC, merge into the entity,
   * append to the outbox with the next seq — all in one transaction.
   * Throws LocalWriteError when the write can never apply.
   */
  commitLocal(write: LocalWrite, now: number): Promise<OutboxEntry>;
  /** Outbox entries with seq ≥ fromSeq (acked ones included), in seq order. */
  outboxFrom(fromSeq: number, limit: number): Promise<OutboxEntry[]>;
  /**
   * Mark entries with seq ≤ lastSeq acked; record rejections and sync time;
   * measure the clock error from the answer's `serverTime`. In the same
   * transaction, writes rejected only for their clock are queued again with
   * new seqs and fresh stamps (planRestamp), so an ack never loses one.
   */
  ack(
    lastSeq: number,
    rejected: readonly RejectedMutation[],
    now: number,
    serverTime?: string,
  ): Promise<void>;
  /**
   * The server already holds seqs up to `serverLastSeq` ≥ nextSeq for this
   * device id (storage wiped, device re-paired under the same id): renumber
   * the unsent entries after it, so they are not taken for duplicates.
   * With `all`, renumber every unsent entry even when serverLastSeq < nextSeq
   * (the server answered seq-reused: none of them was applied there).
   */
  rebase(serverLastSeq: number, o?: { all?: boolean }): Promise<void>;
  /** Apply one pull page atomically (reset → staging; last staging page swaps). */
  applyPull(page: PullResponse, now: number): Promise<void>;
  /** Drop acked entries acked before `olderThan`. Returns how many. */
  prune(olderThan: number): Promise<number>;
  stats(): Promise<OutboxStats>;
  entity(id: string): Promise<Entity | undefined>;
  /** The mirror, tombstones included. */
  entities(): Promise<Entity[]>;
}

export class LocalWriteError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "LocalWriteError";
  }
}
