// Pure steps of the client's storage transactions, shared by every SyncStorage
// implementation so IndexedDB and memory behave identically.
import { correctCapturedAt, isClockReject } from "../captured-at.ts";
import type { Entity } from "../entity.ts";
import {
  DEFAULT_MAX_DRIFT_MS,
  type HlcState,
  hlcCompare,
  hlcFormat,
  hlcInit,
  hlcReceive,
  hlcSend,
  hlcTryParse,
} from "../hlc.ts";
import { emptyEntity, merge } from "../merge.ts";
import { applyMutation } from "./apply-mutation.ts";
import { CLIENT_SCHEMA_VERSION } from "./messages/protocol.ts";
import type { Change, PullResponse } from "./messages/pull.ts";
import { compareCookies } from "./messages/pull.ts";
import type { RejectedMutation } from "./messages/push.ts";
import { type LocalWrite, LocalWriteError, type OutboxEntry, type SyncMeta } from "./storage.ts";

const MAX_KEPT_REJECTIONS = 200;

/**
 * Meta of a fresh storage. `serverLastSeq` is what the server already holds
 * for this device id (re-admitted after a wipe): the new seq line starts after
 * it, so no new write is ever mistaken for a duplicate of an older one.
 */
export function newMeta(deviceId: string, workspaceId: string, serverLastSeq = 0): SyncMeta {
  return {
    deviceId,
    workspaceId,
    hlc: null,
    nextSeq: serverLastSeq + 1,
    ackedSeq: serverLastSeq,
    cookie: null,
    staging: null,
    lastSyncAt: null,
    rejected: [],
    config: null,
  };
}

/**
 * The device's clock state. A stored stamp that no longer parses (written by
 * a build that let a 16-digit stamp in) starts the clock afresh instead of
 * throwing on every write. With `maxAheadOf`, a state further ahead of that
 * time than the drift bound is pulled back to it (see planRestamp).
 */
function clock(meta: SyncMeta, maxAheadOf?: number): HlcState {
  const s = hlcTryParse(meta.hlc);
  if (!s) return hlcInit(meta.deviceId);
  if (maxAheadOf !== undefined && s.ms > maxAheadOf + DEFAULT_MAX_DRIFT_MS)
    return hlcInit(meta.deviceId);
  return { ...s, node: meta.deviceId };
}

/** Largest clock error believed (ten years): a lying answer cannot set a wilder one. */
const MAX_OFFSET_MS = 10 * 365 * 86_400_000;

/**
 * The server's now as this device best knows it: its own clock plus the error
 * measured at the last answer (`serverTime`). Stamps use it, so a tablet whose
 * clock is a day off still writes stamps the server accepts and that order
 * correctly against everyone else's.
 */
export function serverNow(meta: SyncMeta, now: number): number {
  return now + (meta.clockOffsetMs ?? 0);
}

/** Meta with the clock error measured from an answer's `serverTime` (ignored when absurd). */
export function withServerTime(
  meta: SyncMeta,
  serverTime: string | undefined,
  now: number,
): SyncMeta {
  const ms = serverTime === undefined ? Number.NaN : Date.parse(serverTime);
  if (Number.isNaN(ms) || Math.abs(ms - now) > MAX_OFFSET_MS) return meta;
  return { ...meta, clockOffsetMs: ms - now };
}

/** Plan a local write: the new meta, entity and outbox entry (or throw). */
export function planLocalWrite(
  meta: SyncMeta,
  current: Entity | undefined,
  write: LocalWrite,
  now: number,
): { meta: SyncMeta; entity: Entity; entry: OutboxEntry } {
  const hlc = hlcFormat(hlcSend(clock(meta), serverNow(meta, now)));
  const mutation = {
    seq: meta.nextSeq,
    op: write.op,
    id: write.id,
    hlc,
    ...(write.fields ? { fields: write.fields } : {}),
  };
  const result = applyMutation(current ?? null, mutation, {
    workspaceId: meta.workspaceId,
    deviceId: meta.deviceId,
  });
  if (!result.ok) throw new LocalWriteError(result.code, result.message);
  return {
    meta: { ...meta, hlc, nextSeq: meta.nextSeq + 1 },
    entity: result.entity,
    entry: {
      ...mutation,
      createdAt: now,
      ackedAt: null,
      schema: write.schema ?? CLIENT_SCHEMA_VERSION,
    },
  };
}

