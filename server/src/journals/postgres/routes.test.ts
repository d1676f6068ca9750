// The journal, insight, import and analytics route tests run again,
// unchanged, on PostgreSQL: every createTestApp() in them gets a fresh
// schema through useTestDatabase. Their SQLite run is their own files.
import { describe } from "vitest";
import { postgresTestTarget } from "../../store/postgres/test-database.ts";
import { openPostgresTestParts } from "../../store/postgres/testing.ts";
import { useTestDatabase } from "../../testing/test-app.ts";

const target = await postgresTestTarget();

describe.skipIf(!target.ok)("journal routes on PostgreSQL", async () => {
  if (!target.ok) return;
  useTestDatabase(() => openPostgresTestParts(target.url));
  await import("../routes.test.ts");
  await import("../../insights/routes.test.ts");
  await import("../../import/routes.test.ts");
  await import("../../analytics/routes.test.ts");
});
