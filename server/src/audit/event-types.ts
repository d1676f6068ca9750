// The closed set of audit event types (docs/http-api.md "Audit log"). One
// list, read by the port, the route's query schema, the web page's filter and
// the test that drives a real route for each of them.
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
  /** Reserved: API keys do not exist yet; the type is kept so old logs stay readable. */
  "api-key",
  "export",
  "import",
  "backup",
  "restore",
] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];

export const AUDIT_ACTOR_TYPES = ["user", "device", "anonymous", "system"] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

/** Small, non-secret facts about an event (counts, roles, the email typed at a failed sign-in). */
export type AuditDetail = Record<string, string | number | boolean | null>;