/**
 * Meta after an ack: ackedSeq only rises; rejections appended, capped. Clock
 * rejections are not kept as rejections: planRestamp queues those writes again.
 */
export function ackMeta(
  meta: SyncMeta,
  lastSeq: number,
  rejected: readonly RejectedMutation[],
  now: number,
  serverTime?: string,
): SyncMeta {
  const known = new Set(meta.rejected.map((r) => r.seq));
  const fresh = rejected.filter((r) => !known.has(r.seq) && r.seq > meta.ackedSeq);
  const final = fresh.filter((r) => !isClockReject(r.code));
  return {
    ...withServerTime(meta, serverTime, now),
    ackedSeq: Math.max(meta.ackedSeq, Math.min(lastSeq, meta.nextSeq - 1)),
    lastSyncAt: now,
    rejected: [...meta.rejected, ...final].slice(-MAX_KEPT_REJECTIONS),
    // A rejected write already changed the local mirror, and the server will
    // never send anything that undoes it: drop the cookie so the next pull
    // rebuilds the mirror (server state + still-unsent writes). Rejections
    // are rare (scope or validation bugs), so a full re-pull is affordable.
    ...(fresh.length > 0 ? { cookie: null } : {}),
  };
}

/** Seqs of the writes an ack refuses only for their clock (to be stamped again). */
export function clockRejectedSeqs(
  before: SyncMeta,
  after: SyncMeta,
  rejected: readonly RejectedMutation[],
): number[] {
  return rejected
    .filter((r) => isClockReject(r.code) && r.seq > before.ackedSeq && r.seq <= after.ackedSeq)
    .map((r) => r.seq)
    .sort((a, b) => a - b);
}

/**
 * Queue again, with fresh seqs and stamps from the server-corrected clock,
 * the writes the server refused only because of this device's clock
 * (`clock-ahead`, `clock-behind`): nothing the user did is lost. A create's
 * capturedAt is moved by the measured clock error when it was out of the
 * window. The cookie is dropped, so the next pull rebuilds the mirror from
 * the server (the refused stamps still sit in it) and replays these entries.
 */
export function planRestamp(
  meta: SyncMeta,
  refused: readonly OutboxEntry[],
  now: number,
): { meta: SyncMeta; entries: OutboxEntry[] } {
  if (refused.length === 0) return { meta, entries: [] };
  const t = serverNow(meta, now);
  let state = clock(meta, t);
  let nextSeq = meta.nextSeq;
  const entries = [...refused]
    .sort((a, b) => a.seq - b.seq)
    .map((e): OutboxEntry => {
      state = hlcSend(state, t);
      const capturedAt = e.op === "obs.create" ? e.fields?.capturedAt : undefined;
      const fields =
        typeof capturedAt === "string"
          ? {
              ...e.fields,
              capturedAt: correctCapturedAt(capturedAt, meta.clockOffsetMs ?? 0, t),
            }
          : e.fields;
      return {
        seq: nextSeq++,
        op: e.op,
        id: e.id,
        hlc: hlcFormat(state),
        ...(fields ? { fields } : {}),
        createdAt: e.createdAt,
        ackedAt: null,
        ...(e.schema !== undefined ? { schema: e.schema } : {}),
      };
    });
  return { meta: { ...meta, hlc: hlcFormat(state), nextSeq, cookie: null }, entries };
}

/** Merge one pulled change into the local replica. */
export function applyChange(current: Entity | undefined, change: Change, meta: SyncMeta): Entity {
  if (change.op === "put") return current ? merge(current, change.entity) : change.entity;
  const base = current ?? emptyEntity(change.id, meta.workspaceId, "unknown");
  return merge(base, {
    ...base,
    deletedHlc: change.deletedHlc,
    version: change.version,
  });
}

