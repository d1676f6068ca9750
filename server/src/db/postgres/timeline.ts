// PostgreSQL: the whole-journal timeline, with the same filters, order,
// cursor and ranking (db/timeline-rank.ts) as the SQLite part.
import type postgres from "postgres";
import { decodeCursor, keysetPage } from "../cursor.ts";
import type { TimelineDb, TimelineQuery, TimelineWord } from "../port.ts";
import type { ObservationRow } from "../rows/observations.ts";
import { type Candidate, createCorpusCache, rankPage } from "../timeline-rank.ts";
import type { Sql } from "./connect.ts";
import type { PgHandle } from "./handle.ts";
import { scopeFilter } from "./journals.ts";
import { toEntity } from "./rows.ts";

type Fragment = postgres.Fragment;

const and = (sql: Sql, parts: Fragment[]) => parts.reduce((a, b) => sql`${a} AND ${b}`);

/** "The word occurs": in the search text, or in the store's or competitor's name. */
const wordHit = (sql: Sql, w: TimelineWord) => {
  const stores = w.storeIds.length ? sql` OR store_id = ANY(${sql.array([...w.storeIds])})` : sql``;
  const competitors = w.competitorIds.length
    ? sql` OR competitor_id = ANY(${sql.array([...w.competitorIds])})`
    : sql``;
  return sql`(strpos(search_text, ${w.word}) > 0${stores}${competitors})`;
};

function timelineFilter(sql: Sql, ws: string, q: TimelineQuery): Fragment {
  const parts: Fragment[] = [scopeFilter(sql, ws, q.scope)];
  const arr = (v: readonly string[]) => sql.array([...v]);
  if (q.channels?.length) parts.push(sql`channel = ANY(${arr(q.channels)})`);
  if (q.storeIds?.length) parts.push(sql`store_id = ANY(${arr(q.storeIds)})`);
  if (q.competitorIds?.length) parts.push(sql`competitor_id = ANY(${arr(q.competitorIds)})`);
  // The stored columns of migration 16, so counts and the search pass stay
  // index-only (observations_timeline_seek).
  if (q.needs?.length) parts.push(sql`needs ?| ${arr(q.needs)}`);
  if (q.tags?.length) parts.push(sql`tags ?| ${arr(q.tags)}`);
  if (q.bases?.length) parts.push(sql`basis = ANY(${arr(q.bases)})`);
  if (q.fromMs !== undefined) parts.push(sql`captured_ms >= ${q.fromMs}`);
  if (q.toMs !== undefined) parts.push(sql`captured_ms < ${q.toMs}`);
  for (const w of q.words ?? []) parts.push(wordHit(sql, w));
  return and(sql, parts);
}

export function createTimelinePart({ sql }: PgHandle): TimelineDb {
  const corpora = createCorpusCache();
  return {
    async queryTimeline(ws, q) {
      const words = q.words ?? [];
      const where = timelineFilter(sql, ws, q);
      if (words.length === 0) {
        const cursor = decodeCursor(q.cursor);
        const after = cursor ? sql`AND (captured_ms, id) < (${cursor[0]}, ${cursor[1]})` : sql``;
        const [rows, [count]] = await Promise.all([
          sql<ObservationRow[]>`SELECT * FROM observations WHERE ${where} ${after}
            ORDER BY captured_ms DESC, id DESC LIMIT ${q.limit + 1}`,
          sql<{ n: number }[]>`SELECT COUNT(*)::int AS n FROM observations WHERE ${where}`,
        ]);
        const page = keysetPage(rows, q.limit, toEntity);
        return {
          items: page.items.map((entity) => ({ entity })),
          nextCursor: page.nextCursor,
          total: count?.n ?? 0,
        };
      }
      // The scope's corpus figures (the filters left out; see timeline-rank.ts).
      const [v] = await sql<{ version: number }[]>`SELECT version FROM workspaces WHERE id = ${ws}`;
      const key = corpora.key(ws, Number(v?.version ?? 0), q.scope, words);
      const dfs = words.map(
        (w, i) => sql`COUNT(*) FILTER (WHERE ${wordHit(sql, w)})::int AS ${sql(`df${i}`)}`,
      );
      const [candidates, corpus] = await Promise.all([
        sql<Candidate[]>`SELECT id, captured_ms::float8 AS captured_ms, store_id, competitor_id,
          search_text FROM observations WHERE ${where}`,
        corpora.get(key) ??
          sql<Record<string, number>[]>`SELECT COUNT(*)::int AS n,
            COALESCE(SUM(length(search_text)), 0)::float8 AS len,
            ${dfs.reduce((a, b) => sql`${a}, ${b}`)}
            FROM observations WHERE ${scopeFilter(sql, ws, q.scope)}`.then(([row]) => {
            const c = {
              n: row?.n ?? 0,
              length: row?.len ?? 0,
              df: words.map((_, i) => row?.[`df${i}`] ?? 0),
            };
            corpora.set(key, c);
            return c;
          }),
      ]);
      const ranked = rankPage(candidates, words, corpus, q.limit, q.cursor);
      const rows = await sql<ObservationRow[]>`SELECT * FROM observations
        WHERE workspace_id = ${ws} AND id = ANY(${sql.array(ranked.page.map((p) => p.id))})`;
      const byId = new Map(rows.map((r) => [r.id, r]));
      return {
        items: ranked.page.flatMap((p) => {
          const r = byId.get(p.id);
          return r ? [{ entity: toEntity(r), score: p.score }] : [];
        }),
        nextCursor: ranked.nextCursor,
        total: candidates.length,
      };
    },
  };
}
