// The audit log on PostgreSQL: one INSERT per event, read newest first by
// insertion (seq), pruned by time for retention. A trigger refuses
// UPDATE, so a row once written stays as written.
import { uuidv7 } from "@sightline/shared";
import type { AuditDb } from "../port.ts";
import { type AuditRow, auditPage, decodeAuditCursor } from "../rows/audit.ts";
import type { PgHandle } from "./handle.ts";
import { toAuditEvent } from "./rows.ts";

export function createAuditPart({ sql }: PgHandle): AuditDb {
  return {
    async appendAudit(e) {
      const [r] = await sql<AuditRow[]>`
        INSERT INTO audit_events (id, workspace_id, type, at, actor_type, actor_id, actor_label,
          target_type, target_id, target_label, address, detail)
        VALUES (${uuidv7()}, ${e.workspaceId}, ${e.type}, ${e.at}, ${e.actorType}, ${e.actorId},
          ${e.actorLabel}, ${e.targetType}, ${e.targetId}, ${e.targetLabel}, ${e.address},
          ${sql.json(e.detail)})
        RETURNING *`;
      if (!r) throw new Error("appendAudit: no row");
      return toAuditEvent(r);
    },
    async listAudit(ws, q) {
      const after = decodeAuditCursor(q.cursor);
      const rows = await sql<AuditRow[]>`
        SELECT * FROM audit_events WHERE workspace_id = ${ws}
          ${q.type ? sql`AND type = ${q.type}` : sql``}
          ${q.actorId ? sql`AND actor_id = ${q.actorId}` : sql``}
          ${q.from ? sql`AND at >= ${q.from}` : sql``}
          ${q.to ? sql`AND at < ${q.to}` : sql``}
          ${after !== null ? sql`AND seq < ${after}` : sql``}
        ORDER BY seq DESC LIMIT ${q.limit + 1}`;
      return auditPage(rows, q.limit, toAuditEvent);
    },
    async pruneAudit(before) {
      const r = await sql`DELETE FROM audit_events WHERE at < ${before}`;
      return r.count;
    },
  };
}