/** The greatest HLC a page carries, so local clocks move past what was seen. */
export function maxHlcOf(changes: readonly Change[]): string | null {
  let max: string | null = null;
  const see = (h: string | null | undefined) => {
    if (h && hlcCompare(h, max) > 0) max = h;
  };
  for (const c of changes) {
    if (c.op === "del") see(c.deletedHlc);
    else {
      see(c.entity.deletedHlc);
      see(c.entity.restoredHlc);
      for (const h of Object.values(c.entity.fieldHlc)) see(h);
    }
  }
  return max;
}

export type PullPlan = {
  /** Where this page's changes go. */
  target: "entities" | "staging";
  /** Empty the staging area first (a reset starts or restarts). */
  clearStaging: boolean;
  /** After applying: staging replaces entities, then unacked writes are replayed. */
  swap: boolean;
  meta: SyncMeta;
};

export class PullRejectedError extends Error {}

/** Decide what one pull page does to the local state. Cookies never go backwards. */
export function planPull(meta: SyncMeta, page: PullResponse, now: number): PullPlan {
  const seen = maxHlcOf(page.changes);
  // A server restored from a backup holds less than it once acked: rewind, so
  // the kept (acked) entries after its lastSeq are pushed again.
  let next: SyncMeta =
    page.lastSeq < meta.ackedSeq
      ? { ...withServerTime(meta, page.serverTime, now), ackedSeq: page.lastSeq, lastSyncAt: now }
      : ackMeta(meta, page.lastSeq, [], now, page.serverTime);
  if (seen) {
    const t = serverNow(next, now);
    next = { ...next, hlc: hlcFormat(hlcReceive(clock(next), seen, t, DEFAULT_MAX_DRIFT_MS)) };
  }
  if (page.config) next = { ...next, config: page.config };

  if (page.reset || meta.staging) {
    const swap = !page.hasMore;
    return {
      target: "staging",
      clearStaging: page.reset,
      swap,
      meta: swap
        ? { ...next, cookie: page.cookie, staging: null }
        : { ...next, staging: { cookie: page.cookie } },
    };
  }
  if (meta.cookie && meta.cookie.epoch !== page.cookie.epoch) {
    throw new PullRejectedError("pull answer from another epoch without reset");
  }
  const forward = !meta.cookie || compareCookies(page.cookie, meta.cookie) >= 0;
  return {
    target: "entities",
    clearStaging: false,
    swap: false,
    meta: forward ? { ...next, cookie: page.cookie } : next,
  };
}

/** Replay writes the server has not got yet on top of a freshly swapped mirror. */
export function replayOutbox(
  get: (id: string) => Entity | undefined,
  entries: readonly OutboxEntry[],
  meta: SyncMeta,
): Map<string, Entity> {
  const out = new Map<string, Entity>();
  for (const e of entries) {
    const current = out.get(e.id) ?? get(e.id);
    const r = applyMutation(current ?? null, e, {
      workspaceId: meta.workspaceId,
      deviceId: meta.deviceId,
    });
    if (r.ok) out.set(e.id, r.entity);
  }
  return out;
}

/**
 * Renumber unsent entries to follow `serverLastSeq` (see SyncStorage.rebase).
 * Returns null when nothing needs to change.
 */
export function planRebase(
  meta: SyncMeta,
  pending: readonly OutboxEntry[],
  serverLastSeq: number,
  all = false,
): { meta: SyncMeta; entries: OutboxEntry[] } | null {
  if (serverLastSeq < (all ? meta.ackedSeq : meta.nextSeq)) return null;
  const entries = [...pending]
    .sort((a, b) => a.seq - b.seq)
    .map((e, i) => ({ ...e, seq: serverLastSeq + 1 + i, ackedAt: null }));
  return {
    meta: { ...meta, ackedSeq: serverLastSeq, nextSeq: serverLastSeq + 1 + entries.length },
    entries,
  };
}
