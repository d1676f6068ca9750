// `sightline restore FILE` on PostgreSQL (every instance stopped): the same
// promise as on SQLite (restore.ts) with PostgreSQL's own tool doing the
// copy. The devices' token state is read first, `pg_restore --clean
// --single-transaction` loads the pg_dump file, then the restored schema is
// migrated, gets a NEW EPOCH, every session is revoked and each device keeps
// its newer token state. Instances are started again afterwards (they read
// the epoch at start).
// The SQL is db/postgres/maintenance.ts.
import { createAuditLog, SYSTEM_ACTOR } from "../audit/audit-log.ts";
import { openRestoredPostgres, pgRestoreArgs, readPostgresCurrent } from "../db/open-db.ts";
import { auditOptions } from "./accounts.ts";
import { CliError } from "./cli-error.ts";

/** Runs a program to completion (bin.ts passes spawnSync; the CLI itself starts no process). */
export type CommandRunner = (
  command: string,
  args: string[],
) => { status: number | null; stderr: string; error?: Error | undefined };

export type PostgresRestoreReport = {
  oldEpoch: string | null;
  epoch: string;
  sessionsRevoked: number;
  devicesCarried: number;
  /** Other Sightline connections seen on the database (instances not stopped?). */
  otherConnections: number;
};

export async function restorePostgres(o: {
  url: string;
  file: string;
  run: CommandRunner;
  now?: () => Date;
  retentionDays?: number;
}): Promise<PostgresRestoreReport> {
  const at = (o.now ?? (() => new Date()))();
  const current = await readPostgresCurrent(o.url);
  const loaded = o.run("pg_restore", pgRestoreArgs(o.url, o.file));
  if (loaded.error)
    throw new CliError(
      `pg_restore could not run (${loaded.error.message}); install the PostgreSQL client tools`,
    );
  if (loaded.status !== 0)
    throw new CliError(`pg_restore failed (exit ${loaded.status}): ${loaded.stderr.trim()}`);

  // Opening migrates the restored schema up to this build.
  const restored = await openRestoredPostgres(o.url);
  try {
    const now = at.toISOString();
    const { epoch, ...report } = await restored.reset(current.devices, now);
    const audit = createAuditLog(restored.db, { ...auditOptions(o), now: () => at });
    for (const w of await restored.db.listWorkspaces())
      await audit.record({
        workspaceId: w.id,
        type: "restore",
        actor: SYSTEM_ACTOR,
        detail: { epoch, ...report },
      });
    return { oldEpoch: current.epoch, epoch, ...report, otherConnections: current.others };
  } finally {
    await restored.close();
  }
}
