// The PostgreSQL adapter of the Store port, for many stateless server
// instances on one database: a postgres.js pool, migrations under an
// advisory lock at open, parts per concern (the same split as SQLite).

import type { PushLog } from "../../sync/push-algorithm.ts";
import type { Store } from "../port.ts";
import { createConfigPart } from "./config.ts";
import { type ConnectOptions, connectPostgres } from "./connect.ts";
import type { PgHandle } from "./handle.ts";
import { createPostgresJournalStore } from "./journal-parts.ts";
import { migrate } from "./migrate.ts";
import { createObservationsPart } from "./observations.ts";
import { createPeoplePart } from "./people.ts";
import { createPullPart } from "./pull.ts";
import { createPushPart, type PushOptions } from "./push.ts";

export type PostgresStore = Store & { readonly handle: PgHandle };

export type PostgresStoreOptions = ConnectOptions & PushOptions & { log?: PushLog };

/** A Store over an open, migrated handle (share it with the Postgres BlobStore). */
export function createPostgresStore(handle: PgHandle, o: PostgresStoreOptions = {}): PostgresStore {
  return {
    dialect: "postgres",
    handle,
    epoch: async () => handle.epoch,
    close: () => handle.sql.end({ timeout: 5 }),
    ...createPeoplePart(handle),
    ...createConfigPart(handle),
    ...createPushPart(handle, o.log ?? (() => {}), o),
    ...createPullPart(handle),
    ...createObservationsPart(handle),
    ...createPostgresJournalStore(handle),
  };
}

/** Connect to `url`, migrate (several instances may do this at once) and wrap. */
export async function openPostgresStore(
  url: string,
  o: PostgresStoreOptions = {},
): Promise<PostgresStore> {
  const sql = connectPostgres(url, o);
  try {
    const { epoch } = await migrate(sql);
    return createPostgresStore({ sql, epoch }, o);
  } catch (e) {
    await sql.end({ timeout: 1 });
    throw e;
  }
}
