// The audit log on SQLite: appended through the single writer, read newest
// first by insertion (seq), pruned by time for retention. A trigger refuses
// UPDATE, so a row once written stays as written.
import { uuidv7 } from "@sightline/shared";
import type { AuditDb } from "../port.ts";
import { type AuditRow, auditPage, decodeAuditCursor } from "../rows/audit.ts";
import type { SqliteHandle } from "./handle.ts";
import { toAuditEvent } from "./rows.ts";

export function createAuditPart({ db, queue }: SqliteHandle): AuditDb {
  const insert = db.prepare(
    `INSERT INTO audit_events (id, workspace_id, type, at, actor_type, actor_id, actor_label,
       target_type, target_id, target_label, address, detail)
     VALUES (@id, @workspaceId, @type, @at, @actorType, @actorId, @actorLabel,
       @targetType, @targetId, @targetLabel, @address, @detail) RETURNING *`,
  );
  const list = db.prepare(
    `SELECT * FROM audit_events WHERE workspace_id = @ws
       AND (@type IS NULL OR type = @type) AND (@actor IS NULL OR actor_id = @actor)
       AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to)
       AND (@after IS NULL OR seq < @after)
     ORDER BY seq DESC LIMIT @limit`,
  );
  const prune = db.prepare("DELETE FROM audit_events WHERE at < ?");

  return {
    appendAudit: (e) =>
      queue.run(() =>
        toAuditEvent(
          insert.get({ ...e, id: uuidv7(), detail: JSON.stringify(e.detail) }) as AuditRow,
        ),
      ),
    listAudit: (ws, q) =>
      queue.run(() => {
        const rows = list.all({
          ws,
          type: q.type ?? null,
          actor: q.actorId ?? null,
          from: q.from ?? null,
          to: q.to ?? null,
          after: decodeAuditCursor(q.cursor),
          limit: q.limit + 1,
        }) as AuditRow[];
        return auditPage(rows, q.limit, toAuditEvent);
      }),
    pruneAudit: (before) => queue.run(() => prune.run(before).changes),
  };
}
