// SQLite: the whole-journal timeline (docs/http-api.md "Journal timeline") —
// the journal's scope narrowed by the timeline's filters, newest first or,
// with query words, ranked by BM25 (db/timeline-rank.ts, shared with the
// PostgreSQL part), always with the exact total.
import type { Statement } from "better-sqlite3";
import { scopeWindow } from "../../journals/scope.ts";
import { decodeCursor, keysetPage } from "../cursor.ts";
import type { TimelineDb, TimelineQuery, TimelineWord } from "../port.ts";
import type { ObservationRow } from "../rows/observations.ts";
import { type Candidate, createCorpusCache, rankPage } from "../timeline-rank.ts";
import type { SqliteHandle } from "./handle.ts";
import { toEntity } from "./rows.ts";

/** The condition "word i occurs" (search text, or the store's or competitor's name). */
const wordHit = (w: TimelineWord, i: number) => {
  // Evaluated on every row of the scope: no per-row JSON; the name clauses
  // only when some store or competitor name holds the word.
  const ids = (column: string, list: readonly string[], tag: string) =>
    list.length ? ` OR ${column} IN (${list.map((_, k) => `@w${i}${tag}${k}`).join(", ")})` : "";
  return `(instr(search_text, @w${i}) > 0${ids("store_id", w.storeIds, "s")}${ids(
    "competitor_id",
    w.competitorIds,
    "c",
  )})`;
};

/**
 * WHERE clause and parameters over the columns of observations_timeline
 * only (migration 11), so every timeline query is an index-only scan: the
 * scope (as scopeWhere in journals.ts, on the index's columns), every filter,
 * and optionally the words. Needs and tags are matched in the JSON array
 * text: `"price"` occurs in `["price","information"]` only as a whole element.
 */
function timelineWhere(ws: string, q: TimelineQuery, o: { filters: boolean; words: boolean }) {
  const parts = ["workspace_id = @ws", "live = 1"];
  const params: Record<string, unknown> = { ws };
  let n = 0;
  const inList = (column: string, values: readonly string[] | undefined, nullable = false) => {
    if (!values?.length) return;
    const names = values.map((v) => {
      const name = `p${n++}`;
      params[name] = v;
      return `@${name}`;
    });
    const cond = `${column} IN (${names.join(", ")})`;
    parts.push(nullable ? `(${column} IS NULL OR ${cond})` : cond);
  };
  const inArray = (column: string, values: readonly string[] | undefined) => {
    if (!values?.length) return;
    const conds = values.map((v) => {
      const name = `p${n++}`;
      params[name] = JSON.stringify(v);
      return `instr(${column}, @${name}) > 0`;
    });
    parts.push(`(${conds.join(" OR ")})`);
  };
  const range = (fromMs: number | undefined, toMs: number | undefined) => {
    if (fromMs !== undefined) {
      parts.push(`captured_ms >= @p${n}`);
      params[`p${n++}`] = fromMs;
    }
    if (toMs !== undefined) {
      parts.push(`captured_ms < @p${n}`);
      params[`p${n++}`] = toMs;
    }
  };
  const s = q.scope;
  inList("channel", s.channels);
  inList("store_id", s.storeIds, true);
  inList("competitor_id", s.competitorIds, true);
  inArray("needs", s.needs);
  inArray("tags", s.tags);
  const w = scopeWindow(s);
  range(w.fromMs, w.toMs);
  if (o.filters) {
    inList("channel", q.channels);
    inList("store_id", q.storeIds);
    inList("competitor_id", q.competitorIds);
    inArray("needs", q.needs);
    inArray("tags", q.tags);
    inList("basis", q.bases);
    range(q.fromMs, q.toMs);
  }
  if (o.words) for (const [i, w] of (q.words ?? []).entries()) parts.push(wordHit(w, i));
  Object.assign(params, wordParams(q));
  return { sql: parts.join(" AND "), params };
}

function wordParams(q: TimelineQuery): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  q.words?.forEach((w, i) => {
    params[`w${i}`] = w.word;
    w.storeIds.forEach((id, k) => {
      params[`w${i}s${k}`] = id;
    });
    w.competitorIds.forEach((id, k) => {
      params[`w${i}c${k}`] = id;
    });
  });
  return params;
}

