// Everything main.ts needs from PostgreSQL in one call: the migrated Store,
// the bytea BlobStore, the LISTEN/NOTIFY Notifier on its own connection,
// and a cluster-wide lock for one-time start-up work (first-start bootstrap,
// demo seed) that several instances starting together must not do twice.
import postgres from "postgres";
import type { BlobStore } from "../blob-port.ts";
import { createPostgresBlobStore } from "./blobs.ts";
import { openPostgresStore, type PostgresStore, type PostgresStoreOptions } from "./db.ts";
import { createPostgresNotifier, type PostgresNotifier } from "./notifier.ts";

export type PostgresParts = {
  store: PostgresStore;
  blobs: BlobStore;
  notifier: PostgresNotifier;
  /** Run `fn` while holding an advisory lock named `name` (per schema), across all instances. */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export type OpenPartsOptions = PostgresStoreOptions & {
  log?: (msg: string, error?: unknown) => void;
};

export async function openPostgresParts(
  url: string,
  o: OpenPartsOptions = {},
): Promise<PostgresParts> {
  const store = await openPostgresStore(url, o);
  const { sql } = store.handle;
  const notifier = await createPostgresNotifier(url, sql, o.log ? { log: o.log } : {}).catch(
    async (e) => {
      await store.close();
      throw e;
    },
  );
  return {
    store,
    blobs: createPostgresBlobStore(store.handle),
    notifier,
    // The lock lives in a transaction on a connection of its own (not the
    // pool, which `fn` needs, even at ?max=1). A crashed instance's session
    // ends and its lock with it.
    async exclusive<T>(name: string, fn: () => Promise<T>): Promise<T> {
      const lock = postgres(url, {
        max: 1,
        onnotice: () => {},
        connection: { application_name: "sightline-startup" },
      });
      try {
        return (await lock.begin(async (tx) => {
          await tx`SELECT pg_advisory_xact_lock(hashtextextended('sightline:' || ${name} || ':' || current_schema(), 0))`;
          return fn();
        })) as T;
      } finally {
        await lock.end({ timeout: 1 });
      }
    },
    async close() {
      await notifier.close();
      await store.close();
    },
  };
}
