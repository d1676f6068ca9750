// Factories for tests that want the PostgreSQL adapter: a fresh schema per
// database, migrated, dropped again when it is closed. Used by the
// adapter's tests (src/db/postgres) and offered to the app-level and
// sync-invariant harnesses:
// `useTestDatabase(() => openPostgresTestParts(url))` (test-app.ts)
// runs every later createTestApp() of a test file on PostgreSQL.
import { createPostgresBlobs } from "../../src/db/postgres/blobs.ts";
import {
  openPostgresDb,
  type PostgresDb,
  type PostgresDbOptions,
} from "../../src/db/postgres/db.ts";
import { createPostgresNotifier, type PostgresNotifier } from "../../src/db/postgres/notifier.ts";
import { createTestSchema } from "./postgres-schema.ts";

export type PostgresTestParts = {
  db: PostgresDb;
  blobs: ReturnType<typeof createPostgresBlobs>;
  notifier: PostgresNotifier;
  /** The schema's URL, for more instances or child processes on the same data. */
  url: string;
  /** Every observation row as stored, for byte-identical comparisons. */
  dumpRows(): Promise<unknown[]>;
  /** Close the notifier and the database, then drop the schema. */
  close(): Promise<void>;
};

/** A migrated Db in a brand-new schema; `close()` also drops the schema. */
export async function openPostgresTestDb(
  url: string,
  o: PostgresDbOptions = {},
): Promise<PostgresDb> {
  const schema = await createTestSchema(url);
  const db = await openPostgresDb(schema.url, { max: 4, ...o });
  return {
    ...db,
    async close() {
      await db.close();
      await schema.drop();
    },
  };
}

/** Db, blobs and LISTEN/NOTIFY notifier over one fresh schema. */
export async function openPostgresTestParts(
  url: string,
  o: PostgresDbOptions = {},
): Promise<PostgresTestParts> {
  const schema = await createTestSchema(url);
  const db = await openPostgresDb(schema.url, { max: 4, ...o });
  const notifier = await createPostgresNotifier(schema.url, db.handle.sql);
  return {
    db,
    blobs: createPostgresBlobs(db.handle),
    notifier,
    url: schema.url,
    dumpRows: async () => [
      ...(await db.handle.sql`SELECT * FROM observations ORDER BY workspace_id, id`),
    ],
    async close() {
      await notifier.close();
      await db.close();
      await schema.drop();
    },
  };
}
