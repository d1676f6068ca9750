// Factories for tests that want the PostgreSQL adapter: a fresh schema per
// store, migrated, dropped again when the store is closed. Used by the
// adapter's tests (src/db/postgres) and offered to the app-level and
// sync-invariant harnesses:
// `useTestDatabase(() => openPostgresTestParts(url))` (test-app.ts)
// runs every later createTestApp() of a test file on PostgreSQL.
import { createPostgresBlobStore } from "../../src/db/postgres/blobs.ts";
import {
  openPostgresStore,
  type PostgresStore,
  type PostgresStoreOptions,
} from "../../src/db/postgres/db.ts";
import { createPostgresNotifier, type PostgresNotifier } from "../../src/db/postgres/notifier.ts";
import { createTestSchema } from "./postgres-schema.ts";

export type PostgresTestParts = {
  store: PostgresStore;
  blobs: ReturnType<typeof createPostgresBlobStore>;
  notifier: PostgresNotifier;
  /** The schema's URL, for more instances or child processes on the same data. */
  url: string;
  /** Every observation row as stored, for byte-identical comparisons. */
  dumpRows(): Promise<unknown[]>;
  /** Close the notifier and the store, then drop the schema. */
  close(): Promise<void>;
};

/** A migrated store in a brand-new schema; `close()` also drops the schema. */
export async function openPostgresTestStore(
  url: string,
  o: PostgresStoreOptions = {},
): Promise<PostgresStore> {
  const schema = await createTestSchema(url);
  const store = await openPostgresStore(schema.url, { max: 4, ...o });
  return {
    ...store,
    async close() {
      await store.close();
      await schema.drop();
    },
  };
}

/** Store, blob store and LISTEN/NOTIFY notifier over one fresh schema. */
export async function openPostgresTestParts(
  url: string,
  o: PostgresStoreOptions = {},
): Promise<PostgresTestParts> {
  const schema = await createTestSchema(url);
  const store = await openPostgresStore(schema.url, { max: 4, ...o });
  const notifier = await createPostgresNotifier(schema.url, store.handle.sql);
  return {
    store,
    blobs: createPostgresBlobStore(store.handle),
    notifier,
    url: schema.url,
    dumpRows: async () => [
      ...(await store.handle.sql`SELECT * FROM observations ORDER BY workspace_id, id`),
    ],
    async close() {
      await notifier.close();
      await store.close();
      await schema.drop();
    },
  };
}
