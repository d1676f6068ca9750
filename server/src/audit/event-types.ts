// The closed set of audit event types (docs/http-api.md "Audit log"): one
// list in shared/ (schema/audit.ts), read by the port, the route's query
// schema, the web page's filter and the test that drives a real route for
// each of them.
export {
  AUDIT_ACTOR_TYPES,
  AUDIT_TYPES,
  type AuditActorType,
  type AuditType,
} from "@sightline/shared/schema/audit";

/** Small, non-secret facts about an event (counts, roles, the email typed at a failed sign-in). */
export type AuditDetail = Record<string, string | number | boolean | null>;
