// `sightline restore FILE` (SQLite; the server must be stopped): the backup
// replaces the database, which then gets
// - a NEW EPOCH, so every device's next pull resets its mirror and it
//   re-pushes the writes it still keeps that the backup lost (the server's
//   lastSeq for it went back with the backup);
// - every session revoked (a session signed out after the backup would
//   otherwise live again; people sign in once more);
// - the devices' token state of the database it replaces carried over: a
//   device revoked or re-paired after the backup stays revoked, or keeps
//   only its newer token. Devices and sessions issued after the backup do
//   not exist in it, so their tokens stop working (those devices pair again).
// The replaced file is kept beside it (`sightline.sqlite.pre-restore-…`).
import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import { createAuditLog, SYSTEM_ACTOR } from "../audit/audit-log.ts";
import { openSqliteParts } from "../db/sqlite/open.ts";
import { auditOptions } from "./accounts.ts";
import { BACKUP_AT_KEY } from "./backup.ts";
import { CliError } from "./cli-error.ts";
import { revokeSqliteSessions, setSqliteEpoch } from "./epoch.ts";
import { holdDataDir } from "./hold-data-dir.ts";

export type RestoreReport = {
  backupAt: string | null;
  oldEpoch: string | null;
  epoch: string;
  sessionsRevoked: number;
  devicesCarried: number;
  /** Where the replaced database was moved (null when there was none). */
  keptAs: string | null;
};

type DeviceAuth = {
  workspace_id: string;
  id: string;
  token_hash: string;
  revoked_at: string | null;
};

function readBackup(file: string): { backupAt: string | null } {
  if (!existsSync(file)) throw new CliError(`no backup at ${file}`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new CliError(`${file} is not a SQLite database: ${(e as Error).message}`);
  }
  try {
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new CliError(`${file} fails its integrity check: ${check}`);
    const meta = (key: string) =>
      (db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined)
        ?.value ?? null;
    if (!meta("epoch")) throw new CliError(`${file} is not a Sightline database (no epoch)`);
    return { backupAt: meta(BACKUP_AT_KEY) };
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${file} is not a Sightline database: ${(e as Error).message}`);
  } finally {
    db.close();
  }
}

/** The current database's epoch and device token state, its WAL folded in first. */
function readCurrent(file: string): { epoch: string | null; devices: DeviceAuth[] } {
  if (!existsSync(file)) return { epoch: null, devices: [] };
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    db.pragma("wal_checkpoint(TRUNCATE)");
    const epoch =
      (
        db.prepare("SELECT value FROM meta WHERE key = 'epoch'").get() as
          | { value: string }
          | undefined
      )?.value ?? null;
    const devices = db
      .prepare("SELECT workspace_id, id, token_hash, revoked_at FROM devices")
      .all() as DeviceAuth[];
    return { epoch, devices };
  } catch {
    // A damaged database is the usual reason to restore: carry nothing over.
    return { epoch: null, devices: [] };
  } finally {
    db.close();
  }
}

export async function restoreSqlite(o: {
  dataDir: string;
  file: string;
  backup: string;
  now?: () => Date;
  retentionDays?: number;
}): Promise<RestoreReport> {
  const release = holdDataDir(o.dataDir, "restoring");
  try {
    return await restoreHeld(o);
  } finally {
    release();
  }
}

async function restoreHeld(o: {
  dataDir: string;
  file: string;
  backup: string;
  now?: () => Date;
  retentionDays?: number;
}): Promise<RestoreReport> {
  const at = (o.now ?? (() => new Date()))();
  const now = at.toISOString();
  const { backupAt } = readBackup(o.backup);
  const current = readCurrent(o.file);

  const staged = `${o.file}.restoring`;
  for (const f of [staged, `${staged}-wal`, `${staged}-shm`]) rmSync(f, { force: true });
  copyFileSync(o.backup, staged);
  // Opening migrates the copy up to this build's schema.
  const parts = openSqliteParts(staged);
  const { db } = parts.db.handle;
  let report: Omit<RestoreReport, "keptAs">;
  try {
    report = db
      .transaction(() => {
        const epoch = setSqliteEpoch(db);
        const sessionsRevoked = revokeSqliteSessions(db, now);
        const find = db.prepare(
          "SELECT token_hash, revoked_at FROM devices WHERE workspace_id = ? AND id = ?",
        );
        const carry = db.prepare(
          "UPDATE devices SET token_hash = ?, revoked_at = ? WHERE workspace_id = ? AND id = ?",
        );
        let devicesCarried = 0;
        for (const d of current.devices) {
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
        return { backupAt, oldEpoch: current.epoch, epoch, sessionsRevoked, devicesCarried };
      })
      .immediate();
    const audit = createAuditLog(parts.db, { ...auditOptions(o), now: () => at });
    for (const w of await parts.db.listWorkspaces())
      await audit.record({
        workspaceId: w.id,
        type: "restore",
        actor: SYSTEM_ACTOR,
        detail: {
          backupAt,
          epoch: report.epoch,
          sessionsRevoked: report.sessionsRevoked,
          devicesCarried: report.devicesCarried,
        },
      });
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    await parts.close();
  }

  let keptAs: string | null = null;
  if (existsSync(o.file)) {
    keptAs = `${o.file}.pre-restore-${now.replace(/[:.]/g, "-")}`;
    renameSync(o.file, keptAs);
  }
  for (const f of [`${o.file}-wal`, `${o.file}-shm`, `${staged}-wal`, `${staged}-shm`])
    rmSync(f, { force: true });
  renameSync(staged, o.file);
  return { ...report, keptAs };
}
