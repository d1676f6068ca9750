// The SQLite side of operations work (db/maintenance-port.ts): the online
// backup, reading a backup and the database it replaces, the reset a
// restored database gets, a new epoch, migrating the file, the readiness
// probe, and the exclusive file lock that keeps one server per data folder.
// The CLI (cli/) does the file moves and the talking; the SQL is here.
import { randomBytes } from "node:crypto";
import { existsSync, rmSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import {
  BACKUP_AT_KEY,
  type DeviceTokenState,
  freshEpoch,
  MaintenanceError,
  type ReadinessPort,
  type RestoredDatabase,
  type RestoreReset,
} from "../maintenance-port.ts";
import type { SqliteHandle } from "./handle.ts";
import { migrate } from "./migrate.ts";
import { MIGRATIONS } from "./migrations.ts";
import { openSqliteParts } from "./open.ts";

const readEpoch = (db: Database.Database) =>
  (db.prepare("SELECT value FROM meta WHERE key = 'epoch'").get() as { value: string } | undefined)
    ?.value ?? null;

/**
 * A consistent copy of the live database at `source` in `dest` via SQLite's
 * online backup API (safe while the server runs and takes pushes), stamped
 * with `at`, switched to a single-file journal and checked.
 */
export async function backupSqliteFile(
  source: string,
  dest: string,
  at: string,
): Promise<{ bytes: number; epoch: string }> {
  const src = new Database(source, { fileMustExist: true });
  try {
    src.pragma("busy_timeout = 5000");
    if (existsSync(dest)) rmSync(dest);
    await src.backup(dest);
  } finally {
    src.close();
  }
  const copy = new Database(dest);
  try {
    copy.pragma("journal_mode = DELETE");
    copy
      .prepare(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      )
      .run(BACKUP_AT_KEY, at);
    const check = copy.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new MaintenanceError(`the copy failed its integrity check: ${check}`);
    const epoch = readEpoch(copy);
    if (!epoch) throw new MaintenanceError(`${source} is not a Sightline database (no epoch)`);
    return { bytes: statSync(dest).size, epoch };
  } finally {
    copy.close();
  }
}

/** Check a backup file before it replaces anything; the time it was taken. */
export function readSqliteBackup(file: string): { backupAt: string | null } {
  if (!existsSync(file)) throw new MaintenanceError(`no backup at ${file}`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new MaintenanceError(`${file} is not a SQLite database: ${(e as Error).message}`);
  }
  try {
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new MaintenanceError(`${file} fails its integrity check: ${check}`);
    const meta = (key: string) =>
      (db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined)
        ?.value ?? null;
    if (!meta("epoch"))
      throw new MaintenanceError(`${file} is not a Sightline database (no epoch)`);
    return { backupAt: meta(BACKUP_AT_KEY) };
  } catch (e) {
    if (e instanceof MaintenanceError) throw e;
    throw new MaintenanceError(`${file} is not a Sightline database: ${(e as Error).message}`);
  } finally {
    db.close();
  }
}

/** The current database's epoch and device token state, its WAL folded in first. */
export function readSqliteCurrent(file: string): {
  epoch: string | null;
  devices: DeviceTokenState[];
} {
  if (!existsSync(file)) return { epoch: null, devices: [] };
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    db.pragma("wal_checkpoint(TRUNCATE)");
    const devices = db
      .prepare("SELECT workspace_id, id, token_hash, revoked_at FROM devices")
      .all() as DeviceTokenState[];
    return { epoch: readEpoch(db), devices };
  } catch {
    // A damaged database is the usual reason to restore: carry nothing over.
    return { epoch: null, devices: [] };
  } finally {
    db.close();
  }
}

const setEpoch = (db: Database.Database, epoch = freshEpoch()) => {
  db.prepare("UPDATE meta SET value = ? WHERE key = 'epoch'").run(epoch);
  return epoch;
};

/** Revoke every live session (people sign in again); returns how many. */
const revokeSessions = (db: Database.Database, now: string) =>
  db.prepare("UPDATE sessions SET revoked_at = ? WHERE revoked_at IS NULL").run(now).changes;

/**
 * In one transaction on the restored (opened, migrated) database: a new
 * epoch, every session revoked, each device's newer token state from the
 * replaced database carried over, and the time stamped as `restored_at`.
 */
