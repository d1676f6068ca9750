// The SQLite handle every part of the adapter shares: the connection opened
// with durability pragmas (WAL + synchronous=FULL so an ack survives power
// loss), foreign keys and a busy timeout, migrated (migrate.ts), with its
// epoch and the queue that lets one caller at a time use it.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { migrate } from "./migrate.ts";
import { createSerialQueue, type SerialQueue } from "./serial-queue.ts";

export type SqliteHandle = {
  db: Database.Database;
  queue: SerialQueue;
  epoch: string;
  close(): void;
};

/** Open (creating when missing) the database at `file`, or in memory for ":memory:". */
export function openSqlite(file: string): SqliteHandle {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  // A 64 MB page cache (the default is 2 MB): the timeline's indexes at
  // 100,000 observations are ~20 MB, and with 2 MB every count or search
  // re-read them through the OS (half its CPU time was pread syscalls).
  db.pragma("cache_size = -65536");
  const { epoch } = migrate(db);
  return { db, queue: createSerialQueue(), epoch, close: () => db.close() };
}
