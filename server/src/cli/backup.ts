// `sightline backup FILE`: a consistent copy of the live SQLite database via
// SQLite's online backup API (safe while the server runs and takes pushes),
// stamped with the time it was taken, switched to a single-file journal and
// checked. PostgreSQL is backed up by PostgreSQL's own tools: the command
// prints the pg_dump line for this DATABASE_URL.
import { existsSync, rmSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import { takeMax } from "../db/postgres/connect.ts";
import { CliError } from "./cli-error.ts";

export const BACKUP_AT_KEY = "backup_at";

export type BackupReport = { file: string; bytes: number; at: string; epoch: string };

export async function backupSqlite(o: {
  source: string;
  dest: string;
  force?: boolean;
  now?: () => Date;
}): Promise<BackupReport> {
  if (!existsSync(o.source)) throw new CliError(`no database at ${o.source}`);
  if (existsSync(o.dest) && !o.force)
    throw new CliError(`${o.dest} exists; choose a new file name or pass --force`);
  const at = (o.now ?? (() => new Date()))().toISOString();
  const src = new Database(o.source, { fileMustExist: true });
  try {
    src.pragma("busy_timeout = 5000");
    if (existsSync(o.dest)) rmSync(o.dest);
    await src.backup(o.dest);
  } finally {
    src.close();
  }
  const copy = new Database(o.dest);
  try {
    copy.pragma("journal_mode = DELETE");
    copy
      .prepare(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      )
      .run(BACKUP_AT_KEY, at);
    const check = copy.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new CliError(`the copy failed its integrity check: ${check}`);
    const epoch = (
      copy.prepare("SELECT value FROM meta WHERE key = 'epoch'").get() as
        | { value: string }
        | undefined
    )?.value;
    if (!epoch) throw new CliError(`${o.source} is not a Sightline database (no epoch)`);
    return { file: o.dest, bytes: statSync(o.dest).size, at, epoch };
  } finally {
    copy.close();
  }
}

/** The URL without its password and without postgres.js-only parameters (`max`). */
export function libpqUrl(url: string): { url: string; masked: string } {
  // String surgery, not URLSearchParams: that would turn %20 into "+", which libpq keeps.
  // A "+" in the query is a space to URL encoders (URLSearchParams writes one) but not to libpq.
  const rest = takeMax(url).rest;
  const q = rest.indexOf("?");
  const clean = q < 0 ? rest : rest.slice(0, q) + rest.slice(q).replaceAll("+", "%20");
  const masked = clean.replace(/^(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/, "$1****@");
  return { url: clean, masked };
}

/** The schema pinned by the URL's `options=-c search_path=…`, if any. */
export function urlSchema(url: string): string | null {
  const options = new URL(url).searchParams.get("options") ?? "";
  return /search_path\s*=\s*([^\s,]+)/.exec(options)?.[1]?.replaceAll('"', "") ?? null;
}

/** The pg_dump and pg_restore lines for `url` (the password masked). */
export function postgresCommands(url: string, file: string) {
  const { masked } = libpqUrl(url);
  const schema = urlSchema(url);
  const only = schema ? ` --schema='${schema}'` : "";
  return {
    dump: `pg_dump --format=custom --no-owner${only} --file='${file}' '${masked}'`,
    restore: `pg_restore --clean --if-exists --no-owner --single-transaction${only} --dbname='${masked}' '${file}'`,
  };
}
