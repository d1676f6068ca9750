// A new epoch for the database: every device's next pull answers
// `reset: true`, it rebuilds its mirror and re-pushes the writes it still
// keeps after the server's lastSeq for it (docs/sync-protocol.md "Restore").
// Running servers keep the epoch they read at start, so this is done with
// the server stopped (SQLite) or followed by a restart of every instance.
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import type { Sql } from "../db/postgres/connect.ts";

export const freshEpoch = () => randomUUID().replaceAll("-", "");

export function setSqliteEpoch(db: Database.Database, epoch = freshEpoch()): string {
  db.prepare("UPDATE meta SET value = ? WHERE key = 'epoch'").run(epoch);
  return epoch;
}

export async function setPostgresEpoch(sql: Sql, epoch = freshEpoch()): Promise<string> {
  await sql`UPDATE meta SET value = ${epoch} WHERE key = 'epoch'`;
  return epoch;
}

/** Revoke every live session (people sign in again); returns how many. */
export function revokeSqliteSessions(db: Database.Database, now: string): number {
  return db.prepare("UPDATE sessions SET revoked_at = ? WHERE revoked_at IS NULL").run(now).changes;
}

export async function revokePostgresSessions(sql: Sql, now: string): Promise<number> {
  const r = await sql`UPDATE sessions SET revoked_at = ${now} WHERE revoked_at IS NULL`;
  return r.count;
}
