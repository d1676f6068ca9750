// What every part of the PostgreSQL adapter shares: the pool and the epoch
// read once at start-up (it only changes with a restore, which restarts us).
import type { Sql } from "./connect.ts";

export type PgHandle = { sql: Sql; epoch: string };

/** SQLSTATE of a PostgreSQL error, if it is one. */
export const sqlState = (e: unknown): string | undefined => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
};

/** unique_violation */
export const UNIQUE_VIOLATION = "23505";
