// The PushTx of the PostgreSQL adapter: the shared push algorithm's view of
// one open transaction that holds the workspace and device row locks.
//
// Two ways to apply a batch, with the same outcome:
// - "savepoints" (docs/sync-protocol.md "Server push algorithm", step 4 as
//   written): each mutation in its own savepoint, every write sent at once;
//   a statement that fails rolls back to the savepoint and only that
//   mutation is rejected.
// - "batched": no savepoints; writes are kept in memory and sent in one
//   multi-row statement at `finish`. Any error at all aborts the attempt
//   (BatchAborted) and push.ts reruns the whole push in "savepoints" mode
//   in a fresh transaction, so the result is the same as if every mutation
//   had had its savepoint. It spares a round trip or three per mutation
//   under the workspace lock and avoids Postgres subtransactions, which
//   slow every other session down once one transaction holds more than 64.
//
// Observations are read once, up front, for every id in the batch. That is
// safe because every writer of observations holds the workspace row lock.
import { type RejectedMutation, toWellFormedText } from "@sightline/shared";
import type { PushTx, StoredEntity } from "../../sync/push-algorithm.ts";
import type { PushParams } from "../port.ts";
import type { ObservationRow } from "../rows/observations.ts";
import { type ObservationColumns, observationColumns } from "../rows/observations.ts";
import type { Tx } from "./connect.ts";
import { rowValues, toEntity, UPSERT_OBSERVATION, UPSERT_OBSERVATIONS } from "./rows.ts";
import { isTransientPgError } from "./transient.ts";

export type PushMode = "batched" | "savepoints";

/** Thrown in "batched" mode to abandon the attempt and rerun with savepoints. */
export class BatchAborted extends Error {
  constructor(override readonly cause: unknown) {
    super("batched push aborted; rerun with savepoints");
  }
}

type Rejection = RejectedMutation & { op: string; entityId: string };

/** Every stored observation with one of `ids`, keyed by id. */
export async function prefetch(
  tx: Tx,
  ws: string,
  ids: string[],
): Promise<Map<string, StoredEntity>> {
  const rows = await tx<ObservationRow[]>`
    SELECT * FROM observations WHERE workspace_id = ${ws} AND id = ANY(${ids}::text[])`;
  return new Map(rows.map((r) => [r.id, { entity: toEntity(r), ownerId: r.owner_id }]));
}

export function createPgPushTx(
  outer: Tx,
  p: PushParams,
  state: { lastSeq: number; version: number },
  entities: Map<string, StoredEntity>,
  mode: PushMode,
): PushTx & { readonly aborted: BatchAborted | null } {
  const ws = p.workspaceId;
  const dev = p.device.deviceId;
  const at = p.now.toISOString();
  let current: Tx = outer;
  /** Entity values before the open savepoint changed them, to restore on rollback. */
  let undo: Map<string, StoredEntity | undefined> | null = null;
  const stores = new Map<string, boolean>();
  const dirty = new Set<string>();
  const rejections = new Map<number, Rejection>();
  let aborted: BatchAborted | null = null;

  const remember = (e: StoredEntity) => {
    const id = e.entity.id;
    if (undo && !undo.has(id)) undo.set(id, entities.get(id));
    entities.set(id, e);
  };
  // PostgreSQL text takes no NUL and UTF-8 no lone surrogate: messages (which
  // may quote what was sent) and app versions are made well-formed first.
  const insertRejection = (q: Tx, r: Rejection) =>
    q`INSERT INTO rejected_mutations (workspace_id, device_id, seq, op, entity_id, code, message, created_at)
      VALUES (${ws}, ${dev}, ${r.seq}, ${r.op}, ${r.entityId}, ${r.code}, ${toWellFormedText(r.message)}, ${at})
      ON CONFLICT (workspace_id, device_id, seq) DO UPDATE SET op = excluded.op,
        entity_id = excluded.entity_id, code = excluded.code, message = excluded.message,
        created_at = excluded.created_at`;

  async function flush(): Promise<void> {
    if (dirty.size > 0) {
      const rows = [...dirty].map((id) => observationColumns(entities.get(id) as StoredEntity));
      dirty.clear();
      await upsertMany(outer, rows);
    }
    for (const r of rejections.values()) await insertRejection(outer, r);
    rejections.clear();
  }

  return {
    get aborted() {
      return aborted;
    },
    lastSeq: state.lastSeq,
    version: state.version,
    getEntity: async (id) => entities.get(id) ?? null,
    async storeExists(storeId) {
      let found = stores.get(storeId);
      if (found === undefined) {
        const r =
          await current`SELECT 1 FROM stores WHERE workspace_id = ${ws} AND id = ${storeId}`;
        found = r.count > 0;
        stores.set(storeId, found);
      }
      return found;
    },
    async putEntity(e) {
      if (mode === "batched") dirty.add(e.entity.id);
      else await current.unsafe(UPSERT_OBSERVATION, rowValues(e, current.json) as never[]);
      remember(e);
    },
    async recordRejection(r) {
      if (mode === "batched") rejections.set(r.seq, r);
      else await insertRejection(current, r);
    },
    async rejectionsBetween(from, to) {
      if (mode === "batched") await flush();
      return current<RejectedMutation[]>`
        SELECT seq, code, message FROM rejected_mutations
        WHERE workspace_id = ${ws} AND device_id = ${dev} AND seq BETWEEN ${from} AND ${to} ORDER BY seq`;
    },
    async savepoint(fn) {
      if (mode === "batched") {
        try {
          return await fn();
        } catch (e) {
          aborted ??= new BatchAborted(e);
          throw aborted;
        }
      }
      return current.savepoint(async (sp) => {
        const before = { current, undo };
        current = sp;
        undo = new Map();
        const mine = undo;
        try {
          return await fn();
        } catch (e) {
          for (const [id, old] of mine) old ? entities.set(id, old) : entities.delete(id);
          throw e;
        } finally {
          current = before.current;
          undo = before.undo;
        }
      }) as ReturnType<typeof fn>;
    },
    async finish(u) {
      if (aborted) throw aborted;
      if (mode === "batched") await flush();
      await outer`UPDATE devices SET last_seq = ${u.lastSeq}, last_push_at = ${u.now.toISOString()},
        app_version = ${toWellFormedText(u.appVersion)} WHERE workspace_id = ${ws} AND id = ${dev}`;
      if (u.version !== null)
        await outer`UPDATE workspaces SET version = ${u.version} WHERE id = ${ws}`;
    },
    isTransient: (e) => e instanceof BatchAborted || isTransientPgError(e),
  };
}

/**
 * One upsert for the whole batch (ids are distinct: `dirty` is a set). The
 * rows travel as one JSON parameter expanded by json_to_recordset, so the
 * statement text — and its prepared plan — is the same for any batch size.
 */
async function upsertMany(tx: Tx, rows: ObservationColumns[]): Promise<void> {
  await tx.unsafe(UPSERT_OBSERVATIONS, [tx.json(rows as never)] as never[]);
}
