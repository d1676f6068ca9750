// docs/sync-protocol.md "Server push algorithm", written once over a small transaction
// interface so the SQLite and PostgreSQL adapters cannot drift apart. The
// adapter opens the transaction (BEGIN IMMEDIATE / SELECT … FOR UPDATE),
// hands us a PushTx bound to it, and commits after we return — or rolls
// back when we report a seq gap or a transient failure with nothing applied.
import {
  applyMutation,
  capturedAtFit,
  DEFAULT_MAX_DRIFT_MS,
  hlcWallMs,
  type Mutation,
  type RejectedMutation,
} from "@sightline/shared";
import type { DevicePrincipal, PushOutcome } from "../db/port.ts";
import { checkScope, type StoredEntity } from "./device-policy.ts";

export type { StoredEntity };

export interface PushTx {
  /** The device's lastSeq and the workspace version, read under the write lock. */
  readonly lastSeq: number;
  readonly version: number;
  getEntity(id: string): Promise<StoredEntity | null>;
  storeExists(storeId: string): Promise<boolean>;
  /** Insert or replace; `entity.version` is already the new workspace version. */
  putEntity(e: StoredEntity): Promise<void>;
  recordRejection(r: RejectedMutation & { op: string; entityId: string }): Promise<void>;
  /** Recorded rejections with seq in [from, to]. */
  rejectionsBetween(from: number, to: number): Promise<RejectedMutation[]>;
  /** Run `fn` in a savepoint: rolled back to its start if it throws. */
  savepoint<T>(fn: () => Promise<T>): Promise<T>;
  /** Store the device's new lastSeq, push time and app version; the workspace version if bumped. */
  finish(u: {
    lastSeq: number;
    version: number | null;
    appVersion: string;
    now: Date;
  }): Promise<void>;
  /** Whether an error is worth retrying (busy, I/O) rather than a bug in this mutation. */
  isTransient(error: unknown): boolean;
}

export type PushLog = (msg: string, error: unknown) => void;

type Step = { rejected: RejectedMutation | null; changed: boolean };

/** The server's clock and how far ahead of it a device's stamp may be. */
export type PushClock = { now: Date; maxDriftMs: number };

async function applyOne(
  tx: PushTx,
  device: DevicePrincipal,
  m: Mutation,
  version: number,
  clock: PushClock,
): Promise<Step> {
  const current = await tx.getEntity(m.id);
  const reject = async (code: string, message: string): Promise<Step> => {
    const r = { seq: m.seq, code, message };
    await tx.recordRejection({ ...r, op: m.op, entityId: m.id });
    return { rejected: r, changed: false };
  };
  const denied = checkScope(device, current, m);
  if (denied) return reject("forbidden", denied);
  // A stamp from the future would win every later edit and carry every
  // client that pulls it into that future: refused, and the client stamps
  // the write again from its server-corrected clock (never blocks the queue).
  const serverMs = clock.now.getTime();
  if ((hlcWallMs(m.hlc) ?? 0) > serverMs + clock.maxDriftMs)
    return reject(
      "clock-ahead",
      `stamp is more than ${Math.round(clock.maxDriftMs / 1000)} s ahead of the server's clock (${clock.now.toISOString()})`,
    );
  const result = applyMutation(current?.entity ?? null, m, {
    workspaceId: device.workspaceId,
    deviceId: device.deviceId,
  });
  if (!result.ok) return reject(result.code, result.message);
  if (m.op === "obs.create") {
    const fit = capturedAtFit(result.entity.fields.capturedAt, serverMs);
    if (fit === "clock-ahead" || fit === "clock-behind")
      return reject(
        fit,
        `capturedAt is outside 2000-01-01 … a day after the server's clock (${clock.now.toISOString()})`,
      );
  }
  const storeId = result.entity.fields.storeId;
  if (m.op === "obs.create" && typeof storeId === "string" && !(await tx.storeExists(storeId)))
    return reject("invalid", `storeId: no store ${storeId} in this workspace`);
  if (!result.changed) return { rejected: null, changed: false };
  await tx.putEntity({
    entity: { ...result.entity, version },
    ownerId: current?.ownerId ?? device.ownerId,
  });
  return { rejected: null, changed: true };
}

/**
 * Whether this device's seqs up to lastSeq on the server are not the ones
 * being pushed: a create skipped as a duplicate whose observation does not
 * exist here and was never rejected was never applied on this server (the
 * device's storage started a new seq line under an id the server knew). Such
 * a push is answered `seq-reused` instead of being acked, so the client
 * renumbers its queue after lastSeq and nothing is lost as a "duplicate".
 */
async function holdsAnotherHistory(tx: PushTx, ordered: readonly Mutation[]): Promise<boolean> {
  for (const m of ordered) {
    if (m.seq > tx.lastSeq) break;
    if (m.op !== "obs.create" || (await tx.getEntity(m.id))) continue;
    if ((await tx.rejectionsBetween(m.seq, m.seq)).length === 0) return true;
  }
  return false;
}

/** Apply a push inside an open transaction. See PushOutcome for what the adapter must do. */
export async function runPush(
  tx: PushTx,
  device: DevicePrincipal,
  mutations: readonly Mutation[],
  appVersion: string,
  now: Date,
  log: PushLog = () => {},
  maxDriftMs = DEFAULT_MAX_DRIFT_MS,
): Promise<PushOutcome> {
  const ordered = [...mutations].sort((a, b) => a.seq - b.seq);
  if (await holdsAnotherHistory(tx, ordered)) return { kind: "seq-reused", lastSeq: tx.lastSeq };
  const newVersion = tx.version + 1;
  let lastSeq = tx.lastSeq;
  let changed = false;
  let applied = 0;
  let stop: { kind: "seq-gap" } | { kind: "transient"; message: string } | null = null;

  for (const m of ordered) {
    if (m.seq <= lastSeq) continue;
    if (m.seq > lastSeq + 1) {
      stop = { kind: "seq-gap" };
      break;
    }
    try {
      const step = await tx.savepoint(() =>
        applyOne(tx, device, m, newVersion, { now, maxDriftMs }),
      );
      changed ||= step.changed;
      if (!step.rejected) applied++;
    } catch (error) {
      if (tx.isTransient(error)) {
        stop = {
          kind: "transient",
          message: error instanceof Error ? error.message : String(error),
        };
        break;
      }
      // A bug or a constraint this mutation always trips: never let it block the queue.
      log("push: mutation failed, recorded as rejected", error);
      await tx.recordRejection({
        seq: m.seq,
        code: "internal",
        message: "the server could not apply this change",
        op: m.op,
        entityId: m.id,
      });
    }
    lastSeq = m.seq;
  }

  if (stop && lastSeq === tx.lastSeq) {
    return stop.kind === "seq-gap" ? { kind: "seq-gap", expectedSeq: lastSeq + 1 } : stop;
  }
  await tx.finish({ lastSeq, version: changed ? newVersion : null, appVersion, now });
  const asked = new Set(ordered.map((m) => m.seq));
  const first = ordered[0]?.seq ?? 1;
  const rejected = (await tx.rejectionsBetween(first, lastSeq)).filter((r) => asked.has(r.seq));
  return {
    kind: "ok",
    lastSeq,
    version: changed ? newVersion : tx.version,
    rejected,
    applied,
    changed,
  };
}
