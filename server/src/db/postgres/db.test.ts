// The Db contract on PostgreSQL (the same suite as SQLite), plus what only
// Postgres has: migrations racing at start-up, concurrent pushes and pulls
// across connections, the bytea blobs and LISTEN/NOTIFY pokes. Every
// Db gets a fresh schema, dropped when it closes. Skips without
// TEST_DATABASE_URL; fails instead when REQUIRE_POSTGRES=1.
import { describe, it } from "vitest";
import { checkClampMigration } from "../../../test/contract/clamp-migration.case.ts";
import { dbContract } from "../../../test/contract/db.contract.ts";
import { openPostgresTestDb } from "../../../test/support/postgres-db.ts";
import { postgresTestTarget } from "../../../test/support/postgres-schema.ts";
import { CLAMP_FUTURE_STAMPS_SQL } from "./migrations.ts";

const target = await postgresTestTarget();
const url = target.ok ? target.url : "";

describe.skipIf(!target.ok)("PostgreSQL store (batched push, savepoint fallback)", () => {
  dbContract(() => openPostgresTestDb(url));
});

describe.skipIf(!target.ok)("PostgreSQL store (a savepoint per mutation)", () => {
  dbContract(() => openPostgresTestDb(url, { mode: "savepoints" }));
});

describe.skipIf(!target.ok)("PostgreSQL migrations", () => {
  it("migration 7 clamps stamps stored ahead of the clock and changes the epoch", async () => {
    const db = await openPostgresTestDb(url);
    const { sql } = db.handle;
    try {
      await checkClampMigration({
        db,
        runClamp: async () => {
          await sql.unsafe(CLAMP_FUTURE_STAMPS_SQL);
        },
        storedEpoch: async () => {
          const [row] = await sql<{ value: string }[]>`SELECT value FROM meta WHERE key = 'epoch'`;
          return row?.value ?? "";
        },
      });
    } finally {
      await db.close();
    }
  });
});
