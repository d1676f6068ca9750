// Opening the SQLite database: durability pragmas (WAL + synchronous=FULL so
// an ack survives power loss), foreign keys, a busy timeout, numbered
// migrations and the database epoch.
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS } from "./migrations.ts";
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
  migrate(db);
  return { db, queue: createSerialQueue(), epoch: ensureEpoch(db), close: () => db.close() };
}

function migrate(db: Database.Database): void {
  db.exec(
    "CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT",
  );
  const done = new Set(
    (db.prepare("SELECT id FROM migrations").all() as { id: number }[]).map((r) => r.id),
  );
  const record = db.prepare("INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)");
  for (const m of MIGRATIONS) {
    if (done.has(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.id, m.name, new Date().toISOString());
    }).immediate();
  }
}

function ensureEpoch(db: Database.Database): string {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'epoch'").get() as
    | { value: string }
    | undefined;
  if (row) return row.value;
  const epoch = randomUUID().replaceAll("-", "");
  db.prepare("INSERT INTO meta (key, value) VALUES ('epoch', ?)").run(epoch);
  return epoch;
}
