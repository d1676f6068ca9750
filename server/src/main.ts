// Composition root: the only module with side effects. Reads the
// environment, opens the database, creates the workspace and admin on first
// start, seeds the demo when asked, serves the app, and shuts down cleanly.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import pino from "pino";
import { createApp } from "./app.ts";
import { createSqliteBlobStore } from "./blobs/sqlite-blob-store.ts";
import { ConfigError, readConfig } from "./config.ts";
import { LOG_REDACT } from "./middleware/request-log/index.ts";
import { createMetrics } from "./observability/metrics.ts";
import { bootstrap } from "./seed/bootstrap.ts";
import { seedDemo } from "./seed/demo/index.ts";
import { openSqlite } from "./store/sqlite/open.ts";
import { createSqliteStore } from "./store/sqlite/sqlite-store.ts";
import { createInProcessNotifier } from "./sync/notifier.ts";

const VERSION = "0.1.0";
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

async function main() {
  const config = readConfig(process.env);
  if (config.databaseUrl) {
    console.error(
      "DATABASE_URL is set, but PostgreSQL support is coming soon. Unset it to use the embedded SQLite database.",
    );
    process.exit(1);
  }
  const logger = pino({ level: config.logLevel, redact: LOG_REDACT });
  const handle = openSqlite(join(config.dataDir, "sightline.sqlite"));
  const store = createSqliteStore(handle, (msg, err) => logger.error({ err }, msg));

  const boot = await bootstrap(store, {
    adminEmail: config.adminEmail,
    adminPassword: config.adminPassword,
  });
  if (boot.created?.generatedPassword) {
    process.stdout.write(
      `\n  Sightline created the first admin.\n  email:    ${config.adminEmail}\n  password: ${boot.created.generatedPassword}\n  (shown once — set SIGHTLINE_ADMIN_PASSWORD to choose it)\n\n`,
    );
  }
  if (config.demo) {
    const owner = boot.created?.admin ?? (await store.findUserByEmail(config.adminEmail));
    if (!owner)
      logger.warn("SIGHTLINE_DEMO: no user with SIGHTLINE_ADMIN_EMAIL to own the demo; skipped");
    else
      logger.info(
        { added: await seedDemo(store, owner.workspaceId, owner.id) },
        "demo data seeded",
      );
  }

  const shutdown = new AbortController();
  const app = createApp({
    store,
    blobs: createSqliteBlobStore(handle),
    notifier: createInProcessNotifier(),
    metrics: createMetrics(),
    logger,
    version: VERSION,
    corsOrigins: config.corsOrigins,
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
      store.close().finally(() => process.exit(0));
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
