// The security suites that must hold whatever the database, run again,
// unchanged, on PostgreSQL: every createTestApp() (and so every security
// world) in them gets a fresh schema through useTestDatabase. Their SQLite
// run is their own test files.
import { describe } from "vitest";
import { openPostgresTestParts } from "../support/postgres-db.ts";
import { postgresTestTarget } from "../support/postgres-schema.ts";
import { useTestDatabase } from "../support/test-app.ts";

const target = await postgresTestTarget();

describe.skipIf(!target.ok)("security suites on PostgreSQL", async () => {
  if (!target.ok) return;
  useTestDatabase(() => openPostgresTestParts(target.url));
  // Every operation × every caller, API keys of each scope (and a revoked key,
  // a key whose creator was disabled) included: key lookup, last-use and
  // revocation are adapter code, so the matrix runs on both.
  await import("./authorization-matrix.test.ts");
  await import("./text-rules.test.ts");
  await import("./hostile-input.test.ts");
});
