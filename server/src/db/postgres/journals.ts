// PostgreSQL: journals and the observations in their scope (timeline pages
// and full scans), with the same semantics and cursor as the SQLite part.
import type postgres from "postgres";
import type { Journal, JournalScope } from "../../journals/model.ts";
import { scopeWindow } from "../../journals/scope.ts";
import { decodeCursor, keysetPage } from "../cursor.ts";
import type { JournalsDb, ScopeQuery } from "../port.ts";
import type { JournalRow } from "../rows/journals.ts";
import type { ObservationRow } from "../rows/observations.ts";
import type { Sql } from "./connect.ts";
import type { PgHandle } from "./handle.ts";
import { toEntity, toJournal, toScanned } from "./rows.ts";

type Fragment = postgres.Fragment;

export function scopeFilter(
  sql: Sql,
  ws: string,
  s: JournalScope,
  extra: Pick<ScopeQuery, "q" | "channel"> = {},
): Fragment {
  const parts: Fragment[] = [sql`workspace_id = ${ws}`, sql`live`];
  if (s.channels?.length) parts.push(sql`channel = ANY(${sql.array(s.channels)})`);
  if (s.storeIds?.length)
    parts.push(sql`(store_id IS NULL OR store_id = ANY(${sql.array(s.storeIds)}))`);
  if (s.competitorIds?.length) {
    parts.push(sql`(competitor_id IS NULL OR competitor_id = ANY(${sql.array(s.competitorIds)}))`);
  }
  // needs and tags: the stored copies of migration 16 (index-only timeline scans).
  if (s.needs?.length) parts.push(sql`needs ?| ${sql.array(s.needs)}`);
  if (s.tags?.length) parts.push(sql`tags ?| ${sql.array(s.tags)}`);
  const { fromMs, toMs } = scopeWindow(s);
  if (fromMs !== undefined) parts.push(sql`captured_ms >= ${fromMs}`);
  if (toMs !== undefined) parts.push(sql`captured_ms < ${toMs}`);
  if (extra.channel) parts.push(sql`channel = ${extra.channel}`);
  if (extra.q) parts.push(sql`strpos(search_text, ${extra.q}) > 0`);
  return parts.reduce((a, b) => sql`${a} AND ${b}`);
}

export function createJournalsPart({ sql }: PgHandle): JournalsDb {
  const getJournal = async (ws: string, id: string) => {
    const [r] = await sql<
      JournalRow[]
    >`SELECT * FROM journals WHERE workspace_id = ${ws} AND id = ${id}`;
    return r ? toJournal(r) : null;
  };
  return {
    async createJournal(ws, j) {
      await sql`INSERT INTO journals (workspace_id, id, title, question, goal, scope, archived,
        created_by, created_at, updated_at) VALUES (${ws}, ${j.id}, ${j.title}, ${j.question},
        ${j.goal}, ${sql.json(j.scope as never)}, false, ${j.createdBy}, ${j.createdAt}, ${j.createdAt})`;
      return (await getJournal(ws, j.id)) as Journal;
    },
    async listJournals(ws) {
      const rows = await sql<JournalRow[]>`SELECT * FROM journals WHERE workspace_id = ${ws}
        ORDER BY created_at DESC, id DESC`;
      return rows.map(toJournal);
    },
    getJournal,
    async updateJournal(ws, id, changes, now) {
      const cur = await getJournal(ws, id);
      if (!cur) return null;
      const n = { ...cur, ...changes };
      await sql`UPDATE journals SET title = ${n.title}, question = ${n.question}, goal = ${n.goal},
        scope = ${sql.json(n.scope as never)}, archived = ${n.archived}, updated_at = ${now}
        WHERE workspace_id = ${ws} AND id = ${id}`;
      return getJournal(ws, id);
    },
    async listScopedObservations(ws, q) {
      const cursor = decodeCursor(q.cursor);
      const asc = q.ascending ?? true;
      const after = cursor
        ? asc
          ? sql`AND (captured_ms, id) > (${cursor[0]}, ${cursor[1]})`
          : sql`AND (captured_ms, id) < (${cursor[0]}, ${cursor[1]})`
        : sql``;
      const order = asc ? sql`ORDER BY captured_ms, id` : sql`ORDER BY captured_ms DESC, id DESC`;
      const rows = await sql<ObservationRow[]>`SELECT * FROM observations
        WHERE ${scopeFilter(sql, ws, q.scope, q)} ${after} ${order} LIMIT ${q.limit + 1}`;
      return keysetPage(rows, q.limit, toEntity);
    },
    async scanScopedObservations(ws, scope) {
      const rows = await sql<
        Pick<ObservationRow, "id" | "created_by" | "fields" | "version" | "text_features">[]
      >`
        SELECT id, created_by, fields, version, text_features FROM observations
        WHERE ${scopeFilter(sql, ws, scope)} ORDER BY captured_ms, id`;
      return rows.map(toScanned);
    },
    async scanScopedChanges(ws, scope, since) {
      // Scope as a column, not a filter: the version range alone picks the
      // rows (observations_version), whatever the scope.
      const rows = await sql<
        (Pick<ObservationRow, "id" | "created_by" | "fields" | "version" | "text_features"> & {
          in_scope: boolean;
        })[]
      >`SELECT id, created_by, fields, version, text_features, (${scopeFilter(sql, ws, scope)}) AS in_scope
        FROM observations WHERE workspace_id = ${ws} AND version > ${since}
        ORDER BY captured_ms, id`;
      return {
        changedIds: rows.map((r) => r.id),
        observations: rows.filter((r) => r.in_scope).map(toScanned),
      };
    },
    async getObservations(ws, ids) {
      if (ids.length === 0) return [];
      const rows = await sql<ObservationRow[]>`SELECT * FROM observations
        WHERE workspace_id = ${ws} AND live AND id = ANY(${sql.array([...ids])})`;
      return rows.map(toEntity);
    },
  };
}
