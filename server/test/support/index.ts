// @sightline/server/testing: what other packages' tests (test/, bench/) use
// of the server — the real app on an in-memory or PostgreSQL test database,
// mutation builders, a watched competitor's alert rule, PostgreSQL test
// schemas, and the PostgreSQL Db for tests that run several server instances
// on one database. The rest of the server is internal to it.
export { openPostgresDb, type PostgresDb } from "../../src/db/postgres/db.ts";
export { watchedCompetitor } from "./alert-setup.ts";
export { nextHlc, patch, storeObservation, webObservation } from "./mutations.ts";
export {
  openPostgresTestDb,
  openPostgresTestParts,
  type PostgresTestParts,
} from "./postgres-db.ts";
export {
  createTestSchema,
  type PostgresTarget,
  postgresTestTarget,
  type TestSchema,
} from "./postgres-schema.ts";
export {
  createTestApp,
  TEST_STORE,
  type TestApp,
  type TestAppOptions,
  type TestDatabase,
  type TestDevice,
  useTestDatabase,
} from "./test-app.ts";
