// Reading observations for people (REST, not sync): filters, accent-folded
// substring search and keyset pagination on (captured_ms, id) descending.
import type { Statement } from "better-sqlite3";
import { decodeCursor, keysetPage } from "../cursor.ts";
import type { Db, ObservationQuery } from "../port.ts";
import type { ObservationRow } from "../rows/observations.ts";
import type { SqliteHandle } from "./handle.ts";
import { toEntity } from "./rows.ts";

type ReadPart = Pick<Db, "listObservations" | "getObservation" | "dumpEntities">;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function where(q: ObservationQuery): { sql: string; params: Record<string, unknown> } {
  const parts = ["workspace_id = @ws", "live = 1"];
  const params: Record<string, unknown> = {};
  const add = (sql: string, name: string, value: unknown) => {
    if (value === undefined) return;
    parts.push(sql);
    params[name] = value;
  };
  add("channel = @channel", "channel", q.channel);
  add("store_id = @storeId", "storeId", q.storeId);
  add("competitor_id = @competitorId", "competitorId", q.competitorId);
  add("EXISTS (SELECT 1 FROM json_each(fields, '$.needs') WHERE value = @need)", "need", q.need);
  add("EXISTS (SELECT 1 FROM json_each(fields, '$.tags') WHERE value = @tag)", "tag", q.tag);
  add("search_text LIKE @q ESCAPE '\\'", "q", q.q ? `%${escapeLike(q.q)}%` : undefined);
  add("captured_ms >= @fromMs", "fromMs", q.fromMs);
  add("captured_ms < @toMs", "toMs", q.toMs);
  const cursor = decodeCursor(q.cursor);
  if (cursor) {
    parts.push("(captured_ms < @cMs OR (captured_ms = @cMs AND id < @cId))");
    params.cMs = cursor[0];
    params.cId = cursor[1];
  }
  return { sql: parts.join(" AND "), params };
}

export function createObservationsPart({ db, queue }: SqliteHandle): ReadPart {
  const cache = new Map<string, Statement>();
  const prepared = (sql: string) => {
    const known = cache.get(sql);
    if (known) return known;
    const s = db.prepare(sql);
    cache.set(sql, s);
    return s;
  };
  const one = db.prepare(
    "SELECT * FROM observations WHERE workspace_id = ? AND id = ? AND live = 1",
  );
  const all = db.prepare("SELECT * FROM observations WHERE workspace_id = ? ORDER BY id");

  return {
    listObservations: (ws, q) =>
      queue.run(() => {
        const w = where(q);
        const sql = `SELECT * FROM observations WHERE ${w.sql} ORDER BY captured_ms DESC, id DESC LIMIT @limit`;
        const rows = prepared(sql).all({ ...w.params, ws, limit: q.limit + 1 }) as ObservationRow[];
        return keysetPage(rows, q.limit, toEntity);
      }),
    getObservation: (ws, id) =>
      queue.run(() => {
        const r = one.get(ws, id) as ObservationRow | undefined;
        return r ? toEntity(r) : null;
      }),
    dumpEntities: (ws) => queue.run(() => (all.all(ws) as ObservationRow[]).map(toEntity)),
  };
}
