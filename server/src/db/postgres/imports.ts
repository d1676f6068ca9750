// PostgreSQL: imported observations, idempotent per (workspace, source, row
// id) through import_rows, in one transaction that locks the workspace row
// first (the same lock order as a push) and stamps one new version.
import type { Db } from "../port.ts";
import type { PgHandle } from "./handle.ts";
import { rowValues, UPSERT_OBSERVATION } from "./rows.ts";

export function createImportsPart({
  sql,
}: PgHandle): Pick<Db, "importObservations" | "importedRows"> {
  return {
    async importedRows(ws, sourceKey, rows) {
      if (rows.length === 0) return [];
      const found = await sql<{ source_row_id: string }[]>`
        SELECT source_row_id FROM import_rows WHERE workspace_id = ${ws} AND source_key = ${sourceKey}
          AND source_row_id = ANY(${sql.array(rows.map((r) => r.sourceRowId))})
        UNION SELECT r.source_row_id FROM observations o
          JOIN unnest(${sql.array(rows.map((r) => r.observationId))}::text[],
            ${sql.array(rows.map((r) => r.sourceRowId))}::text[]) AS r(observation_id, source_row_id)
          ON o.id = r.observation_id WHERE o.workspace_id = ${ws}`;
      const there = new Set(found.map((f) => f.source_row_id));
      return rows.filter((r) => there.has(r.sourceRowId)).map((r) => r.sourceRowId);
    },
    importObservations: (ws, p) =>
      sql.begin(async (tx) => {
        const [w] = await tx<
          { version: number }[]
        >`SELECT version FROM workspaces WHERE id = ${ws} FOR UPDATE`;
        const current = w?.version ?? 0;
        const version = current + 1;
        const created: string[] = [];
        const duplicates: string[] = [];
        for (const r of p.rows) {
          const [seen] = await tx`SELECT 1 FROM import_rows WHERE workspace_id = ${ws}
            AND source_key = ${p.sourceKey} AND source_row_id = ${r.sourceRowId}
            UNION ALL SELECT 1 FROM observations WHERE workspace_id = ${ws} AND id = ${r.observationId}`;
          if (seen) {
            duplicates.push(r.sourceRowId);
            continue;
          }
          const values = rowValues(
            { entity: { ...r.entity, version }, ownerId: p.ownerId },
            tx.json,
          );
          await tx.unsafe(UPSERT_OBSERVATION, values as never[]);
          await tx`INSERT INTO import_rows (workspace_id, source_key, source_row_id, observation_id,
            imported_by, imported_at) VALUES (${ws}, ${p.sourceKey}, ${r.sourceRowId}, ${r.observationId},
            ${p.ownerId}, ${p.now})`;
          created.push(r.observationId);
        }
        if (created.length) await tx`UPDATE workspaces SET version = ${version} WHERE id = ${ws}`;
        return { created, duplicates, version: created.length ? version : current };
      }) as Promise<{ created: string[]; duplicates: string[]; version: number }>,
  };
}
