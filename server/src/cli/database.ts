// Opening the configured database for the server and for CLI commands:
// PostgreSQL when DATABASE_URL is set, else the SQLite file in the data
// folder. Both open migrated (the adapters migrate on open).
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { ServerConfig } from "../config.ts";
import { openPostgresParts, type PostgresParts } from "../db/postgres/open.ts";
import { openSqliteParts, type SqliteParts } from "../db/sqlite/open.ts";

export const SQLITE_FILE = "sightline.sqlite";

export type OpenDatabase =
  | ({ dialect: "sqlite"; file: string } & SqliteParts)
  | ({ dialect: "postgres"; url: string } & PostgresParts);

export const sqliteFile = (config: Pick<ServerConfig, "dataDir">) =>
  join(config.dataDir, SQLITE_FILE);

export async function openDatabase(
  config: Pick<ServerConfig, "dataDir" | "databaseUrl">,
  log: (msg: string, err: unknown) => void = () => {},
): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const parts = await openPostgresParts(config.databaseUrl, { log });
    return Object.assign(parts, { dialect: "postgres" as const, url: config.databaseUrl });
  }
  const file = sqliteFile(config);
  return Object.assign(openSqliteParts(file, { log }), { dialect: "sqlite" as const, file });
}

/** Whether the SQLite database exists yet (commands that need one refuse otherwise). */
export const sqliteExists = (config: Pick<ServerConfig, "dataDir">) =>
  existsSync(sqliteFile(config));
