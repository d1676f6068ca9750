// The one place outside the adapters that chooses one (besides the
// composition root main.ts): opening the configured database for the server
// and for CLI commands — PostgreSQL when DATABASE_URL is set, else the
// SQLite file in the data folder; both open migrated (the adapters migrate
// on open) — and the adapters' operations work (maintenance.ts on each
// side, typed by maintenance-port.ts) that the CLI and the data-folder lock
// use. Nothing outside db/ imports an adapter.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { ServerConfig } from "../config.ts";
import type { ReadinessPort } from "./maintenance-port.ts";
import { postgresReadinessPort } from "./postgres/maintenance.ts";
import { openPostgresParts, type PostgresParts } from "./postgres/open.ts";
import { sqliteReadinessPort } from "./sqlite/maintenance.ts";
import { openSqliteParts, type SqliteParts } from "./sqlite/open.ts";

export {
  libpqUrl,
  migratePostgresUrl,
  newPostgresEpoch,
  openRestoredPostgres,
  pgRestoreArgs,
  postgresCommands,
  readPostgresCurrent,
  urlSchema,
} from "./postgres/maintenance.ts";
export {
  backupSqliteFile,
  holdExclusiveFileLock,
  migrateSqliteFile,
  newSqliteEpoch,
  openRestoredSqlite,
  readSqliteBackup,
  readSqliteCurrent,
} from "./sqlite/maintenance.ts";

export const SQLITE_FILE = "sightline.sqlite";

export type OpenDatabase = (
  | ({ dialect: "sqlite"; file: string } & SqliteParts)
  | ({ dialect: "postgres"; url: string } & PostgresParts)
) & {
  /** GET /ready's database checks on this connection. */
  readiness: ReadinessPort;
};

export const sqliteFile = (config: Pick<ServerConfig, "dataDir">) =>
  join(config.dataDir, SQLITE_FILE);

export async function openDatabase(
  config: Pick<ServerConfig, "dataDir" | "databaseUrl">,
  log: (msg: string, err: unknown) => void = () => {},
): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const parts = await openPostgresParts(config.databaseUrl, { log });
    return Object.assign(parts, {
      dialect: "postgres" as const,
      url: config.databaseUrl,
      readiness: postgresReadinessPort(parts.db.handle.sql),
    });
  }
  const file = sqliteFile(config);
  const parts = openSqliteParts(file, { log });
  return Object.assign(parts, {
    dialect: "sqlite" as const,
    file,
    readiness: sqliteReadinessPort(parts.db.handle),
  });
}

/** Whether the SQLite database exists yet (commands that need one refuse otherwise). */
export const sqliteExists = (config: Pick<ServerConfig, "dataDir">) =>
  existsSync(sqliteFile(config));
