// The page-captures route tests run again, unchanged, on PostgreSQL (its
// JSON paths and ILIKE differ from SQLite's): every createTestApp() in them
// gets a fresh schema through useTestDatabase. Their SQLite run is their own
// test file.
import { describe } from "vitest";
import { openPostgresTestParts } from "../../test/support/postgres-db.ts";
import { postgresTestTarget } from "../../test/support/postgres-schema.ts";
import { useTestDatabase } from "../../test/support/test-app.ts";

const target = await postgresTestTarget();

describe.skipIf(!target.ok)("page routes on PostgreSQL", async () => {
  if (!target.ok) return;
  useTestDatabase(() => openPostgresTestParts(target.url));
  await import("./routes.test.ts");
});
