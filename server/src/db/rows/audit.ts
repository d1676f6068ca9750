// Rows of the audit log and their mapping to port records, for both adapters
// (times and the detail JSON through the adapter's Decode), and the opaque
// cursor of an audit page: the insertion number (seq) of its last row.
import type { AuditActorType, AuditDetail, AuditType } from "../../audit/event-types.ts";
import type { AuditEvent } from "../port.ts";
import type { Decode } from "./decode.ts";

export type AuditRow = {
  /** Insertion order: the log's order and its cursor (ids are random within a millisecond). */
  seq: number;
  id: string;
  workspace_id: string | null;
  type: string;
  at: unknown;
  actor_type: string;
  actor_id: string | null;
  actor_label: string | null;
  target_type: string | null;
  target_id: string | null;
  target_label: string | null;
  address: string | null;
  detail: unknown;
};

export function auditRows(d: Decode) {
  return {
    toAuditEvent: (r: AuditRow): AuditEvent => ({
      id: r.id,
      workspaceId: r.workspace_id,
      type: r.type as AuditType,
      at: d.time(r.at),
      actorType: r.actor_type as AuditActorType,
      actorId: r.actor_id,
      actorLabel: r.actor_label,
      targetType: r.target_type,
      targetId: r.target_id,
      targetLabel: r.target_label,
      address: r.address,
      detail: (d.json(r.detail) ?? {}) as AuditDetail,
    }),
  };
}

export const encodeAuditCursor = (seq: number) => Buffer.from(`a${seq}`).toString("base64url");

/** The seq after which the next page starts, or null (from the newest) when absent or not ours. */
export function decodeAuditCursor(s: string | undefined): number | null {
  if (!s) return null;
  const m = /^a(\d{1,15})$/.exec(Buffer.from(s, "base64url").toString());
  return m ? Number(m[1]) : null;
}

/** A page from rows fetched with LIMIT `limit + 1`. */
export function auditPage<R extends { seq: number }>(
  rows: readonly R[],
  limit: number,
  map: (r: R) => AuditEvent,
) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(map),
    nextCursor: rows.length > limit && last ? encodeAuditCursor(Number(last.seq)) : null,
  };
}
