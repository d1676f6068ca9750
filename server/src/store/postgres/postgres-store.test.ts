// The Store contract on PostgreSQL (the same suite as SQLite), plus what only
// Postgres has: migrations racing at start-up, concurrent pushes and pulls
// across connections, the bytea BlobStore and LISTEN/NOTIFY pokes. Every
// store gets a fresh schema, dropped when it closes. Skips without
// TEST_DATABASE_URL; fails instead when REQUIRE_POSTGRES=1.
import { describe } from "vitest";
import { storeContract } from "../store.contract.ts";
import { postgresTestTarget } from "./test-database.ts";
import { openPostgresTestStore } from "./testing.ts";

const target = await postgresTestTarget();
const url = target.ok ? target.url : "";

describe.skipIf(!target.ok)("PostgreSQL store (batched push, savepoint fallback)", () => {
  storeContract(() => openPostgresTestStore(url));
});

describe.skipIf(!target.ok)("PostgreSQL store (a savepoint per mutation)", () => {
  storeContract(() => openPostgresTestStore(url, { mode: "savepoints" }));
});
