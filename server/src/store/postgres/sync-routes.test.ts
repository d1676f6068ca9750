// The sync route tests (push, pull, SSE events, the policy matrix) run again, unchanged, on
// PostgreSQL: every createTestApp() in them gets a fresh schema through
// useTestDatabase. Their SQLite run is their own test files.
import { describe } from "vitest";
import { useTestDatabase } from "../../testing/test-app.ts";
import { postgresTestTarget } from "./test-database.ts";
import { openPostgresTestParts } from "./testing.ts";

const target = await postgresTestTarget();

describe.skipIf(!target.ok)("sync routes on PostgreSQL", async () => {
  if (!target.ok) return;
  useTestDatabase(() => openPostgresTestParts(target.url));
  await import("../../routes/sync-push.test.ts");
  await import("../../routes/sync-pull.test.ts");
  await import("../../routes/sync-events.test.ts");
  await import("../../security/sync-policy-matrix.test.ts");
});
