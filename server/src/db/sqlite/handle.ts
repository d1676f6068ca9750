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
  const { epoch } = migrate(db);
  return { db, queue: createSerialQueue(), epoch, close: () => db.close() };
}
