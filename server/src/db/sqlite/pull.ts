// The SQLite side of a pull: one read transaction over the device's scope in
// (version, id) order, cookie arithmetic from sync/pull-position.ts. Whose
// rows a device sees is the policy table's (sync/device-policy.ts): a kiosk,
// its store's store/feedback rows of the last N days; an extension, its
// person's web/event rows.

import { SQLITE_PUT_JSON, type SqliteChangeRow, sqliteChange } from "../../sync/change-json.ts";
import { DEVICE_POLICY } from "../../sync/device-policy.ts";
import { pageCookie, pullStart } from "../../sync/pull-position.ts";
import type { Db, PullPage, PullParams } from "../port.ts";
import type { SqliteHandle } from "./handle.ts";

// Row values: with @k NULL the comparison is NULL for version = @v, i.e.
// "everything after all of version v" — what a cookie without k means.
const AFTER = "(version, id) > (@v, @k) ORDER BY version, id LIMIT @limit";
const DAY_MS = 86_400_000;
/** `channel IN (…)` for a kind (closed vocabulary codes, not user input). */
const channelsOf = (kind: keyof typeof DEVICE_POLICY) =>
  `channel IN (${DEVICE_POLICY[kind].channels.map((c) => `'${c}'`).join(", ")})`;
// Only what a change is made of; the put's JSON is built by SQLite as bytes.
const COLUMNS = `id, deleted_hlc AS deletedHlc, restored_hlc AS restoredHlc, version,
  ${SQLITE_PUT_JSON}`;

export function createPullPart(h: SqliteHandle): Pick<Db, "pull"> {
  const { db } = h;
  const q = {
    state: db.prepare(
      `SELECT d.last_seq, w.version FROM devices d JOIN workspaces w ON w.id = d.workspace_id
       WHERE d.workspace_id = ? AND d.id = ?`,
    ),
    kiosk: db.prepare(
      `SELECT ${COLUMNS} FROM observations WHERE workspace_id = @ws AND store_id = @store
       AND ${channelsOf("kiosk")} AND captured_ms >= @since AND ${AFTER}`,
    ),
    extension: db.prepare(
      `SELECT ${COLUMNS} FROM observations WHERE workspace_id = @ws AND owner_id = @owner
       AND ${channelsOf("extension")} AND ${AFTER}`,
    ),
    touch: db.prepare("UPDATE devices SET last_pull_at = ? WHERE workspace_id = ? AND id = ?"),
  };

  const read = db.transaction((p: PullParams): PullPage => {
    const state = q.state.get(p.workspaceId, p.device.deviceId) as
      | { last_seq: number; version: number }
      | undefined;
    if (!state) throw new Error(`unknown device ${p.device.deviceId}`);
    const start = pullStart(p.cookie, h.epoch, state.version);
    const params = {
      ws: p.workspaceId,
      v: start.from.v,
      k: start.from.k,
      limit: p.limit + 1,
    };
    const rows = (
      p.device.kind === "kiosk"
        ? q.kiosk.all({
            ...params,
            store: p.device.storeId,
            since: p.now.getTime() - p.kioskWindowDays * DAY_MS,
          })
        : q.extension.all({ ...params, owner: p.device.ownerId })
    ) as SqliteChangeRow[];
    const hasMore = rows.length > p.limit;
    const page = rows.slice(0, p.limit);
    return {
      changes: page.map(sqliteChange),
      cookie: pageCookie(h.epoch, state.version, page.at(-1), hasMore),
      reset: start.reset,
      hasMore,
      lastSeq: state.last_seq,
    };
  });

  return {
    pull: (p) =>
      h.queue.run(() => {
        const page = read.deferred(p);
        q.touch.run(p.now.toISOString(), p.workspaceId, p.device.deviceId);
        return page;
      }),
  };
}
