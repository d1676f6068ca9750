// docs/sync-protocol.md "Invariants" 1–10 on PostgreSQL: the invariant suite
// (sync-invariants.test.ts, unchanged) runs again with every harness on a
// fresh PostgreSQL schema instead of in-memory SQLite. Skips without
// TEST_DATABASE_URL; fails instead when REQUIRE_POSTGRES=1.
import {
  openPostgresTestParts,
  postgresTestTarget,
  useTestDatabase,
} from "@sightline/server/testing";
import { describe } from "vitest";

const target = await postgresTestTarget();
describe.skipIf(!target.ok)("sync invariants on PostgreSQL", async () => {
  if (!target.ok) return;
  useTestDatabase(() => openPostgresTestParts(target.url));
  await import("./sync-invariants.test.ts");
  await import("./clock-trust.test.ts");
  await import("./device-identity.test.ts");
});
