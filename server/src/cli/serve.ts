// `sightline serve` (and `node dist/main.js`): open the database, create the
// workspace and admin on first start, seed the demo when asked, serve the
// app, and drain on SIGTERM/SIGINT — stop accepting, let in-flight requests
// (pushes) finish, end SSE streams with a retry hint, close the database,
// exit 0 well within 10 s.
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { observationFeatures, TEXT_FEATURES_VERSION } from "@sightline/shared/text/features";
import { searchText } from "@sightline/shared/text/search-text";
import pino, { type Logger } from "pino";
import { createApp } from "../app.ts";
import type { ServerConfig } from "../config.ts";
import { openDatabase } from "../db/open-db.ts";
import { createSmtpMailer } from "../email/mailer.ts";
import { HttpProblem, problemResponse } from "../http/problem.ts";
import { createNotificationRunner } from "../jobs/notifications.ts";
import { discardBody } from "../middleware/body-limit/index.ts";
import { LOG_REDACT } from "../middleware/request-log/index.ts";
import { createMetrics } from "../observability/metrics.ts";
import { readinessProbe } from "../observability/readiness.ts";
import { SEARCH_TEXT_VERSION } from "../observations/search-text.ts";
import { claimDataDir } from "../runtime/data-dir-lock.ts";
import { bootstrap } from "../seed/bootstrap.ts";
import { seedDemo } from "../seed/demo/index.ts";
import { SHUTDOWN_RETRY_MS } from "../sync/events-route.ts";

/** After this long, connections still open are cut so the process can exit in time. */
export const DRAIN_MS = 8_000;
/** No new request for this long → stop listening. */
const QUIET_MS = 300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type RunningServer = {
  port: number;
  /** Drain and close; resolves when the database is closed. */
  stop(reason: string): Promise<void>;
};

