// Which PostgreSQL failures are worth retrying (the client keeps its queue
// and comes back) rather than bugs in one mutation: lost connections, lock
// and serialisation conflicts, timeouts, a server shutting down or full.
import { sqlState } from "./handle.ts";

const STATES = new Set([
  "40001", // serialization_failure
  "40P01", // deadlock_detected
  "55P03", // lock_not_available
  "57014", // query_canceled (statement_timeout)
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "25006", // read_only_sql_transaction (failover to a standby)
]);
const CLASSES = ["08", "53", "58"]; // connection, insufficient resources, system error
const CLIENT = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
]);

export function isTransientPgError(e: unknown): boolean {
  const code = sqlState(e);
  if (!code) return false;
  return STATES.has(code) || CLIENT.has(code) || CLASSES.some((c) => code.startsWith(c));
}
