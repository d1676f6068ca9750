// The PostgreSQL side of a push (docs/sync-protocol.md "Server push algorithm"): one
// transaction that locks the workspace row, then the device row, runs the
// shared algorithm over a PushTx, and commits before anyone is answered.
//
// Lock order is always workspace → device, in pushes and config changes
// alike, so two transactions never wait on each other in a cycle. The
// workspace lock serialises every versioned write of a workspace, which is
// what lets pulls trust (version, id) order (see pull.ts).
//
// Durability: COMMIT returns only once the WAL is flushed under the default
// synchronous_commit=on. A deployment that turned it off would ack writes
// it can lose on a crash, so the push raises it back for its own
// transaction (SET LOCAL), leaving stricter settings such as remote_apply alone.
import { type PushLog, runPush } from "../../sync/push-algorithm.ts";
import type { Db, PushOutcome, PushParams } from "../port.ts";
import type { PgHandle } from "./handle.ts";
import { createPgPushTx, type PushMode, prefetch } from "./push-tx.ts";
import { isTransientPgError } from "./transient.ts";

class Rollback {
  constructor(readonly outcome: PushOutcome) {}
}
class Rerun {
  constructor(readonly cause: unknown) {}
}

export type PushOptions = {
  /** "batched" (default) falls back to "savepoints" on any error; "savepoints" always uses them. */
  mode?: PushMode;
};

export function createPushPart(h: PgHandle, log: PushLog, o: PushOptions = {}): Pick<Db, "push"> {
  const { sql } = h;

  const attempt = (p: PushParams, mode: PushMode) =>
    sql.begin(async (tx) => {
      await tx`SELECT set_config('synchronous_commit', 'on', true)
        WHERE current_setting('synchronous_commit') IN ('off', 'local')`;
      const [ws] = await tx<{ version: number }[]>`
        SELECT version FROM workspaces WHERE id = ${p.workspaceId} FOR UPDATE`;
      const [dev] = await tx<{ last_seq: number }[]>`
        SELECT last_seq FROM devices WHERE workspace_id = ${p.workspaceId} AND id = ${p.device.deviceId}
        FOR UPDATE`;
      if (!ws || !dev) throw new Error(`unknown device ${p.device.deviceId} in ${p.workspaceId}`);
      // Duplicate creates too: the algorithm checks they were applied here.
      const ids = [
        ...new Set(
          p.mutations.filter((m) => m.seq > dev.last_seq || m.op === "obs.create").map((m) => m.id),
        ),
      ];
      const entities = ids.length > 0 ? await prefetch(tx, p.workspaceId, ids) : new Map();
      const ptx = createPgPushTx(
        tx,
        p,
        { lastSeq: dev.last_seq, version: ws.version },
        entities,
        mode,
      );
      let out: PushOutcome;
      try {
        out = await runPush(
          ptx,
          p.device,
          p.mutations,
          p.appVersion,
          p.now,
          log,
          p.maxClockDriftMs,
        );
      } catch (e) {
        throw mode === "batched" ? new Rerun(e) : e;
      }
      if (ptx.aborted) throw new Rerun(ptx.aborted.cause);
      if (out.kind !== "ok") throw new Rollback(out);
      return out;
    }) as Promise<PushOutcome>;

  async function push(p: PushParams, mode: PushMode): Promise<PushOutcome> {
    try {
      return await attempt(p, mode);
    } catch (e) {
      if (e instanceof Rollback) return e.outcome;
      if (e instanceof Rerun) return push(p, "savepoints");
      if (mode === "batched") return push(p, "savepoints");
      if (isTransientPgError(e))
        return { kind: "transient", message: String((e as Error).message ?? e) };
      throw e;
    }
  }

  return { push: (p) => push(p, o.mode ?? "batched") };
}
