// The PostgreSQL side of a pull (docs/sync-protocol.md "Server pull algorithm"): the
// device's scope in (version, id) order after the cookie, read in ONE
// REPEATABLE READ READ ONLY transaction, so the workspace version, the
// device's lastSeq and the rows all come from the same snapshot.
//
// Why a cursor can never skip a row committed late. Versions are not drawn
// from a sequence: a push (or config change) reads the workspace version v
// *while holding the workspace row lock* (SELECT … FOR UPDATE), writes its
// rows with v+1, stores v+1 on the workspace row and commits, which releases
// the lock. The next writer of that workspace blocks on the lock until then,
// and only afterwards reads v+1 and writes v+2. So per workspace, version
// v+1 is committed strictly before the transaction that will write v+2 even
// starts to write: commits happen in version order. A snapshot therefore
// holds a prefix of the history — if it shows any row of v+2 it shows every
// row of v+1 — and it shows exactly the versions ≤ the workspace version it
// reads. A page that ends at (v, k) has seen everything of versions < v and
// of v up to k; whatever commits later carries a version > the snapshot's
// workspace version, hence > every cookie handed out so far, and the next
// pull picks it up. (With a sequence, v+2 could commit before v+1 and a
// reader at v+2 would never go back for v+1. With READ COMMITTED, the
// version and the rows would come from different snapshots.)
//
// Recording the pull time is a separate, tiny write after the snapshot.

import { type ChangeColumns, changeJson } from "../../sync/change-json.ts";
import { DEVICE_POLICY } from "../../sync/device-policy.ts";
import { pageCookie, pullStart } from "../../sync/pull-position.ts";
import type { Db, PullPage, PullParams } from "../port.ts";
import type { PgHandle } from "./handle.ts";

const DAY_MS = 86_400_000;

export function createPullPart(h: PgHandle): Pick<Db, "pull"> {
  const { sql, epoch } = h;

  const read = (p: PullParams) =>
    sql.begin("isolation level repeatable read read only", async (tx): Promise<PullPage> => {
      const [state] = await tx<{ last_seq: number; version: number }[]>`
        SELECT d.last_seq, w.version FROM devices d JOIN workspaces w ON w.id = d.workspace_id
        WHERE d.workspace_id = ${p.workspaceId} AND d.id = ${p.device.deviceId}`;
      if (!state) throw new Error(`unknown device ${p.device.deviceId}`);
      const start = pullStart(p.cookie, epoch, state.version);
      const v = start.from.v;
      // k = null (a page that ended a version): the row comparison is NULL
      // within version v and true after it, so "all of v seen" needs no branch.
      const k = start.from.k;
      const limit = p.limit + 1;
      // Only what a change is made of; jsonb comes back as JSON text, unparsed.
      // Whose rows: the policy table's (sync/device-policy.ts).
      const rows =
        p.device.kind === "kiosk"
          ? await tx<ChangeColumns[]>`
              SELECT id, workspace_id AS "workspaceId", created_by AS "createdBy",
                fields::text AS "fieldsJson", field_hlc::text AS "fieldHlcJson",
                deleted_hlc AS "deletedHlc", restored_hlc AS "restoredHlc", version
              FROM observations
              WHERE workspace_id = ${p.workspaceId} AND store_id = ${p.device.storeId}
                AND channel = ANY(${DEVICE_POLICY.kiosk.channels as unknown as string[]})
                AND captured_ms >= ${p.now.getTime() - p.kioskWindowDays * DAY_MS}
                AND (version, id) > (${v}, ${k}) ORDER BY version, id LIMIT ${limit}`
          : await tx<ChangeColumns[]>`
              SELECT id, workspace_id AS "workspaceId", created_by AS "createdBy",
                fields::text AS "fieldsJson", field_hlc::text AS "fieldHlcJson",
                deleted_hlc AS "deletedHlc", restored_hlc AS "restoredHlc", version
              FROM observations
              WHERE workspace_id = ${p.workspaceId} AND owner_id = ${p.device.ownerId}
                AND channel = ANY(${DEVICE_POLICY.extension.channels as unknown as string[]})
                AND (version, id) > (${v}, ${k}) ORDER BY version, id LIMIT ${limit}`;
      const hasMore = rows.length > p.limit;
      const page = rows.slice(0, p.limit);
      return {
        changes: page.map(changeJson),
        cookie: pageCookie(epoch, state.version, page.at(-1), hasMore),
        reset: start.reset,
        hasMore,
        lastSeq: state.last_seq,
      };
    }) as Promise<PullPage>;

  return {
    async pull(p) {
      const page = await read(p);
      await sql`UPDATE devices SET last_pull_at = ${p.now.toISOString()}
        WHERE workspace_id = ${p.workspaceId} AND id = ${p.device.deviceId}`;
      return page;
    },
  };
}
