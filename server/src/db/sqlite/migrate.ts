// Start-up migrations for SQLite: each numbered migration not yet recorded in
// `migrations` runs in its own IMMEDIATE transaction, then the database gets
// its epoch (a random id made once, kept until a restore or reset). One
// process owns the file, so no lock beyond SQLite's own is needed.
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { MIGRATIONS, type Migration } from "./migrations.ts";

export type MigrateResult = { applied: number[]; epoch: string };

/** Apply missing migrations and make sure the database has an epoch. */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): MigrateResult {
  db.exec(
    "CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT",
  );
  const done = new Set(
    (db.prepare("SELECT id FROM migrations").all() as { id: number }[]).map((r) => r.id),
  );
  const record = db.prepare("INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)");
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.id, m.name, new Date().toISOString());
    }).immediate();
    applied.push(m.id);
  }
  return { applied, epoch: ensureEpoch(db) };
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
