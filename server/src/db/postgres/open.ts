// Everything main.ts needs from PostgreSQL in one call: the migrated Db,
// the bytea Blobs, the LISTEN/NOTIFY Notifier on its own connection,
// and a cluster-wide lock for one-time start-up work (first-start bootstrap,
// demo seed) that several instances starting together must not do twice.
import postgres from "postgres";
import type { Blobs } from "../blob-port.ts";
import { createPostgresBlobs } from "./blobs.ts";
import { openPostgresDb, type PostgresDb, type PostgresDbOptions } from "./db.ts";
import { createPostgresNotifier, type PostgresNotifier } from "./notifier.ts";

export type PostgresParts = {
  db: PostgresDb;
  blobs: Blobs;
  notifier: PostgresNotifier;
  /** Run `fn` while holding an advisory lock named `name` (per schema), across all instances. */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export type OpenPartsOptions = PostgresDbOptions & {
  log?: (msg: string, error?: unknown) => void;
};

export async function openPostgresParts(
  url: string,
  o: OpenPartsOptions = {},
): Promise<PostgresParts> {
  const db = await openPostgresDb(url, o);
  const { sql } = db.handle;
  const notifier = await createPostgresNotifier(url, sql, o.log ? { log: o.log } : {}).catch(
    async (e) => {
      await db.close();
      throw e;
    },
  );
  return {
    db,
    blobs: createPostgresBlobs(db.handle),
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
      await db.close();
    },
  };
}
