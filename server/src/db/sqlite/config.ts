// Workspace configuration on SQLite: stores (zones, behaviours, feedback
// question, reasons) and competitors. Any change bumps the workspace version,
// so a device's next pull carries a new cookie and the fresh config.
import type { Competitor, Store } from "@sightline/shared";
import { uuidv7 } from "@sightline/shared";
import type { ConfigDb } from "../port.ts";
import { type CompetitorRow, type StoreRow, storeConfig } from "../rows/config.ts";
import type { SqliteHandle } from "./handle.ts";
import { toCompetitor, toStore } from "./rows.ts";

export function createConfigPart({ db, queue }: SqliteHandle): ConfigDb {
  const q = {
    stores: db.prepare(
      "SELECT id, name, config FROM stores WHERE workspace_id = ? ORDER BY name, id",
    ),
    store: db.prepare("SELECT id, name, config FROM stores WHERE workspace_id = ? AND id = ?"),
    putStore: db.prepare(
      `INSERT INTO stores (workspace_id, id, name, config, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (workspace_id, id) DO UPDATE SET name = excluded.name, config = excluded.config,
         updated_at = excluded.updated_at`,
    ),
    competitors: db.prepare(
      "SELECT id, name, domains FROM competitors WHERE workspace_id = ? ORDER BY name, id",
    ),
    competitor: db.prepare(
      "SELECT id, name, domains FROM competitors WHERE workspace_id = ? AND id = ?",
    ),
    putCompetitor: db.prepare(
      `INSERT INTO competitors (workspace_id, id, name, domains, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (workspace_id, id) DO UPDATE SET name = excluded.name, domains = excluded.domains,
         updated_at = excluded.updated_at`,
    ),
    bump: db.prepare("UPDATE workspaces SET version = version + 1 WHERE id = ?"),
    tags: db.prepare(
      `SELECT t.value AS tag, count(*) AS n FROM observations o, json_each(o.fields, '$.tags') t
       WHERE o.workspace_id = ? AND o.live = 1 GROUP BY t.value ORDER BY n DESC, t.value LIMIT ?`,
    ),
  };

  const saveStore = db.transaction((ws: string, s: Store) => {
    q.putStore.run(ws, s.id, s.name, JSON.stringify(storeConfig(s)), new Date().toISOString());
    q.bump.run(ws);
    return s;
  });
  const saveCompetitor = db.transaction((ws: string, c: Competitor) => {
    q.putCompetitor.run(ws, c.id, c.name, JSON.stringify(c.domains), new Date().toISOString());
    q.bump.run(ws);
    return c;
  });
  const getStore = (ws: string, id: string) => {
    const r = q.store.get(ws, id) as StoreRow | undefined;
    return r ? toStore(r) : null;
  };

  return {
    listStores: (ws) => queue.run(() => (q.stores.all(ws) as StoreRow[]).map(toStore)),
    getStore: (ws, id) => queue.run(() => getStore(ws, id)),
    createStore: (ws, input) =>
      queue.run(() => saveStore.immediate(ws, { id: uuidv7(), ...input })),
    updateStore: (ws, id, patch) =>
      queue.run(() => {
        const current = getStore(ws, id);
        return current ? saveStore.immediate(ws, { ...current, ...patch, id }) : null;
      }),
    listCompetitors: (ws) =>
      queue.run(() => (q.competitors.all(ws) as CompetitorRow[]).map(toCompetitor)),
    createCompetitor: (ws, input) =>
      queue.run(() => saveCompetitor.immediate(ws, { id: uuidv7(), ...input })),
    updateCompetitor: (ws, id, patch) =>
      queue.run(() => {
        const r = q.competitor.get(ws, id) as CompetitorRow | undefined;
        return r ? saveCompetitor.immediate(ws, { ...toCompetitor(r), ...patch, id }) : null;
      }),
    listTags: (ws, limit) =>
      queue.run(() => (q.tags.all(ws, limit) as { tag: string }[]).map((r) => r.tag)),
  };
}
