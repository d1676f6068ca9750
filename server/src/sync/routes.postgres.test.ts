// The sync route tests (push, pull, SSE events, the policy matrix) run again, unchanged, on
// PostgreSQL: every createTestApp() in them gets a fresh schema through
// useTestDatabase. Their SQLite run is their own test files.
import { describe } from "vitest";
import { openPostgresTestParts } from "../../test/support/postgres-db.ts";
import { postgresTestTarget } from "../../test/support/postgres-schema.ts";
import { useTestDatabase } from "../../test/support/test-app.ts";

const target = await postgresTestTarget();

describe.skipIf(!target.ok)("sync routes on PostgreSQL", async () => {
  if (!target.ok) return;
  useTestDatabase(() => openPostgresTestParts(target.url));
  await import("./push-route.test.ts");
  await import("./pull-route.test.ts");
  await import("./events-route.test.ts");
  await import("./device-policy.test.ts");
});
