// Start-up migrations for PostgreSQL, safe when several instances start at
// once: everything runs in ONE transaction that first takes a transaction-
// scoped advisory lock (pg_advisory_xact_lock) keyed by the schema. The
// first instance applies what is missing and commits; the others wait on the
// lock, then find nothing left to do. A crash mid-way rolls the whole
// transaction back (DDL is transactional in Postgres) and releases the lock
// with the session, so there is no half-migrated state and no stale lock.
import { randomUUID } from "node:crypto";
import type { Sql } from "./connect.ts";
import { MIGRATIONS, type Migration } from "./migrations.ts";

export type MigrateResult = { applied: number[]; epoch: string };

/** Apply missing migrations and make sure the database has an epoch. */
export async function migrate(
  sql: Sql,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrateResult> {
  return sql.begin(async (tx) => {
    const [where] = await tx<{ schema: string | null }[]>`SELECT current_schema() AS schema`;
    if (!where?.schema)
      throw new Error("migrate: no schema on the search_path exists; create it first");
    await tx`SELECT pg_advisory_xact_lock(hashtextextended(${`sightline:migrate:${where.schema}`}, 0))`;
    await tx`CREATE TABLE IF NOT EXISTS migrations (
      id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)`;
    const done = new Set((await tx<{ id: number }[]>`SELECT id FROM migrations`).map((r) => r.id));
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.id)) continue;
      await tx.unsafe(m.sql);
      await tx`INSERT INTO migrations (id, name, applied_at) VALUES (${m.id}, ${m.name}, now())`;
      applied.push(m.id);
    }
    const fresh = randomUUID().replaceAll("-", "");
    await tx`INSERT INTO meta (key, value) VALUES ('epoch', ${fresh}) ON CONFLICT (key) DO NOTHING`;
    const [row] = await tx<{ value: string }[]>`SELECT value FROM meta WHERE key = 'epoch'`;
    if (!row) throw new Error("migrate: epoch missing after insert");
    return { applied, epoch: row.value };
  });
}
