// Everything main.ts needs from the embedded SQLite file in one call, in the
// shape of the PostgreSQL adapter's openPostgresParts: the Db, the blob table
// on the same connection, an in-process Notifier (one server, one process),
// and `exclusive`, which has no one to exclude here and simply runs `fn`.
import { createInProcessNotifier, type Notifier } from "../../sync/notifier.ts";
import type { PushLog } from "../../sync/push-algorithm.ts";
import type { Blobs } from "../blob-port.ts";
import { createSqliteBlobs } from "./blobs.ts";
import { createSqliteDb, type SqliteDb } from "./db.ts";
import { openSqlite } from "./handle.ts";

export type SqliteParts = {
  db: SqliteDb;
  blobs: Blobs;
  notifier: Notifier;
  /** Run one-time start-up work; a single process owns the file, so no lock is taken. */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/** Open (creating when missing) the database at `file`, ":memory:" for tests. */
export function openSqliteParts(file: string, o: { log?: PushLog } = {}): SqliteParts {
  const handle = openSqlite(file);
  const db = createSqliteDb(handle, o.log);
  return {
    db,
    blobs: createSqliteBlobs(handle),
    notifier: createInProcessNotifier(),
    exclusive: (_name, fn) => fn(),
    close: () => db.close(),
  };
}
