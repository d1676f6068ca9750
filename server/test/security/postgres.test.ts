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
  // Fewer fuzz runs per route than the SQLite run (100), which covers the
  // breadth of values; every write and read route is still fuzzed here, each
  // request fingerprinting every table of the schema (the slow part). This
  // file runs in its own process, so the setting stays here.
  process.env.SIGHTLINE_FUZZ_RUNS ??= "40";
  await import("./hostile-input.test.ts");
});
