// The SQLite side of a push: one BEGIN IMMEDIATE transaction (the single
// writer lock), a PushTx over prepared statements, the shared algorithm in
// between, and COMMIT before anyone is answered (synchronous=FULL).
//
// Two modes with the same outcome (as in the PostgreSQL adapter):
// - "batched" (first try): no savepoints. Each mutation writes at most one
//   row (the observation or its rejection), and one statement is atomic, so a
//   savepoint only matters when something throws — then the attempt is
//   abandoned (BatchAborted), rolled back, and rerun in
// - "savepoints": docs/sync-protocol.md "Server push algorithm" step 4 as
//   written, each mutation in its own.
// Profiling showed SAVEPOINT/RELEASE at ~27 % of push CPU (bench/ README).
import { type RejectedMutation, toWellFormedText } from "@sightline/shared";
import {
  type PushLog,
  type PushTx,
  runPush,
  type StoredEntity,
} from "../../sync/push-algorithm.ts";
import type { Db, PushOutcome, PushParams } from "../port.ts";
import type { ObservationRow } from "../rows/observations.ts";
import type { SqliteHandle } from "./handle.ts";
import { toEntity, toRow, UPSERT_OBSERVATION } from "./rows.ts";

const TRANSIENT = new Set([
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
  "SQLITE_IOERR",
  "SQLITE_FULL",
  "SQLITE_NOMEM",
]);

export function isTransientSqliteError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && [...TRANSIENT].some((t) => code.startsWith(t));
}

type PushMode = "batched" | "savepoints";

/** Thrown in "batched" mode to abandon the attempt and rerun with savepoints. */
class BatchAborted extends Error {
  constructor(readonly reason: unknown) {
    super("batched push aborted; rerun with savepoints");
  }
}

export function createPushPart(h: SqliteHandle, log: PushLog): Pick<Db, "push"> {
  const { db } = h;
  const q = {
    state: db.prepare(
      `SELECT d.last_seq, w.version FROM devices d JOIN workspaces w ON w.id = d.workspace_id
       WHERE d.workspace_id = ? AND d.id = ?`,
    ),
    entity: db.prepare("SELECT * FROM observations WHERE workspace_id = ? AND id = ?"),
    storeExists: db.prepare("SELECT 1 FROM stores WHERE workspace_id = ? AND id = ?"),
    upsert: db.prepare(UPSERT_OBSERVATION),
    reject: db.prepare(
      `INSERT OR REPLACE INTO rejected_mutations (workspace_id, device_id, seq, op, entity_id, code, message, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    rejections: db.prepare(
      `SELECT seq, code, message FROM rejected_mutations
       WHERE workspace_id = ? AND device_id = ? AND seq BETWEEN ? AND ? ORDER BY seq`,
    ),
    device: db.prepare(
      "UPDATE devices SET last_seq = ?, last_push_at = ?, app_version = ? WHERE workspace_id = ? AND id = ?",
    ),
    version: db.prepare("UPDATE workspaces SET version = ? WHERE id = ?"),
    savepoint: db.prepare("SAVEPOINT mutation"),
    release: db.prepare("RELEASE mutation"),
    rollbackTo: db.prepare("ROLLBACK TO mutation"),
  };

  function txFor(
    p: PushParams,
    state: { last_seq: number; version: number },
    mode: PushMode,
    abort: { error: BatchAborted | null },
  ): PushTx {
    const ws = p.workspaceId;
    const dev = p.device.deviceId;
    const stores = new Map<string, boolean>();
    return {
      lastSeq: state.last_seq,
      version: state.version,
      getEntity: async (id) => {
        const r = q.entity.get(ws, id) as ObservationRow | undefined;
        return r ? ({ entity: toEntity(r), ownerId: r.owner_id } satisfies StoredEntity) : null;
      },
      storeExists: async (id) => {
        // A push names one or two stores; ask SQLite once per store.
        const known = stores.get(id) ?? q.storeExists.get(ws, id) !== undefined;
        stores.set(id, known);
        return known;
      },
      putEntity: async (e) => {
        q.upsert.run(toRow(e));
      },
      recordRejection: async (r) => {
        // Messages and app versions are made well-formed as PostgreSQL's are (text rules).
        const message = toWellFormedText(r.message);
        q.reject.run(ws, dev, r.seq, r.op, r.entityId, r.code, message, p.now.toISOString());
      },
      rejectionsBetween: async (from, to) =>
        q.rejections.all(ws, dev, from, to) as RejectedMutation[],
      savepoint: async (fn) => {
        if (mode === "batched") {
          try {
            return await fn();
          } catch (e) {
            abort.error ??= new BatchAborted(e);
            throw abort.error;
          }
        }
        // One fixed savepoint name, prepared once: savepoints here are never
        // nested, and re-parsing SQL per mutation showed up in profiles.
        q.savepoint.run();
        try {
          const out = await fn();
          q.release.run();
          return out;
        } catch (e) {
          q.rollbackTo.run();
          q.release.run();
          throw e;
        }
      },
      finish: async (u) => {
        if (abort.error) throw abort.error;
        q.device.run(u.lastSeq, u.now.toISOString(), toWellFormedText(u.appVersion), ws, dev);
        if (u.version !== null) q.version.run(u.version, ws);
      },
      isTransient: (e) => e instanceof BatchAborted || isTransientSqliteError(e),
    };
  }

  function attempt(p: PushParams, mode: PushMode): Promise<PushOutcome> {
    return h.queue.run(async () => {
      db.exec("BEGIN IMMEDIATE");
      try {
        const state = q.state.get(p.workspaceId, p.device.deviceId) as
          | { last_seq: number; version: number }
          | undefined;
        if (!state) throw new Error(`unknown device ${p.device.deviceId}`);
        const abort = { error: null as BatchAborted | null };
        const out = await runPush(
          txFor(p, state, mode, abort),
          p.device,
          p.mutations,
          p.appVersion,
          p.now,
          log,
          p.maxClockDriftMs,
        );
        if (abort.error) throw abort.error;
        db.exec(out.kind === "ok" ? "COMMIT" : "ROLLBACK");
        return out;
      } catch (e) {
        if (db.inTransaction) db.exec("ROLLBACK");
        if (e instanceof BatchAborted) throw e;
        if (isTransientSqliteError(e)) return { kind: "transient", message: String(e) } as const;
        throw e;
      }
    });
  }

  return {
    push: (p) =>
      attempt(p, "batched").catch((e) => {
        if (e instanceof BatchAborted) return attempt(p, "savepoints");
        throw e;
      }),
  };
}
