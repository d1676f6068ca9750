// Reading observations for people (REST, not sync): filters, accent-folded
// substring search and keyset pagination on (captured_ms, id) descending.
import type { Statement } from "better-sqlite3";
import { decodeCursor, keysetPage } from "../cursor.ts";
import type { ObservationQuery, ObservationReadDb } from "../port.ts";
import type { ObservationRow } from "../rows/observations.ts";
import type { SqliteHandle } from "./handle.ts";
import { toEntity } from "./rows.ts";

/** Rows featurised per page by refreshTextFeatures (about 20 ms of work). */
const TEXT_FEATURES_PAGE = 500;

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

export function createObservationsPart({ db, queue }: SqliteHandle): ObservationReadDb {
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
    pageCaptureCandidates: (ws, q) =>
      queue.run(() => {
        if (q.urlPrefixes.length === 0) return [];
        // LIKE is ASCII case-insensitive in SQLite, as host names are.
        const like = q.urlPrefixes.map((_, i) => `@p${i}`);
        const sql = `SELECT * FROM observations
          WHERE workspace_id = @ws AND live = 1 AND channel = 'web'
            AND (${like.map((p) => `json_extract(fields, '$.url') LIKE ${p} ESCAPE '\\'`).join(" OR ")}
              OR ${like.map((p) => `json_extract(fields, '$.evidence.facts.canonicalUrl') LIKE ${p} ESCAPE '\\'`).join(" OR ")})
          ORDER BY captured_ms DESC, id DESC LIMIT @limit`;
        const params: Record<string, unknown> = { ws, limit: q.limit };
        q.urlPrefixes.forEach((p, i) => {
          params[`p${i}`] = `${escapeLike(p)}%`;
        });
        return (prepared(sql).all(params) as ObservationRow[]).map(toEntity);
      }),
    dumpEntities: (ws) => queue.run(() => (all.all(ws) as ObservationRow[]).map(toEntity)),
    refreshSearchText: (version, textOf) =>
      queue.run(() => {
        const seen = db.prepare("SELECT value FROM meta WHERE key = 'search_text_version'").get() as
          | { value: string }
          | undefined;
        if (seen?.value === version) return 0;
        const page = db.prepare(
          `SELECT workspace_id AS ws, id, fields, search_text AS text FROM observations
           WHERE (workspace_id, id) > (?, ?) ORDER BY workspace_id, id LIMIT 1000`,
        );
        const update = db.prepare(
          "UPDATE observations SET search_text = ? WHERE workspace_id = ? AND id = ?",
        );
        let changed = 0;
        let after = ["", ""];
        for (;;) {
          const rows = page.all(...after) as {
            ws: string;
            id: string;
            fields: string;
            text: string;
          }[];
          if (rows.length === 0) break;
          db.transaction(() => {
            for (const r of rows) {
              const next = textOf(JSON.parse(r.fields));
              if (next !== r.text) changed += update.run(next, r.ws, r.id).changes;
            }
          })();
          const last = rows[rows.length - 1] as { ws: string; id: string };
          after = [last.ws, last.id];
        }
        db.prepare(
          "INSERT INTO meta (key, value) VALUES ('search_text_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        ).run(version);
        return changed;
      }),
    async refreshTextFeatures(version, featuresOf, signal) {
      const page = db.prepare(
        `SELECT workspace_id AS ws, id, fields, version FROM observations
         WHERE live = 1 AND (text_features IS NULL OR substr(text_features, 1, ?) <> ?)
           AND (workspace_id, id) > (?, ?)
         ORDER BY workspace_id, id LIMIT ${TEXT_FEATURES_PAGE}`,
      );
      const update = db.prepare(
        "UPDATE observations SET text_features = ? WHERE workspace_id = ? AND id = ? AND version = ?",
      );
      const prefix = `${version}|`;
      let changed = 0;
      let after = ["", ""];
      // One page per turn of the queue: requests are served between pages.
      while (!signal?.aborted) {
        const rows = await queue.run(() => {
          const rows = page.all(prefix.length, prefix, ...after) as {
            ws: string;
            id: string;
            fields: string;
            version: number;
          }[];
          db.transaction(() => {
            for (const r of rows)
              changed += update.run(
                featuresOf(JSON.parse(r.fields)),
                r.ws,
                r.id,
                r.version,
              ).changes;
          })();
          return rows;
        });
        const last = rows[rows.length - 1];
        if (!last) break;
        after = [last.ws, last.id];
      }
      return changed;
    },
  };
}
