// Reading observations for people (REST, not sync) on PostgreSQL: filters,
// accent-folded substring search (strpos on the folded text, no LIKE
// escaping to get wrong) and keyset pagination on (captured_ms, id)
// descending, with the same opaque cursor as the SQLite adapter (db/cursor.ts).
import type postgres from "postgres";
import { decodeCursor, keysetPage } from "../cursor.ts";
import type { ObservationQuery, ObservationReadDb } from "../port.ts";
import type { ObservationRow } from "../rows/observations.ts";
import type { Sql } from "./connect.ts";
import type { PgHandle } from "./handle.ts";
import { toEntity } from "./rows.ts";

type Fragment = postgres.Fragment;

/** Rows featurised per page by refreshTextFeatures. */
const TEXT_FEATURES_PAGE = 500;

function filters(sql: Sql, ws: string, q: ObservationQuery): Fragment {
  const parts: Fragment[] = [sql`workspace_id = ${ws}`, sql`live`];
  if (q.channel !== undefined) parts.push(sql`channel = ${q.channel}`);
  if (q.storeId !== undefined) parts.push(sql`store_id = ${q.storeId}`);
  if (q.competitorId !== undefined) parts.push(sql`competitor_id = ${q.competitorId}`);
  if (q.need !== undefined) parts.push(sql`fields -> 'needs' @> ${sql.json([q.need])}`);
  if (q.tag !== undefined) parts.push(sql`fields -> 'tags' @> ${sql.json([q.tag])}`);
  if (q.q) parts.push(sql`strpos(search_text, ${q.q}) > 0`);
  if (q.fromMs !== undefined) parts.push(sql`captured_ms >= ${q.fromMs}`);
  if (q.toMs !== undefined) parts.push(sql`captured_ms < ${q.toMs}`);
  const cursor = decodeCursor(q.cursor);
  if (cursor) parts.push(sql`(captured_ms, id) < (${cursor[0]}, ${cursor[1]})`);
  return parts.reduce((a, b) => sql`${a} AND ${b}`);
}

export function createObservationsPart({ sql }: PgHandle): ObservationReadDb {
  return {
    async listObservations(ws, q) {
      const rows = await sql<ObservationRow[]>`
        SELECT * FROM observations WHERE ${filters(sql, ws, q)}
        ORDER BY captured_ms DESC NULLS LAST, id DESC LIMIT ${q.limit + 1}`;
      return keysetPage(rows, q.limit, toEntity);
    },
    async getObservation(ws, id) {
      const [r] = await sql<ObservationRow[]>`
        SELECT * FROM observations WHERE workspace_id = ${ws} AND id = ${id} AND live`;
      return r ? toEntity(r) : null;
    },
    async pageCaptureCandidates(ws, q) {
      if (q.urlPrefixes.length === 0) return [];
      const likes = q.urlPrefixes.map((p) => `${p.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      // ILIKE: host names are case-insensitive (the caller compares exactly afterwards).
      const rows = await sql<ObservationRow[]>`
        SELECT * FROM observations
        WHERE workspace_id = ${ws} AND live AND channel = 'web'
          AND (fields ->> 'url' ILIKE ANY (${likes})
            OR fields #>> '{evidence,facts,canonicalUrl}' ILIKE ANY (${likes}))
        ORDER BY captured_ms DESC NULLS LAST, id DESC LIMIT ${q.limit}`;
      return rows.map(toEntity);
    },
    async dumpEntities(ws) {
      const rows = await sql<
        ObservationRow[]
      >`SELECT * FROM observations WHERE workspace_id = ${ws} ORDER BY id`;
      return rows.map(toEntity);
    },
    async refreshSearchText(version, textOf) {
      const [seen] = await sql<{ value: string }[]>`
        SELECT value FROM meta WHERE key = 'search_text_version'`;
      if (seen?.value === version) return 0;
      let changed = 0;
      let after = ["", ""];
      for (;;) {
        const rows = await sql<{ ws: string; id: string; fields: string; text: string }[]>`
          SELECT workspace_id AS ws, id, fields::text AS fields, search_text AS text
          FROM observations WHERE (workspace_id, id) > (${after[0] ?? ""}, ${after[1] ?? ""})
          ORDER BY workspace_id, id LIMIT 1000`;
        if (rows.length === 0) break;
        for (const r of rows) {
          const next = textOf(JSON.parse(r.fields));
          if (next === r.text) continue;
          const done = await sql`UPDATE observations SET search_text = ${next}
            WHERE workspace_id = ${r.ws} AND id = ${r.id}`;
          changed += done.count;
        }
        const last = rows[rows.length - 1] as { ws: string; id: string };
        after = [last.ws, last.id];
      }
      await sql`INSERT INTO meta (key, value) VALUES ('search_text_version', ${version})
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
      return changed;
    },
    async refreshTextFeatures(version, featuresOf, signal) {
      const prefix = `${version}|`;
      let changed = 0;
      let after = ["", ""];
      while (!signal?.aborted) {
        const rows = await sql<{ ws: string; id: string; fields: string; version: number }[]>`
          SELECT workspace_id AS ws, id, fields::text AS fields, version FROM observations
          WHERE live AND (text_features IS NULL OR left(text_features, ${prefix.length}) <> ${prefix})
            AND (workspace_id, id) > (${after[0] ?? ""}, ${after[1] ?? ""})
          ORDER BY workspace_id, id LIMIT ${TEXT_FEATURES_PAGE}`;
        const last = rows[rows.length - 1];
        if (!last) break;
        const next = rows.map((r) => [
          r.ws,
          r.id,
          Number(r.version),
          featuresOf(JSON.parse(r.fields)),
        ]);
        // One statement per page; a row edited since it was read keeps its own features.
        const done = await sql`
          UPDATE observations o SET text_features = v.features
          FROM (SELECT * FROM jsonb_to_recordset(${sql.json(
            next.map(([ws, id, v, features]) => ({ ws, id, v, features })),
          )}) AS x(ws text, id text, v bigint, features text)) v
          WHERE o.workspace_id = v.ws AND o.id = v.id AND o.version = v.v`;
        changed += done.count;
        after = [last.ws, last.id];
      }
      return changed;
    },
  };
}
