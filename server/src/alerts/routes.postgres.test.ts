// The alert route tests (and the store kinds') run again, unchanged, on
// PostgreSQL: every createTestApp() in them gets a fresh schema through
// useTestDatabase.
import { describe } from "vitest";
import { openPostgresTestParts } from "../../test/support/postgres-db.ts";
import { postgresTestTarget } from "../../test/support/postgres-schema.ts";
import { useTestDatabase } from "../../test/support/test-app.ts";

const target = await postgresTestTarget();

describe.skipIf(!target.ok)("alert routes on PostgreSQL", async () => {
  if (!target.ok) return;
  useTestDatabase(() => openPostgresTestParts(target.url));
  await import("./routes.test.ts");
  await import("./store-kinds.test.ts");
});
