// Workspace configuration on PostgreSQL: stores and competitors (JSON in
// jsonb columns) and the tags in use. A config change takes the workspace
// row lock first and bumps the version in the same transaction, exactly like
// a push, so versions are still handed out in commit order (see pull.ts).
import type { Competitor, Store } from "@sightline/shared";
import { uuidv7 } from "@sightline/shared";
import type { ConfigDb } from "../port.ts";
import { type CompetitorRow, type StoreRow, storeConfig } from "../rows/config.ts";
import type { Sql, Tx } from "./connect.ts";
import type { PgHandle } from "./handle.ts";
import { toCompetitor, toStore } from "./rows.ts";

export function createConfigPart({ sql }: PgHandle): ConfigDb {
  /** Run `fn` under the workspace row lock; bump the version when it returns a value. */
  const configWrite = <T>(ws: string, fn: (tx: Tx) => Promise<T | null>) =>
    sql.begin(async (tx) => {
      const locked = await tx`SELECT 1 FROM workspaces WHERE id = ${ws} FOR UPDATE`;
      if (locked.count === 0) return null;
      const out = await fn(tx);
      if (out !== null) await tx`UPDATE workspaces SET version = version + 1 WHERE id = ${ws}`;
      return out;
    }) as Promise<T | null>;

  const readStore = async (q: Sql | Tx, ws: string, id: string) => {
    const [r] = await q<
      StoreRow[]
    >`SELECT id, name, config FROM stores WHERE workspace_id = ${ws} AND id = ${id}`;
    return r ? toStore(r) : null;
  };
  const saveStore = async (tx: Tx, ws: string, s: Store) => {
    await tx`INSERT INTO stores (workspace_id, id, name, config, updated_at)
      VALUES (${ws}, ${s.id}, ${s.name}, ${tx.json(storeConfig(s) as never)}, now())
      ON CONFLICT (workspace_id, id) DO UPDATE SET name = excluded.name, config = excluded.config,
        updated_at = excluded.updated_at`;
    return s;
  };
  const saveCompetitor = async (tx: Tx, ws: string, c: Competitor) => {
    await tx`INSERT INTO competitors (workspace_id, id, name, domains, updated_at)
      VALUES (${ws}, ${c.id}, ${c.name}, ${tx.json(c.domains)}, now())
      ON CONFLICT (workspace_id, id) DO UPDATE SET name = excluded.name, domains = excluded.domains,
        updated_at = excluded.updated_at`;
    return c;
  };

  return {
    async listStores(ws) {
      const rows = await sql<StoreRow[]>`
        SELECT id, name, config FROM stores WHERE workspace_id = ${ws} ORDER BY name, id`;
      return rows.map(toStore);
    },
    getStore: (ws, id) => readStore(sql, ws, id),
    async createStore(ws, input) {
      const s = await configWrite(ws, (tx) => saveStore(tx, ws, { id: uuidv7(), ...input }));
      if (!s) throw new Error(`createStore: no workspace ${ws}`);
      return s;
    },
    updateStore: (ws, id, patch) =>
      configWrite(ws, async (tx) => {
        const current = await readStore(tx, ws, id);
        return current ? saveStore(tx, ws, { ...current, ...patch, id }) : null;
      }),
    async listCompetitors(ws) {
      const rows = await sql<CompetitorRow[]>`
        SELECT id, name, domains FROM competitors WHERE workspace_id = ${ws} ORDER BY name, id`;
      return rows.map(toCompetitor);
    },
    async createCompetitor(ws, input) {
      const c = await configWrite(ws, (tx) => saveCompetitor(tx, ws, { id: uuidv7(), ...input }));
      if (!c) throw new Error(`createCompetitor: no workspace ${ws}`);
      return c;
    },
    updateCompetitor: (ws, id, patch) =>
      configWrite(ws, async (tx) => {
        const [r] = await tx<CompetitorRow[]>`
          SELECT id, name, domains FROM competitors WHERE workspace_id = ${ws} AND id = ${id}`;
        return r ? saveCompetitor(tx, ws, { ...toCompetitor(r), ...patch, id }) : null;
      }),
    async listTags(ws, limit) {
      const rows = await sql<{ tag: string }[]>`
        SELECT t.tag, count(*) AS n
        FROM observations o
        CROSS JOIN LATERAL jsonb_array_elements_text(
          CASE WHEN jsonb_typeof(o.fields -> 'tags') = 'array' THEN o.fields -> 'tags' ELSE '[]'::jsonb END
        ) AS t(tag)
        WHERE o.workspace_id = ${ws} AND o.live
        GROUP BY t.tag ORDER BY n DESC, t.tag COLLATE "C" LIMIT ${limit}`;
      return rows.map((r) => r.tag);
    },
  };
}