export async function startServer(
  config: ServerConfig,
  o: { version: string; logger?: Logger; out?: (s: string) => void },
): Promise<RunningServer> {
  const logger = o.logger ?? pino({ level: config.logLevel, redact: LOG_REDACT });
  const out = o.out ?? ((s: string) => process.stdout.write(s));
  // One process per SQLite file; PostgreSQL takes many instances.
  const release = config.databaseUrl ? () => {} : claimDataDir(mkdirFor(config.dataDir));
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(config, (msg, err) => logger.error({ err }, msg));
  } catch (e) {
    release();
    throw e;
  }
  const { db } = database;

  const boot = await database.exclusive("first-start", () =>
    bootstrap(db, { adminEmail: config.adminEmail, adminPassword: config.adminPassword }),
  );
  if (boot.created?.generatedPassword) {
    out(
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
  const metrics = createMetrics();
  const app = createApp({
    db,
    blobs: database.blobs,
    notifier: database.notifier,
    metrics,
    logger,
    version: o.version,
    corsOrigins: config.corsOrigins,
    rateLimit: { trustedProxies: config.trustedProxies },
    maxClockDriftMs: config.maxClockDriftMs,
    sessions: { lifetimeDays: config.sessionDays, idleMinutes: config.sessionIdleMinutes },
    auditRetentionDays: config.auditRetentionDays,
    warmAnalytics: true,
    // Alert rules every minute (once a minute across instances on PostgreSQL).
    alertSchedule: true,
    shutdown: shutdown.signal,
    staticRoots: { web: config.webDir, kiosk: config.kioskDir },
    ssePerToken: config.ssePerToken,
    emailEnabled: config.smtp !== null,
    webhookAllowPrivate: config.webhookAllowPrivate,
    metricsToken: config.metricsToken,
    ready: readinessProbe(database.readiness, {
      dataDir: config.dataDir,
      minFreeBytes: config.minFreeDiskBytes,
    }),
  });

  let stopping = false;
  /** Requests being handled (an SSE stream counts until its answer starts, not while it streams). */
  let inFlight = 0;
  let lastArrival = 0;
  // While draining, the server still accepts connections, so none waiting
  // in the listen backlog (the event loop was busy with a push) is reset:
  // each new request is told to go elsewhere (503 + Retry-After; the
  // balancer or the client retries) and every answer closes its connection.
  const fetch = async (req: Request, env: unknown): Promise<Response> => {
    lastArrival = Date.now();
    if (stopping) {
      // A browser's EventSource gives up for good on any answer but 200: a
      // live-update reconnect gets an empty stream that only says when to
      // come back, so it keeps retrying until a server is up again.
      if (req.method === "GET" && new URL(req.url).pathname === "/v1/sync/events")
        return new Response(`retry: ${SHUTDOWN_RETRY_MS}\n: shutting down\n\n`, {
          headers: { "content-type": "text/event-stream", connection: "close" },
        });
      // Read the upload first: answering mid-upload and closing resets the client.
      await discardBody(req);
      const res = problemResponse(
        new HttpProblem(503, "Shutting down", "this server is stopping; retry", {
          headers: { "retry-after": "1" },
        }),
      );
      res.headers.set("connection", "close");
      return res;
    }
    inFlight++;
    let res: Response;
    try {
      res = await app.fetch(req, env as never);
    } finally {
      inFlight--;
    }
    if (stopping && !res.headers.has("connection")) {
      try {
        res.headers.set("connection", "close");
      } catch {
        // immutable headers (a static file stream): Node closes it after the drain anyway
      }
    }
    return res;
  };

  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch, port: config.port, hostname: config.host }, () =>
      resolve(s as Server),
    ) as Server;
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  logger.info(
    { url: `http://${config.host}:${port}`, version: o.version },
    "Sightline server listening",
  );

  // Durable jobs (docs/notifications.md): alert dispatch, webhook deliveries,
  // emails, the weekly digest. Started once the app answers; stopped first
  // on shutdown so jobs in hand finish (or are retried by another instance).
  const mailer = config.smtp ? createSmtpMailer(config.smtp) : null;
  if (!mailer)
    logger.info(
      "email is off: SIGHTLINE_SMTP_URL is not set (alerts still reach the app and webhooks)",
    );
  const jobs = createNotificationRunner({
    db,
    logger,
    mailer,
    defaultLocale: config.defaultLanguage,
    webhookAllowPrivate: config.webhookAllowPrivate,
    webhookBackoff: {
      baseMs: config.webhookRetryBaseMs,
      maxMs: Math.max(config.webhookRetryBaseMs, 3_600_000),
    },
  });
  jobs.start();
  metrics.gauge("sightline_jobs_running", "Jobs this process runs now", () => jobs.stats().running);
  metrics.gauge(
    "sightline_jobs_completed",
    "Jobs this process completed since it started",
    () => jobs.stats().completed,
  );
  metrics.gauge(
    "sightline_jobs_retried",
    "Failed attempts this process scheduled again (webhook receiver down, SMTP error)",
    () => jobs.stats().retried,
  );
  metrics.gauge(
    "sightline_jobs_gave_up",
    "Jobs this process gave up on (past their give-up time)",
    () => jobs.stats().gaveUp,
  );

  // Rows written before their text features were stored (migration 9) or
  // with an older encoding get them once, in the background: suggestions
  // would otherwise featurise them on every request (issue 16).
  const featuresRefreshed = db
    .refreshTextFeatures(TEXT_FEATURES_VERSION, observationFeatures, shutdown.signal)
    .then((refreshed) => {
      if (refreshed > 0) logger.info({ refreshed }, "text features brought up to date");
    })
    .catch((err) => logger.error({ err }, "text features refresh failed"));

  let stopped: Promise<void> | null = null;
  const stop = (reason: string) => {
    stopped ??= (async () => {
      stopping = true;
      logger.info({ reason }, "shutting down: draining requests");
      shutdown.abort(); // SSE streams say goodbye with a retry hint and end
      const jobsStopped = jobs.stop(DRAIN_MS - 3_000);
      const deadline = Date.now() + DRAIN_MS;
      // 1. Requests already being handled (pushes) finish; new ones get 503.
      //    Keep listening until QUIET_MS pass with nothing in flight, nothing
      //    arriving and the event loop free: connections that queued while a
      //    push held the loop are only accepted and read once it is free.
      let quietSince = Date.now();
      for (;;) {
        const before = Date.now();
        await sleep(20);
        const now = Date.now();
        if (inFlight > 0 || now - before > 60) quietSince = now;
        if (now - Math.max(quietSince, lastArrival) >= QUIET_MS || now >= deadline - 1_000) break;
      }
      // 2. Stop listening; close idle keep-alive connections as they become idle.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const idle = setInterval(() => server.closeIdleConnections(), 50);
      // 3. Whatever is still open at the deadline is cut, so the process exits in time.
      const cut = setTimeout(
        () => {
          logger.warn("drain took too long: closing the remaining connections");
          server.closeAllConnections();
        },
        Math.max(0, deadline - Date.now()),
      );
      await closed;
      clearInterval(idle);
      clearTimeout(cut);
      await jobsStopped;
      await featuresRefreshed; // stops after its page once shutdown aborted
      mailer?.close();
      await database.close();
      release();
      logger.info("stopped");
    })();
    return stopped;
  };
  return { port, stop };
}

/** The data folder, created when missing (the pid file goes in it before the database). */
function mkdirFor(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Run until SIGTERM/SIGINT, then drain and exit 0 (1 if the drain fails). */
export function stopOnSignals(server: RunningServer): void {
  const onSignal = (signal: NodeJS.Signals) => {
    const hard = setTimeout(() => process.exit(1), DRAIN_MS + 1_500);
    hard.unref();
    server.stop(signal).then(
      () => process.exit(0),
      (e) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
