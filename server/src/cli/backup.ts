// `sightline backup FILE`: a consistent copy of the live SQLite database via
// SQLite's online backup API (safe while the server runs and takes pushes),
// stamped with the time it was taken, switched to a single-file journal and
// checked (db/sqlite/maintenance.ts does the copy). PostgreSQL is backed up
// by PostgreSQL's own tools: the command prints the pg_dump line for this
// DATABASE_URL (db/postgres/maintenance.ts writes it).
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { backupSqliteFile } from "../db/open-db.ts";
import { CliError } from "./cli-error.ts";

export type BackupReport = { file: string; bytes: number; at: string; epoch: string };

export async function backupSqlite(o: {
  source: string;
  dest: string;
  force?: boolean;
  now?: () => Date;
}): Promise<BackupReport> {
  if (!existsSync(o.source)) throw new CliError(`no database at ${o.source}`);
  const folder = dirname(resolve(o.dest));
  if (!existsSync(folder)) throw new CliError(`no folder ${folder} to write the backup in`);
  if (existsSync(o.dest) && !o.force)
    throw new CliError(`${o.dest} exists; choose a new file name or pass --force`);
  const at = (o.now ?? (() => new Date()))().toISOString();
  const { bytes, epoch } = await backupSqliteFile(o.source, o.dest, at);
  return { file: o.dest, bytes, at, epoch };
}