export function resetRestoredSqlite(
  handle: SqliteHandle,
  devices: readonly DeviceTokenState[],
  now: string,
): RestoreReset {
  const { db } = handle;
  return db
    .transaction(() => {
      const epoch = setEpoch(db);
      const sessionsRevoked = revokeSessions(db, now);
      const find = db.prepare(
        "SELECT token_hash, revoked_at FROM devices WHERE workspace_id = ? AND id = ?",
      );
      const carry = db.prepare(
        "UPDATE devices SET token_hash = ?, revoked_at = ? WHERE workspace_id = ? AND id = ?",
      );
      let devicesCarried = 0;
      for (const d of devices) {
        const then = find.get(d.workspace_id, d.id) as
          | { token_hash: string; revoked_at: string | null }
          | undefined;
        // The replaced database's token state is the newer truth.
        if (!then || (then.token_hash === d.token_hash && then.revoked_at === d.revoked_at))
          continue;
        carry.run(d.token_hash, d.revoked_at, d.workspace_id, d.id);
        devicesCarried++;
      }
      db.prepare(
        "INSERT INTO meta (key, value) VALUES ('restored_at', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      ).run(now);
      return { epoch, sessionsRevoked, devicesCarried };
    })
    .immediate();
}

/** Open (and so migrate) the restored copy at `file` for its reset and audit rows. */
export function openRestoredSqlite(file: string): RestoredDatabase {
  const parts = openSqliteParts(file);
  const { handle } = parts.db;
  return {
    db: parts.db,
    reset: async (devices, now) => resetRestoredSqlite(handle, devices, now),
    // Fold the WAL into the main file before the file is moved.
    settle: async () => {
      handle.db.pragma("wal_checkpoint(TRUNCATE)");
    },
    close: () => parts.close(),
  };
}

/** A new epoch for the file at `file` (server stopped), sessions revoked at `revokeAt` when given. */
export function newSqliteEpoch(
  file: string,
  revokeAt: string | null,
): { epoch: string; revoked: number } {
  const db = new Database(file, { fileMustExist: true });
  try {
    return db.transaction(() => ({
      epoch: setEpoch(db),
      revoked: revokeAt ? revokeSessions(db, revokeAt) : 0,
    }))();
  } finally {
    db.close();
  }
}

/** Apply this build's migrations to the file at `file`; the ids applied. */
export function migrateSqliteFile(file: string): number[] {
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    return migrate(db).applied;
  } finally {
    db.close();
  }
}

/**
 * GET /ready's database checks. The write probe writes and commits: a
 * page-sized row is inserted and deleted again (a full database refuses the
 * new page) and a stamp is updated, so the commit itself must reach the WAL
 * on disk.
 */
export function sqliteReadinessPort(handle: SqliteHandle): ReadinessPort {
  const { db, queue } = handle;
  const probe = db.transaction(() => {
    db.prepare("INSERT INTO meta (key, value) VALUES ('ready-probe-page', ?)").run(
      randomBytes(3072).toString("hex"),
    );
    db.prepare("DELETE FROM meta WHERE key = 'ready-probe-page'").run();
    db.prepare(
      "INSERT INTO meta (key, value) VALUES ('ready-probe', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(new Date().toISOString());
  });
  return {
    probeWrite: () => queue.run(() => probe.immediate()),
    knownMigrations: MIGRATIONS.map((m) => m.id),
    appliedMigrations: async () =>
      (
        await queue.run(() => db.prepare("SELECT id FROM migrations").all() as { id: number }[])
      ).map((r) => r.id),
    disk: "data-dir",
  };
}

/**
 * An exclusive SQLite lock on `file`, held until released; "busy" while
 * another process holds it. The operating system drops it when the process
 * ends, even on SIGKILL or power loss (runtime/data-dir-lock.ts).
 */
export function holdExclusiveFileLock(file: string): { release(): void } | "busy" {
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
  } catch (e) {
    db.close();
    if ((e as { code?: string }).code?.startsWith("SQLITE_BUSY")) return "busy";
    throw e;
  }
  return {
    release() {
      db.exec("ROLLBACK");
      db.close();
    },
  };
}
