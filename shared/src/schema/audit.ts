// The audit log as the API shows it (GET /v1/audit): the closed set of event
// types, and one event — who did what to whom, when, from which address.
// The server's recorder (server/src/audit) and the web app's audit page read
// the same list.
import * as z from "zod/mini";

export const AUDIT_TYPES = [
  "sign-in",
  "sign-in-failed",
  "sign-out-everywhere",
  "password-change",
  "password-reset-issued",
  "password-reset-redeemed",
  "pairing",
  "readmission",
  "revocation",
  "user-created",
  "role-change",
  "user-disabled",
  "user-enabled",
  "user-renamed",
  "user-deleted",
  /** An insight or action deleted (soft: restorable from the journal). */
  "deletion",
  /** An API key created or revoked (detail.action; the key is the target, never its secret). */
  "api-key",
  /** A webhook subscribed or deleted (detail.action; the URL is the target label, never the secret). */
  "webhook",
  /**
   * Alerts (issue 19): a rule created, changed or deleted (target `alert-rule`),
   * an alert acknowledged (target `alert`); detail.action says which.
   */
  "alert",
  "export",
  "import",
  "backup",
  "restore",
] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];

/** `api-key`: a script or BI tool acting with an API key (e.g. an import). */
export const AUDIT_ACTOR_TYPES = ["user", "device", "anonymous", "system", "api-key"] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

export const AuditEventSchema = z.looseObject({
  id: z.string(),
  type: z.enum(AUDIT_TYPES),
  at: z.string(),
  actorType: z.enum(AUDIT_ACTOR_TYPES),
  actorId: z.nullable(z.string()),
  actorLabel: z.nullable(z.string()),
  targetType: z.nullable(z.string()),
  targetId: z.nullable(z.string()),
  targetLabel: z.nullable(z.string()),
  address: z.nullable(z.string()),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditPageSchema = z.looseObject({
  items: z.array(AuditEventSchema),
  nextCursor: z.nullable(z.string()),
});
