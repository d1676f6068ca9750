// `sightline restore FILE` on PostgreSQL (every instance stopped): the same
// promise as on SQLite (restore.ts) with PostgreSQL's own tool doing the
// copy. The devices' token state is read first, `pg_restore --clean
// --single-transaction` loads the pg_dump file, then the restored schema is
// migrated, gets a NEW EPOCH, every session is revoked and each device keeps
// its newer token state. Instances are started again afterwards (they read
// the epoch at start).
import { createAuditLog, SYSTEM_ACTOR } from "../audit/audit-log.ts";
import { connectPostgres } from "../db/postgres/connect.ts";
import { openPostgresDb } from "../db/postgres/db.ts";
import { auditOptions } from "./accounts.ts";
import { libpqUrl, urlSchema } from "./backup.ts";
import { CliError } from "./cli-error.ts";
import { freshEpoch } from "./epoch.ts";

type DeviceAuth = {
  workspace_id: string;
  id: string;
  token_hash: string;
  revoked_at: Date | null;
};

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
  const before = connectPostgres(o.url, { max: 1, name: "sightline-cli" });
  let current: { epoch: string | null; devices: DeviceAuth[]; others: number };
  try {
    const [epoch] = await before<
      { value: string }[]
    >`SELECT value FROM meta WHERE key = 'epoch'`.catch(() => []);
    const devices = await before<DeviceAuth[]>`
      SELECT workspace_id, id, token_hash, revoked_at FROM devices`.catch(() => []);
    const [others] = await before<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid()
        AND application_name IN ('sightline', 'sightline-listen')`;
    current = { epoch: epoch?.value ?? null, devices, others: others?.n ?? 0 };
  } finally {
    await before.end({ timeout: 5 });
  }

  const { url } = libpqUrl(o.url);
  const schema = urlSchema(o.url);
  const loaded = o.run("pg_restore", [
    "--clean",
    "--if-exists",
    "--no-owner",
    "--single-transaction",
    ...(schema ? [`--schema=${schema}`] : []),
    `--dbname=${url}`,
    o.file,
  ]);
  if (loaded.error)
    throw new CliError(
      `pg_restore could not run (${loaded.error.message}); install the PostgreSQL client tools`,
    );
  if (loaded.status !== 0)
    throw new CliError(`pg_restore failed (exit ${loaded.status}): ${loaded.stderr.trim()}`);

  // Opening migrates the restored schema up to this build.
  const db = await openPostgresDb(o.url, { max: 1, name: "sightline-cli" });
  try {
    const now = at.toISOString();
    const epoch = freshEpoch();
    const report = await db.handle.sql.begin(async (tx) => {
      await tx`UPDATE meta SET value = ${epoch} WHERE key = 'epoch'`;
      const revoked = await tx`UPDATE sessions SET revoked_at = ${now} WHERE revoked_at IS NULL`;
      let devicesCarried = 0;
      for (const d of current.devices) {
        const changed = await tx`
          UPDATE devices SET token_hash = ${d.token_hash}, revoked_at = ${d.revoked_at}
          WHERE workspace_id = ${d.workspace_id} AND id = ${d.id}
            AND (token_hash <> ${d.token_hash} OR revoked_at IS DISTINCT FROM ${d.revoked_at})`;
        devicesCarried += changed.count;
      }
      return { sessionsRevoked: revoked.count, devicesCarried };
    });
    const audit = createAuditLog(db, { ...auditOptions(o), now: () => at });
    for (const w of await db.listWorkspaces())
      await audit.record({
        workspaceId: w.id,
        type: "restore",
        actor: SYSTEM_ACTOR,
        detail: { epoch, ...report },
      });
    return { oldEpoch: current.epoch, epoch, ...report, otherConnections: current.others };
  } finally {
    await db.close();
  }
}
