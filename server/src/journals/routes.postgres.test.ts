// The journal, insight, import and analytics route tests run again,
// unchanged, on PostgreSQL: every createTestApp() in them gets a fresh
// schema through useTestDatabase. Their SQLite run is their own files.
import { describe } from "vitest";
import { openPostgresTestParts } from "../../test/support/postgres-db.ts";
import { postgresTestTarget } from "../../test/support/postgres-schema.ts";
import { useTestDatabase } from "../../test/support/test-app.ts";

const target = await postgresTestTarget();

describe.skipIf(!target.ok)("journal routes on PostgreSQL", async () => {
  if (!target.ok) return;
  useTestDatabase(() => openPostgresTestParts(target.url));
  await import("./routes.test.ts");
  await import("./timeline/route.test.ts");
  await import("./export/route.test.ts");
  await import("../insights/routes.test.ts");
  await import("../insights/lifecycle-routes.test.ts");
  await import("../observations/import/routes.test.ts");
  await import("../observations/import/names-dry-run.test.ts");
  await import("../analytics/routes.test.ts");
  await import("../http/list-bounds.test.ts");
});
