// SQLite: the whole-journal timeline (docs/http-api.md "Journal timeline") —
// the journal's scope narrowed by the timeline's filters, newest first or,
// with query words, ranked by BM25 (db/timeline-rank.ts, shared with the
// PostgreSQL part), always with the exact total.
import type { Statement } from "better-sqlite3";
import { decodeCursor, keysetPage } from "../cursor.ts";
import type { TimelineDb, TimelineQuery } from "../port.ts";
import type { ObservationRow } from "../rows/observations.ts";
import { type Candidate, rankPage } from "../timeline-rank.ts";
import type { SqliteHandle } from "./handle.ts";
import { scopeWhere } from "./journals.ts";
import { toEntity } from "./rows.ts";

/** The condition "word i occurs" (search text, or the store's or competitor's name). */
const wordHit = (i: number) =>
  `(instr(search_text, @w${i}) > 0 OR store_id IN (SELECT value FROM json_each(@w${i}s))
    OR competitor_id IN (SELECT value FROM json_each(@w${i}c)))`;

/** WHERE clause and parameters: the scope, then every filter, then (optionally) the words. */
function timelineWhere(ws: string, q: TimelineQuery, withWords: boolean) {
  const w = scopeWhere(ws, q.scope);
  const parts = [w.sql];
  const params: Record<string, unknown> = { ...w.params };
  const list = (name: string, values: readonly string[] | undefined, sql: string) => {
    if (!values?.length) return;
    parts.push(sql);
    params[name] = JSON.stringify(values);
  };
  list("fChannels", q.channels, "channel IN (SELECT value FROM json_each(@fChannels))");
  list("fStores", q.storeIds, "store_id IN (SELECT value FROM json_each(@fStores))");
  list(
    "fCompetitors",
    q.competitorIds,
    "competitor_id IN (SELECT value FROM json_each(@fCompetitors))",
  );
  list(
    "fNeeds",
    q.needs,
    "EXISTS (SELECT 1 FROM json_each(fields, '$.needs') n WHERE n.value IN (SELECT value FROM json_each(@fNeeds)))",
  );
  list(
    "fTags",
    q.tags,
    "EXISTS (SELECT 1 FROM json_each(fields, '$.tags') t WHERE t.value IN (SELECT value FROM json_each(@fTags)))",
  );
  list(
    "fBases",
    q.bases,
    "json_extract(fields, '$.basis') IN (SELECT value FROM json_each(@fBases))",
  );
  if (q.fromMs !== undefined) {
    parts.push("captured_ms >= @fFromMs");
    params.fFromMs = q.fromMs;
  }
  if (q.toMs !== undefined) {
    parts.push("captured_ms < @fToMs");
    params.fToMs = q.toMs;
  }
  if (withWords) {
    q.words?.forEach((_, i) => {
      parts.push(wordHit(i));
    });
  }
  Object.assign(params, wordParams(q));
  return { sql: parts.join(" AND "), params };
}

function wordParams(q: TimelineQuery): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  q.words?.forEach((w, i) => {
    params[`w${i}`] = w.word;
    params[`w${i}s`] = JSON.stringify(w.storeIds);
    params[`w${i}c`] = JSON.stringify(w.competitorIds);
  });
  return params;
}

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

  return {
    queryTimeline: (ws, q) =>
      queue.run(() => {
        const words = q.words ?? [];
        const w = timelineWhere(ws, q, true);
        if (words.length === 0) {
          const cursor = decodeCursor(q.cursor);
          const sql = `SELECT * FROM observations WHERE ${w.sql}${
            cursor ? " AND (captured_ms, id) < (@cMs, @cId)" : ""
          } ORDER BY captured_ms DESC, id DESC LIMIT @limit`;
          const rows = run(sql, {
            ...w.params,
            ...(cursor ? { cMs: cursor[0], cId: cursor[1] } : {}),
            limit: q.limit + 1,
          }) as ObservationRow[];
          const [count] = run(
            `SELECT COUNT(*) AS n FROM observations WHERE ${w.sql}`,
            w.params,
          ) as {
            n: number;
          }[];
          const page = keysetPage(rows, q.limit, toEntity);
          return {
            items: page.items.map((entity) => ({ entity })),
            nextCursor: page.nextCursor,
            total: count?.n ?? 0,
          };
        }
        const candidates = run(
          `SELECT id, captured_ms, store_id, competitor_id, search_text FROM observations WHERE ${w.sql}`,
          w.params,
        ) as Candidate[];
        // The scope's corpus figures (the filters left out; see timeline-rank.ts).
        const s = scopeWhere(ws, q.scope);
        const dfs = words.map((_, i) => `SUM(CASE WHEN ${wordHit(i)} THEN 1 ELSE 0 END) AS df${i}`);
        const [corpusRow] = run(
          `SELECT COUNT(*) AS n, COALESCE(SUM(length(search_text)), 0) AS len, ${dfs.join(", ")}
           FROM observations WHERE ${s.sql}`,
          { ...s.params, ...wordParams(q) },
        ) as Record<string, number | null>[];
        const corpus = {
          n: corpusRow?.n ?? 0,
          length: corpusRow?.len ?? 0,
          df: words.map((_, i) => corpusRow?.[`df${i}`] ?? 0),
        };
        const ranked = rankPage(candidates, words, corpus, q.limit, q.cursor);
        const rows = prepared(
          "SELECT * FROM observations WHERE workspace_id = ? AND id IN (SELECT value FROM json_each(?))",
        ).all(ws, JSON.stringify(ranked.page.map((p) => p.id))) as ObservationRow[];
        const byId = new Map(rows.map((r) => [r.id, r]));
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