/** The newest-first page: index order is the page order (LIMIT stops early). */
const FROM = "observations INDEXED BY observations_timeline";
/**
 * Counts, the search pass and the corpus figures (migration 16): the index
 * leads with live and channel, so these seek to the channel's entries.
 */
const SEEK = "observations INDEXED BY observations_timeline_seek";

export function createTimelinePart({ db, queue }: SqliteHandle): TimelineDb {
  const statements = new Map<string, Statement>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      if (statements.size > 500) statements.clear();
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  // Only the parameters a statement names (better-sqlite3 refuses others).
  const run = (sql: string, params: Record<string, unknown>) => {
    const used = Object.fromEntries(
      Object.entries(params).filter(([k]) => new RegExp(`@${k}\\b`).test(sql)),
    );
    return prepared(sql).all(used);
  };

  const versionOf = db.prepare("SELECT version FROM workspaces WHERE id = ?");
  const corpora = createCorpusCache();
  /** The full rows of a page, by id. */
  const rowsById = (ws: string, ids: readonly string[]) => {
    const rows = prepared(
      "SELECT * FROM observations WHERE workspace_id = ? AND id IN (SELECT value FROM json_each(?))",
    ).all(ws, JSON.stringify(ids)) as ObservationRow[];
    return new Map(rows.map((r) => [r.id, r]));
  };

  return {
    queryTimeline: (ws, q) =>
      queue.run(() => {
        const words = q.words ?? [];
        const w = timelineWhere(ws, q, { filters: true, words: true });
        if (words.length === 0) {
          const cursor = decodeCursor(q.cursor);
          const sql = `SELECT id, captured_ms FROM ${FROM} WHERE ${w.sql}${
            cursor ? " AND (captured_ms, id) < (@cMs, @cId)" : ""
          } ORDER BY captured_ms DESC, id DESC LIMIT @limit`;
          const keys = run(sql, {
            ...w.params,
            ...(cursor ? { cMs: cursor[0], cId: cursor[1] } : {}),
            limit: q.limit + 1,
          }) as { id: string; captured_ms: number | null }[];
          const [count] = run(`SELECT COUNT(*) AS n FROM ${SEEK} WHERE ${w.sql}`, w.params) as {
            n: number;
          }[];
          const byId = rowsById(
            ws,
            keys.slice(0, q.limit).map((k) => k.id),
          );
          const page = keysetPage(keys, q.limit, (k) => toEntity(byId.get(k.id) as ObservationRow));
          return {
            items: page.items.map((entity) => ({ entity })),
            nextCursor: page.nextCursor,
            total: count?.n ?? 0,
          };
        }
        const candidates = run(
          `SELECT id, captured_ms, store_id, competitor_id, search_text FROM ${SEEK} WHERE ${w.sql}`,
          w.params,
        ) as Candidate[];
        // The scope's corpus figures (the filters left out; see timeline-rank.ts).
        const version = (versionOf.get(ws) as { version: number } | undefined)?.version ?? 0;
        const key = corpora.key(ws, version, q.scope, words);
        let corpus = corpora.get(key);
        if (!corpus) {
          const s = timelineWhere(ws, q, { filters: false, words: false });
          const dfs = words.map(
            (w, i) => `SUM(CASE WHEN ${wordHit(w, i)} THEN 1 ELSE 0 END) AS df${i}`,
          );
          const [row] = run(
            `SELECT COUNT(*) AS n, COALESCE(SUM(length(search_text)), 0) AS len, ${dfs.join(", ")}
             FROM ${SEEK} WHERE ${s.sql}`,
            { ...s.params, ...wordParams(q) },
          ) as Record<string, number | null>[];
          corpus = {
            n: row?.n ?? 0,
            length: row?.len ?? 0,
            df: words.map((_, i) => row?.[`df${i}`] ?? 0),
          };
          corpora.set(key, corpus);
        }
        const ranked = rankPage(candidates, words, corpus, q.limit, q.cursor);
        const byId = rowsById(
          ws,
          ranked.page.map((p) => p.id),
        );
        return {
          items: ranked.page.flatMap((p) => {
            const r = byId.get(p.id);
            return r ? [{ entity: toEntity(r), score: p.score }] : [];
          }),
          nextCursor: ranked.nextCursor,
          total: candidates.length,
        };
      }),
  };
}
