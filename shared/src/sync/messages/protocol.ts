// obs-sync protocol versions. One line of history per change:
//   1 — push/pull with field-LWW entities, seq-gap 409, cookie {epoch, v, k?}.
//   1 (additions, round 2, all optional for old clients) — rejection codes
//       `clock-ahead` / `clock-behind` (re-stamp and send again); 409
//       `seq-reused {lastSeq}` (renumber unsent writes after lastSeq); the pair
//       answer's `device.lastSeq` (a fresh storage starts after it); pairing
//       with a live device's id → 409 `device-id-taken`.
//   1 (additions, round 3, optional) — push and pull requests may carry
//       `status: {unsynced, oldestUnsyncedAt, storagePersisted?}` (the device's
//       queue and storage); the server keeps the last one for the fleet view.
//   1 (additions, round 4, optional) — an observation's `evidence` may carry
//       `change` (shared/src/schema/recorded-change.ts): a change recorded on
//       a revisited or watched page as structured before/after, {kind:
//       "price", role?, before: {amount, currency} | null, after: …} or
//       {kind: "text", before: {text}, after: {text}}. Older clients never
//       send it; a server before it refuses it as an unknown key (`invalid`).
export const PROTOCOL_VERSION = 1 as const;
// Client data schema. Older clients' queued mutations are upcast on the server.
//   1 — observation fields as in docs/domain.md "Observation fields".
export const CLIENT_SCHEMA_VERSION = 1 as const;
export const MAX_PUSH_MUTATIONS = 500;
export const MAX_PUSH_BYTES = 1024 * 1024;
export const DEFAULT_PULL_LIMIT = 1000;
export const MAX_PULL_LIMIT = 5000;
