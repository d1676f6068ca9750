// SQLite: imported observations, idempotent per (workspace, source, row id)
// through import_rows, all in one transaction stamped with one new
// workspace version (so pulls and live pokes see them like a push).
import type { Db } from "../port.ts";
import type { SqliteHandle } from "./handle.ts";
import { toRow, UPSERT_OBSERVATION } from "./rows.ts";

export function createImportsPart({
  db,
  queue,
}: SqliteHandle): Pick<Db, "importObservations" | "importedRows"> {
  const q = {
    version: db.prepare("SELECT version FROM workspaces WHERE id = ?"),
    bump: db.prepare("UPDATE workspaces SET version = ? WHERE id = ?"),
    seen: db.prepare(
      "SELECT 1 FROM import_rows WHERE workspace_id = ? AND source_key = ? AND source_row_id = ?",
    ),
    exists: db.prepare("SELECT 1 FROM observations WHERE workspace_id = ? AND id = ?"),
    upsert: db.prepare(UPSERT_OBSERVATION),
    record: db.prepare(`INSERT INTO import_rows (workspace_id, source_key, source_row_id,
      observation_id, imported_by, imported_at) VALUES (?, ?, ?, ?, ?, ?)`),
  };
  return {
    importedRows: (ws, sourceKey, rows) =>
      queue.run(() =>
        rows
          .filter(
            (r) => q.seen.get(ws, sourceKey, r.sourceRowId) || q.exists.get(ws, r.observationId),
          )
          .map((r) => r.sourceRowId),
      ),
    importObservations: (ws, p) =>
      queue.run(() =>
        db
          .transaction(() => {
            const current = (q.version.get(ws) as { version: number } | undefined)?.version ?? 0;
            const version = current + 1;
            const created: string[] = [];
            const duplicates: string[] = [];
            for (const r of p.rows) {
              if (q.seen.get(ws, p.sourceKey, r.sourceRowId) || q.exists.get(ws, r.observationId)) {
                duplicates.push(r.sourceRowId);
                continue;
              }
              q.upsert.run(toRow({ entity: { ...r.entity, version }, ownerId: p.ownerId }));
              q.record.run(ws, p.sourceKey, r.sourceRowId, r.observationId, p.ownerId, p.now);
              created.push(r.observationId);
            }
            if (created.length) q.bump.run(version, ws);
            return { created, duplicates, version: created.length ? version : current };
          })
          .immediate(),
      ),
  };
}
