// /ready's checks on PostgreSQL: a migrated schema is ready; a schema
// missing a migration this build knows is not; a database that refuses
// writes (a read-only transaction default, as on a standby after a
// failover) fails the database check.
import { afterEach, describe, expect, it } from "vitest";
import {
  createTestSchema,
  postgresTestTarget,
  type TestSchema,
} from "../../test/support/postgres-schema.ts";
import { connectPostgres, type Sql } from "../db/postgres/connect.ts";
import { openPostgresDb, type PostgresDb } from "../db/postgres/db.ts";
import { postgresReadinessPort } from "../db/postgres/maintenance.ts";
import { readinessProbe } from "./readiness.ts";

/** PostgreSQL keeps its own disk: the data folder is never measured. */
const postgresReadiness = (sql: Sql) =>
  readinessProbe(postgresReadinessPort(sql), { dataDir: "", minFreeBytes: 0 });

const target = await postgresTestTarget();
let schema: TestSchema | null = null;
let db: PostgresDb | null = null;
afterEach(async () => {
  await db?.close();
  db = null;
  await schema?.drop();
  schema = null;
});

const byName = (checks: { name: string; ok: boolean; detail: string }[]) =>
  Object.fromEntries(checks.map((c) => [c.name, c]));

describe.skipIf(!target.ok)("readiness on PostgreSQL", () => {
  it("is ready when migrated; names the missing migration; fails the write check on a read-only session", async () => {
    schema = await createTestSchema(target.ok ? target.url : "");
    db = await openPostgresDb(schema.url, { max: 1 });
    const ready = byName(await postgresReadiness(db.handle.sql)());
    expect(ready.database).toMatchObject({ ok: true, detail: "writable" });
    expect(ready.migrations?.ok).toBe(true);

    await db.handle.sql`DELETE FROM migrations WHERE id = (SELECT max(id) FROM migrations)`;
    const behind = byName(await postgresReadiness(db.handle.sql)());
    expect(behind.migrations).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/^migrations not applied: \d+$/),
    });

    const readOnly = connectPostgres(
      `${schema.url}&options=-c%20default_transaction_read_only%3Don`,
      {
        max: 1,
        schema: schema.schema,
      },
    );
    try {
      const down = byName(await postgresReadiness(readOnly)());
      expect(down.database).toMatchObject({ ok: false, detail: expect.stringMatching(/^25006/) });
    } finally {
      await readOnly.end({ timeout: 1 });
    }
  });
});
