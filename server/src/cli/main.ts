// The `sightline` command (docs/operations.md): serve, migrate, backup,
// restore, create-admin, reset-password, new-epoch. Each has --help, reads
// the same environment as the server (config.ts), prints what it did, and
// exits non-zero with a one-line reason when it cannot: 1 the command
// failed, 2 the command line was wrong.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createAuditLog, SYSTEM_ACTOR } from "../audit/audit-log.ts";
import { ConfigError, readConfig, type ServerConfig } from "../config.ts";
import { MaintenanceError } from "../db/maintenance-port.ts";
import {
  migratePostgresUrl,
  migrateSqliteFile,
  newPostgresEpoch,
  newSqliteEpoch,
  openDatabase,
  postgresCommands,
  sqliteExists,
  sqliteFile,
} from "../db/open-db.ts";
import { auditOptions, checkAccountInput, createAdmin, resetPassword } from "./accounts.ts";
import { backupSqlite } from "./backup.ts";
import { CliError, usageError } from "./cli-error.ts";
import { matchDataDirOwner } from "./data-dir-owner.ts";
import { holdDataDir } from "./hold-data-dir.ts";
import { restoreSqlite } from "./restore.ts";
import { type CommandRunner, restorePostgres } from "./restore-postgres.ts";
import { startServer, stopOnSignals } from "./serve.ts";

export type CliIo = {
  out(s: string): void;
  err(s: string): void;
  env: Record<string, string | undefined>;
  /** The server package folder and version (runtime/package-home.ts). */
  home: string;
  version: string;
  now?: () => Date;
  /** Runs pg_restore for a PostgreSQL restore (bin.ts: spawnSync). */
  run?: CommandRunner;
  /** serve: false in tests, which stop the server themselves. */
  handleSignals?: boolean;
};

type Options = Record<string, { type: "string" | "boolean"; short?: string }>;
type Command = {
  usage: string;
  summary: string;
  help: string;
  options?: Options;
  positionals?: number;
  run(a: {
    values: Record<string, string | boolean | undefined>;
    positionals: string[];
    config: ServerConfig;
    io: CliIo;
  }): Promise<number>;
};

const ENV_HELP = `Reads the server's environment: SIGHTLINE_DATA (SQLite folder, default ./data)
or DATABASE_URL (PostgreSQL); see docs/operations.md. Only serve, migrate and
--create make a new SQLite database; run as root, the files a command leaves
in the data folder are given to the folder's owner.`;

/**
 * SQLite: refuse when there is no database yet, unless `create`. Run from
 * the wrong folder or without SIGHTLINE_DATA, a command would otherwise
 * make a new database in ./data, report success, and leave the server's
 * own database untouched.
 */
function needDatabase(config: ServerConfig, o: { create?: boolean; offerCreate?: boolean } = {}) {
  if (config.databaseUrl || o.create || sqliteExists(config)) return;
  throw new CliError(
    `no database at ${resolve(sqliteFile(config))}; set SIGHTLINE_DATA to the server's data folder${o.offerCreate ? ", or pass --create to make a new database there" : ""}`,
  );
}

