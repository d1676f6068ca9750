// The device route tests (pairing, device identity and re-admission, codes
// for a person, importing unsent data) run again, unchanged, on PostgreSQL:
// every createTestApp() in them gets a fresh schema through useTestDatabase.
// Their SQLite run is their own test file.
import { describe } from "vitest";
import { useTestDatabase } from "../../testing/test-app.ts";
import { postgresTestTarget } from "./test-database.ts";
import { openPostgresTestParts } from "./testing.ts";

const target = await postgresTestTarget();

describe.skipIf(!target.ok)("device routes on PostgreSQL", async () => {
  if (!target.ok) return;
  useTestDatabase(() => openPostgresTestParts(target.url));
  await import("../../routes/devices.test.ts");
});
