// SQLite: journals and the observations in their scope (timeline pages and
// full scans for suggestions and stats).
import type { Statement } from "better-sqlite3";
import type { Journal, JournalScope } from "../../journals/model.ts";
import { scopeWindow } from "../../journals/scope.ts";
import { decodeCursor, keysetPage } from "../cursor.ts";
import type { JournalsDb, ScopeQuery } from "../port.ts";
import type { JournalRow } from "../rows/journals.ts";
import type { ObservationRow } from "../rows/observations.ts";
import type { SqliteHandle } from "./handle.ts";
import { toEntity, toJournal, toScanned } from "./rows.ts";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** WHERE clause and parameters for a scope (see ScopeQuery for the semantics). */
export function scopeWhere(
  ws: string,
  scope: JournalScope,
  extra: Pick<ScopeQuery, "q" | "channel"> = {},
): { sql: string; params: Record<string, unknown> } {
  const parts = ["workspace_id = @ws", "live = 1"];
  const params: Record<string, unknown> = { ws };
  const list = (name: string, values: readonly string[] | undefined, sql: string) => {
    if (!values?.length) return;
    parts.push(sql);
    params[name] = JSON.stringify(values);
  };
  list("channels", scope.channels, "channel IN (SELECT value FROM json_each(@channels))");
  list(
    "stores",
    scope.storeIds,
    "(store_id IS NULL OR store_id IN (SELECT value FROM json_each(@stores)))",
  );
  list(
    "competitors",
    scope.competitorIds,
    "(competitor_id IS NULL OR competitor_id IN (SELECT value FROM json_each(@competitors)))",
  );
  list(
    "needs",
    scope.needs,
    "EXISTS (SELECT 1 FROM json_each(fields, '$.needs') n WHERE n.value IN (SELECT value FROM json_each(@needs)))",
  );
  list(
    "tags",
    scope.tags,
    "EXISTS (SELECT 1 FROM json_each(fields, '$.tags') t WHERE t.value IN (SELECT value FROM json_each(@tags)))",
  );
  const { fromMs, toMs } = scopeWindow(scope);
  if (fromMs !== undefined) {
    parts.push("captured_ms >= @fromMs");
    params.fromMs = fromMs;
  }
  if (toMs !== undefined) {
    parts.push("captured_ms < @toMs");
    params.toMs = toMs;
  }
  if (extra.channel) {
    parts.push("channel = @channel");
    params.channel = extra.channel;
  }
  if (extra.q) {
    parts.push("search_text LIKE @q ESCAPE '\\'");
    params.q = `%${escapeLike(extra.q)}%`;
  }
  return { sql: parts.join(" AND "), params };
}

export function createJournalsPart({ db, queue }: SqliteHandle): JournalsDb {
  const q = {
    insert:
      db.prepare(`INSERT INTO journals (workspace_id, id, title, question, goal, scope, archived,
      created_by, created_at, updated_at) VALUES (@ws, @id, @title, @question, @goal, @scope, 0,
      @createdBy, @createdAt, @createdAt)`),
    one: db.prepare("SELECT * FROM journals WHERE workspace_id = ? AND id = ?"),
    all: db.prepare(
      "SELECT * FROM journals WHERE workspace_id = ? ORDER BY created_at DESC, id DESC",
    ),
    update: db.prepare(`UPDATE journals SET title = @title, question = @question, goal = @goal,
      scope = @scope, archived = @archived, updated_at = @now WHERE workspace_id = @ws AND id = @id`),
  };
  const statements = new Map<string, Statement>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  const getJournal = (ws: string, id: string) => {
    const r = q.one.get(ws, id) as JournalRow | undefined;
    return r ? toJournal(r) : null;
  };

  return {
    createJournal: (ws, j) =>
      queue.run(() => {
        q.insert.run({ ws, ...j, scope: JSON.stringify(j.scope) });
        return getJournal(ws, j.id) as Journal;
      }),
    listJournals: (ws) => queue.run(() => (q.all.all(ws) as JournalRow[]).map(toJournal)),
    getJournal: (ws, id) => queue.run(() => getJournal(ws, id)),
    updateJournal: (ws, id, changes, now) =>
      queue.run(() => {
        const cur = getJournal(ws, id);
        if (!cur) return null;
        const next = { ...cur, ...changes };
        q.update.run({
          ws,
          id,
          title: next.title,
          question: next.question,
          goal: next.goal,
          scope: JSON.stringify(next.scope),
          archived: next.archived ? 1 : 0,
          now,
        });
        return getJournal(ws, id);
      }),
    listScopedObservations: (ws, sq) =>
      queue.run(() => {
        const w = scopeWhere(ws, sq.scope, sq);
        const cursor = decodeCursor(sq.cursor);
        const asc = sq.ascending ?? true;
        let sql = `SELECT * FROM observations WHERE ${w.sql}`;
        if (cursor) {
          sql += asc
            ? " AND (captured_ms, id) > (@cMs, @cId)"
            : " AND (captured_ms, id) < (@cMs, @cId)";
        }
        sql += asc
          ? " ORDER BY captured_ms, id LIMIT @limit"
          : " ORDER BY captured_ms DESC, id DESC LIMIT @limit";
        const rows = prepared(sql).all({
          ...w.params,
          ...(cursor ? { cMs: cursor[0], cId: cursor[1] } : {}),
          limit: sq.limit + 1,
        }) as ObservationRow[];
        return keysetPage(rows, sq.limit, toEntity);
      }),
    scanScopedObservations: (ws, scope) =>
      queue.run(() => {
        const w = scopeWhere(ws, scope);
        const sql = `SELECT id, created_by, fields, version, text_features FROM observations
          WHERE ${w.sql} ORDER BY captured_ms, id`;
        const rows = prepared(sql).all(w.params) as Pick<
          ObservationRow,
          "id" | "created_by" | "fields" | "version" | "text_features"
        >[];
        return rows.map(toScanned);
      }),
    scanScopedChanges: (ws, scope, since) =>
      queue.run(() => {
        // Scope as a column, not a filter: the version range alone picks
        // the rows, so SQLite walks observations_version and never the scope.
        const w = scopeWhere(ws, scope);
        const sql = `SELECT id, created_by, fields, version, text_features, (${w.sql}) AS in_scope
          FROM observations INDEXED BY observations_version
          WHERE workspace_id = @ws AND version > @since ORDER BY captured_ms, id`;
        const rows = prepared(sql).all({ ...w.params, since }) as (Pick<
          ObservationRow,
          "id" | "created_by" | "fields" | "version" | "text_features"
        > & { in_scope: number })[];
        return {
          changedIds: rows.map((r) => r.id),
          observations: rows.filter((r) => r.in_scope === 1).map(toScanned),
        };
      }),
    getObservations: (ws, ids) =>
      queue.run(() => {
        if (ids.length === 0) return [];
        const rows = prepared(
          "SELECT * FROM observations WHERE workspace_id = ? AND live = 1 AND id IN (SELECT value FROM json_each(?))",
        ).all(ws, JSON.stringify(ids)) as ObservationRow[];
        return rows.map(toEntity);
      }),
  };
}