const COMMANDS: Record<string, Command> = {
  serve: {
    usage: "sightline serve",
    summary: "run the server (same as node server/dist/main.js)",
    help: `Runs the HTTP server with the configuration from the environment (PORT,
HOST, SIGHTLINE_DATA or DATABASE_URL, …). SIGTERM drains it: no new
connections, in-flight requests finish, SSE streams end with a retry hint,
exit 0 within 10 s.`,
    async run({ config, io }) {
      const server = await startServer(config, { version: io.version, out: io.out });
      if (io.handleSignals !== false) stopOnSignals(server);
      return 0;
    },
  },
  migrate: {
    usage: "sightline migrate",
    summary: "apply database migrations and exit",
    help: `Applies the migrations this version needs (the server also does this at
start). SQLite: refuses while a server runs on the data folder (it takes
the same lock as restore and new-epoch, so no server starts under it either).
PostgreSQL: safe beside running servers, under an advisory lock.`,
    async run({ config, io }) {
      let applied: number[];
      if (config.databaseUrl) {
        applied = await migratePostgresUrl(config.databaseUrl);
      } else {
        // A running server has its own migrated connection and prepared
        // statements; changing the schema under it is not safe on SQLite.
        const release = holdDataDir(config.dataDir, "migrating");
        try {
          applied = migrateSqliteFile(sqliteFile(config));
        } finally {
          release();
        }
      }
      io.out(
        applied.length
          ? `applied migrations ${applied.join(", ")}\n`
          : "the database is up to date; nothing to apply\n",
      );
      return 0;
    },
  },
  backup: {
    usage: "sightline backup FILE [--force]",
    summary: "copy the live SQLite database to FILE (PostgreSQL: prints pg_dump)",
    help: `SQLite: writes a consistent copy of the database to FILE with SQLite's
online backup API — safe while the server runs and takes pushes — stamps it
with the time, and checks it. Refuses to overwrite FILE without --force.
PostgreSQL: prints the pg_dump command to run instead (exit 0).`,
    options: { force: { type: "boolean" } },
    positionals: 1,
    async run({ values, positionals, config, io }) {
      const dest = positionals[0] as string;
      if (config.databaseUrl) {
        const { dump, restore } = postgresCommands(config.databaseUrl, dest);
        io.out(
          `PostgreSQL is backed up with its own tools. Run (password from PGPASSWORD or ~/.pgpass):\n\n  ${dump}\n\nRestore it, with every instance stopped, with:\n\n  sightline restore '${dest}'\n\n(which runs: ${restore}, then sets a new epoch, revokes sessions and keeps newer device revocations)\n`,
        );
        return 0;
      }
      needDatabase(config);
      const report = await backupSqlite({
        source: sqliteFile(config),
        dest,
        force: values.force === true,
        ...(io.now ? { now: io.now } : {}),
      });
      await auditEvent(config, io, "backup", { file: report.file, bytes: report.bytes });
      io.out(
        `backed up ${sqliteFile(config)} to ${report.file} (${report.bytes} bytes) at ${report.at}\n`,
      );
      return 0;
    },
  },
  restore: {
    usage: "sightline restore FILE [--create]",
    summary: "replace the SQLite database with a backup (server stopped)",
    help: `SQLite, with the server stopped: replaces the database with the backup in
FILE, then gives it a new epoch (every device resets and re-pushes what the
backup lost), revokes every session (people sign in again) and keeps each
device's newer token state (revoked after the backup → still revoked).
Devices paired after the backup must pair again. The replaced file is kept
as sightline.sqlite.pre-restore-<time>. Into a data folder with no database
yet (a new machine) only with --create.
PostgreSQL (every instance stopped): the same, with pg_restore loading FILE
(a pg_dump --format=custom file); start the instances again afterwards.`,
    options: { create: { type: "boolean" } },
    positionals: 1,
    async run({ values, positionals, config, io }) {
      const backup = positionals[0] as string;
      if (config.databaseUrl) {
        if (!io.run) throw new CliError("this process cannot run pg_restore");
        const r = await restorePostgres({
          url: config.databaseUrl,
          file: backup,
          run: io.run,
          ...(io.now ? { now: io.now } : {}),
          retentionDays: config.auditRetentionDays,
        });
        if (r.otherConnections > 0)
          io.err(
            `warning: ${r.otherConnections} other Sightline connection(s) were open on this database; restart every instance now\n`,
          );
        io.out(
          [
            `restored ${backup} with pg_restore`,
            `new epoch ${r.epoch} (was ${r.oldEpoch ?? "none"}): every device resets and re-pushes what the backup lost`,
            `${r.sessionsRevoked} session(s) revoked; ${r.devicesCarried} device(s) kept their newer token state`,
            "start (or restart) every server instance now",
            "",
          ].join("\n"),
        );
        return 0;
      }
      needDatabase(config, { create: values.create === true, offerCreate: true });
      const r = await restoreSqlite({
        dataDir: config.dataDir,
        file: sqliteFile(config),
        backup,
        ...(io.now ? { now: io.now } : {}),
        retentionDays: config.auditRetentionDays,
      });
      io.out(
        [
          `restored ${backup} (taken ${r.backupAt ?? "at an unknown time"}) into ${sqliteFile(config)}`,
          `new epoch ${r.epoch} (was ${r.oldEpoch ?? "none"}): every device resets and re-pushes what the backup lost`,
          `${r.sessionsRevoked} session(s) revoked; ${r.devicesCarried} device(s) kept their newer token state`,
          r.keptAs
            ? `the replaced database is kept as ${r.keptAs}`
            : "there was no database to replace",
          "",
        ].join("\n"),
      );
      return 0;
    },
  },
  "create-admin": {
    usage: "sightline create-admin --email EMAIL [--name NAME] [--password PASSWORD] [--create]",
    summary: "add an admin (creates the workspace on an empty database)",
    help: `Adds an admin to the workspace (or creates the workspace with this admin on
an empty database). The password comes from --password or
SIGHTLINE_ADMIN_PASSWORD; without either one is generated and printed once.
SQLite: a new database is made only with --create (else no database at
SIGHTLINE_DATA is an error).`,
    options: {
      create: { type: "boolean" },
      email: { type: "string" },
      name: { type: "string" },
      password: { type: "string" },
    },
    async run({ values, config, io }) {
      if (typeof values.email !== "string") throw usageError("--email is required");
      const password = (values.password as string | undefined) ?? io.env.SIGHTLINE_ADMIN_PASSWORD;
      checkAccountInput({ email: values.email, password });
      needDatabase(config, { create: values.create === true, offerCreate: true });
      return withDb(config, async (db) => {
        const r = await createAdmin(db, {
          email: values.email as string,
          password,
          ...(typeof values.name === "string" ? { name: values.name } : {}),
          ...(io.now ? { now: io.now } : {}),
          retentionDays: config.auditRetentionDays,
        });
        io.out(
          `created admin ${r.email}${r.generated ? `\npassword: ${r.password}\n(shown once)` : ""}\n`,
        );
        return 0;
      });
    },
  },
  "reset-password": {
    usage: "sightline reset-password EMAIL [--password PASSWORD]",
    summary: "set a new password for EMAIL and sign them out everywhere",
    help: `Sets a new password for the person with EMAIL (from --password or
SIGHTLINE_ADMIN_PASSWORD, else generated and printed once) and revokes all
their sessions.`,
    options: { password: { type: "string" } },
    positionals: 1,
    async run({ values, positionals, config, io }) {
      const email = positionals[0] as string;
      const password = (values.password as string | undefined) ?? io.env.SIGHTLINE_ADMIN_PASSWORD;
      checkAccountInput({ email, password });
      needDatabase(config);
      return withDb(config, async (db) => {
        const r = await resetPassword(db, {
          email,
          password,
          ...(io.now ? { now: io.now } : {}),
          retentionDays: config.auditRetentionDays,
        });
        io.out(
          `new password set for ${r.email}; their sessions are revoked${r.generated ? `\npassword: ${r.password}\n(shown once)` : ""}\n`,
        );
        return 0;
      });
    },
  },
  "new-epoch": {
    usage: "sightline new-epoch [--revoke-sessions]",
    summary: "make every device reset and re-push (after restoring by hand)",
    help: `Gives the database a new epoch: every device's next pull resets its mirror
and it re-pushes the writes it keeps that the server lacks. Use it after
restoring a database by other means (pg_restore, a copied file).
--revoke-sessions also signs everybody out. SQLite: the server must be
stopped. PostgreSQL: restart every instance afterwards.`,
    options: { "revoke-sessions": { type: "boolean" } },
    async run({ values, config, io }) {
      const revoke = values["revoke-sessions"] === true;
      const now = (io.now ?? (() => new Date()))().toISOString();
      if (config.databaseUrl) {
        const { epoch, revoked } = await newPostgresEpoch(config.databaseUrl, revoke ? now : null);
        io.out(
          `new epoch ${epoch}${revoke ? `; ${revoked} session(s) revoked` : ""}\nrestart every server instance now\n`,
        );
        return 0;
      }
      needDatabase(config);
      const release = holdDataDir(config.dataDir, "changing the epoch");
      try {
        const { epoch, revoked } = newSqliteEpoch(sqliteFile(config), revoke ? now : null);
        io.out(`new epoch ${epoch}${revoke ? `; ${revoked} session(s) revoked` : ""}\n`);
      } finally {
        release();
      }
      return 0;
    },
  },
};

