// Storage failures that are the server's condition, not a bug in the
// request: a full disk, a busy or locked database, a lost PostgreSQL
// connection. Any route that meets one answers 503 with Retry-After (the
// clients back off and come back) instead of 500 — sign-in on a full disk
// included. Push and unsent-import answer their own 503 before this.
import { HttpProblem } from "./problem.ts";

const codeOf = (e: unknown): string | undefined => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
};

/** The 503 problem for a storage condition, or null for anything else. */
export function storageUnavailable(e: unknown): HttpProblem | null {
  const code = codeOf(e);
  if (!code) return null;
  // SQLite: SQLITE_FULL; PostgreSQL: 53100 disk_full, 53xxx resources.
  if (code.startsWith("SQLITE_FULL") || code === "53100" || code === "ENOSPC")
    return new HttpProblem(503, "Storage full", "the server's disk is full; retry later", {
      headers: { "retry-after": "60" },
      slug: "storage-full",
    });
  const transient =
    code.startsWith("SQLITE_BUSY") ||
    code.startsWith("SQLITE_LOCKED") ||
    code.startsWith("SQLITE_IOERR") ||
    /^(08|53|57P0)/.test(code) ||
    ["40001", "40P01", "55P03", "CONNECTION_CLOSED", "CONNECT_TIMEOUT", "ECONNREFUSED"].includes(
      code,
    );
  if (!transient) return null;
  return new HttpProblem(503, "Unavailable", "the database is unavailable; retry", {
    headers: { "retry-after": "5" },
  });
}
