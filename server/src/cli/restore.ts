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
// The SQL (reading both files, the reset) is db/sqlite/maintenance.ts.
import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import { createAuditLog, SYSTEM_ACTOR } from "../audit/audit-log.ts";
import { openRestoredSqlite, readSqliteBackup, readSqliteCurrent } from "../db/open-db.ts";
import { auditOptions } from "./accounts.ts";
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
  const { backupAt } = readSqliteBackup(o.backup);
  const current = readSqliteCurrent(o.file);

  const staged = `${o.file}.restoring`;
  for (const f of [staged, `${staged}-wal`, `${staged}-shm`]) rmSync(f, { force: true });
  copyFileSync(o.backup, staged);
  // Opening migrates the copy up to this build's schema.
  const restored = openRestoredSqlite(staged);
  let report: Omit<RestoreReport, "keptAs">;
  try {
    const reset = await restored.reset(current.devices, now);
    report = { backupAt, oldEpoch: current.epoch, ...reset };
    const audit = createAuditLog(restored.db, { ...auditOptions(o), now: () => at });
    for (const w of await restored.db.listWorkspaces())
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
    await restored.settle();
  } finally {
    await restored.close();
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