async function withDb<T>(
  config: ServerConfig,
  fn: (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(config);
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

/** One audit row per workspace, so each workspace's admins see it. */
async function auditEvent(
  config: ServerConfig,
  io: CliIo,
  type: "backup",
  detail: Record<string, string | number>,
) {
  await withDb(config, async (db) => {
    const log = createAuditLog(
      db,
      auditOptions({
        ...(io.now ? { now: io.now } : {}),
        retentionDays: config.auditRetentionDays,
      }),
    );
    for (const w of await db.listWorkspaces())
      await log.record({ workspaceId: w.id, type, actor: SYSTEM_ACTOR, detail });
  });
}

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  const lines = Object.entries(COMMANDS).map(([k, c]) => `  ${k.padEnd(width)}  ${c.summary}`);
  return `Usage: sightline <command> [options]   (sightline <command> --help)\n\nCommands:\n${lines.join("\n")}\n\n${ENV_HELP}\n`;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(mainHelp());
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-v") {
    io.out(`${io.version}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`sightline: unknown command "${name}"\n\n${mainHelp()}`);
    return 2;
  }
  try {
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({
        args: [...rest],
        options: { ...command.options, help: { type: "boolean", short: "h" } },
        allowPositionals: true,
        strict: true,
      });
    } catch (e) {
      throw usageError((e as Error).message);
    }
    if (parsed.values.help) {
      io.out(`Usage: ${command.usage}\n\n${command.help}\n\n${ENV_HELP}\n`);
      return 0;
    }
    const want = command.positionals ?? 0;
    if (parsed.positionals.length !== want)
      throw usageError(
        want === 0
          ? `${name} takes no arguments (got ${parsed.positionals.join(" ")})`
          : `${name} needs ${want === 1 ? "one argument" : `${want} arguments`}: ${command.usage}`,
      );
    let config: ServerConfig;
    try {
      config = readConfig(io.env, io.home);
    } catch (e) {
      if (e instanceof ConfigError) throw new CliError(e.message);
      throw e;
    }
    try {
      return await command.run({
        values: parsed.values as Record<string, string | boolean | undefined>,
        positionals: parsed.positionals,
        config,
        io,
      });
    } finally {
      // Root's files would lock the service user out (data-dir-owner.ts);
      // a server (serve) owns what it makes.
      if (name !== "serve" && !config.databaseUrl) matchDataDirOwner(config.dataDir);
    }
  } catch (thrown) {
    // The adapters' refusals (db/maintenance-port.ts) are the operator's to act on too.
    const e = thrown instanceof MaintenanceError ? new CliError(thrown.message) : thrown;
    if (e instanceof CliError) {
      io.err(
        `sightline ${name}: ${e.message}\n${e.exitCode === 2 ? `usage: ${command.usage}\n` : ""}`,
      );
      return e.exitCode;
    }
    io.err(`sightline ${name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}
