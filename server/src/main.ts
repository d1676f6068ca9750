// Composition root: the only module with side effects. Reads the
// environment, opens the database, creates the workspace and admin on first
// start, seeds the demo when asked, serves the app, and shuts down cleanly.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { searchText } from "@sightline/shared/text/search-text";
import pino from "pino";
import { createApp } from "./app.ts";
import { ConfigError, readConfig, type ServerConfig } from "./config.ts";
import type { Blobs } from "./db/blob-port.ts";
import type { Db } from "./db/port.ts";
import { openPostgresParts } from "./db/postgres/open.ts";
import { openSqliteParts } from "./db/sqlite/open.ts";
import { LOG_REDACT } from "./middleware/request-log/index.ts";
import { createMetrics } from "./observability/metrics.ts";
import { SEARCH_TEXT_VERSION } from "./observations/search-text.ts";
import { bootstrap } from "./seed/bootstrap.ts";
import { seedDemo } from "./seed/demo/index.ts";
import type { Notifier } from "./sync/notifier.ts";

const VERSION = "0.1.0";
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

type Database = {
  db: Db;
  blobs: Blobs;
  notifier: Notifier;
  /** Run one-time start-up work; on PostgreSQL under a lock, as several instances may start at once. */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/** PostgreSQL when DATABASE_URL is set (many instances), else the embedded SQLite file. */
async function openDatabase(
  config: ServerConfig,
  log: (msg: string, err: unknown) => void,
): Promise<Database> {
  if (config.databaseUrl) return openPostgresParts(config.databaseUrl, { log });
  return openSqliteParts(join(config.dataDir, "sightline.sqlite"), { log });
}

async function main() {
  const config = readConfig(process.env);
  const logger = pino({ level: config.logLevel, redact: LOG_REDACT });
  const database = await openDatabase(config, (msg, err) => logger.error({ err }, msg));
  const { db } = database;

  const boot = await database.exclusive("first-start", () =>
    bootstrap(db, {
      adminEmail: config.adminEmail,
      adminPassword: config.adminPassword,
    }),
  );
  if (boot.created?.generatedPassword) {
    process.stdout.write(
      `\n  Sightline created the first admin.\n  email:    ${config.adminEmail}\n  password: ${boot.created.generatedPassword}\n  (shown once — set SIGHTLINE_ADMIN_PASSWORD to choose it)\n\n`,
    );
  }
  const reindexed = await database.exclusive("search-text", () =>
    db.refreshSearchText(SEARCH_TEXT_VERSION, searchText),
  );
  if (reindexed > 0) logger.info({ reindexed }, "search text brought up to date");
  if (config.demo) {
    const owner = boot.created?.admin ?? (await db.findUserByEmail(config.adminEmail));
    if (!owner)
      logger.warn("SIGHTLINE_DEMO: no user with SIGHTLINE_ADMIN_EMAIL to own the demo; skipped");
    else
      logger.info(
        {
          added: await database.exclusive("first-start", () =>
            seedDemo(db, owner.workspaceId, owner.id),
          ),
        },
        "demo data seeded",
      );
  }

  const shutdown = new AbortController();
  const app = createApp({
    db,
    blobs: database.blobs,
    notifier: database.notifier,
    metrics: createMetrics(),
    logger,
    version: VERSION,
    corsOrigins: config.corsOrigins,
    rateLimit: { trustedProxies: config.trustedProxies },
    maxClockDriftMs: config.maxClockDriftMs,
    shutdown: shutdown.signal,
    staticRoots: { web: here("../web/dist"), kiosk: here("../../kiosk/dist") },
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info({ url: `http://${config.host}:${info.port}` }, "Sightline server listening");
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    shutdown.abort();
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(() => {
      database.close().finally(() => process.exit(0));
    });
    if ("closeIdleConnections" in server) server.closeIdleConnections();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
