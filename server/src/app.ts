// createApp(deps): the whole HTTP surface as a Hono app, no side effects.
// Global middleware in order — log, count, security headers, CORS, body
// caps, who is calling, rate limits — then one sub-app per resource, the
// OpenAPI document, static web apps, and problem+json for everything else.
import { MAX_PUSH_BYTES } from "@sightline/shared";
import { createAlertEvaluator, startAlertSchedule } from "./alerts/evaluator.ts";
import { alertRoutes } from "./alerts/routes.ts";
import { analyticsRoutes } from "./analytics/routes.ts";
import { apiKeyRoutes } from "./api-keys/routes.ts";
import type { AppDeps } from "./app-deps.ts";
import { createAuditLog } from "./audit/audit-log.ts";
import { auditRoutes } from "./audit/routes.ts";
import { authRoutes } from "./auth/routes.ts";
import { blobRoutes, MAX_BLOB_BYTES } from "./blobs/routes.ts";
import { competitorRoutes } from "./competitors/routes.ts";
import { pairingCodeRoutes } from "./devices/pairing-code-route.ts";
import { deviceRoutes } from "./devices/routes.ts";
import { deviceUnsentRoutes } from "./devices/unsent-route.ts";
import { onError, onNotFound } from "./http/errors.ts";
import { newRouter } from "./http/router.ts";
import { actionRoutes, insightRoutes } from "./insights/routes.ts";
import { journalRoutes } from "./journals/routes.ts";
import { resolvePrincipal } from "./middleware/auth/index.ts";
import { bodyLimits } from "./middleware/body-limit/index.ts";
import { cors, createOriginAllowList } from "./middleware/cors/index.ts";
import { countRequests } from "./middleware/metrics/index.ts";
import { createRateLimiter, DEFAULT_RATE_LIMITS } from "./middleware/rate-limit/index.ts";
import { requestLog } from "./middleware/request-log/index.ts";
import { secureHeaders } from "./middleware/secure-headers/index.ts";
import { healthRoutes } from "./observability/routes.ts";
import { importRoutes, MAX_IMPORT_BYTES } from "./observations/import/routes.ts";
import { observationRoutes } from "./observations/routes.ts";
import { pageRoutes } from "./pages/routes.ts";
import { serveSpa } from "./static/spa.ts";
import { storeRoutes } from "./stores/routes.ts";
import { syncEventsRoutes } from "./sync/events-route.ts";
import { syncPullRoutes } from "./sync/pull-route.ts";
import { syncPushRoutes } from "./sync/push-route.ts";
import { userRoutes } from "./users/routes.ts";
import { vocabularyRoutes } from "./vocabulary/routes.ts";
import { notificationPrefsRoutes, webhookRoutes } from "./webhooks/routes.ts";

const DEFAULT_BODY_BYTES = 256 * 1024;
const API_PATHS = ["/v1", "/health", "/metrics", "/kiosk"];

export function createApp(given: AppDeps) {
  const now = given.now ?? (() => new Date());
  const trustedProxies = (given.rateLimit || undefined)?.trustedProxies ?? 0;
  const deps: AppDeps = {
    ...given,
    audit:
      given.audit ??
      createAuditLog(given.db, {
        now,
        trustedProxies,
        ...(given.auditRetentionDays !== undefined
          ? { retentionDays: given.auditRetentionDays }
          : {}),
      }),
  };
  // Made here when absent and left on `given` too, so a test can await
  // `deps.alerts.idle()` after a push.
  given.alerts ??= createAlertEvaluator({
    db: given.db,
    notifier: given.notifier,
    logger: given.logger,
    now,
  });
  deps.alerts = given.alerts;
  if (deps.alertSchedule)
    startAlertSchedule(deps.alerts, {
      ...(typeof deps.alertSchedule === "object" ? { everyMs: deps.alertSchedule.everyMs } : {}),
      ...(deps.shutdown ? { signal: deps.shutdown } : {}),
      logger: deps.logger,
    });
  const origins = createOriginAllowList({
    configured: deps.corsOrigins ?? [],
    deviceOrigins: () => deps.db.listDeviceOrigins(),
    pairingPath: "/v1/devices/pair",
  });
  // On PostgreSQL the anonymous abuse-prone budgets are shared by every instance.
  const limiter = createRateLimiter(
    deps.rateLimit === false ? false : { ...DEFAULT_RATE_LIMITS, ...deps.rateLimit },
    () => now().getTime(),
    deps.db.dialect === "postgres" ? deps.db : undefined,
  );
  deps.metrics.gauge("sightline_sse_clients", "Open SSE streams", () =>
    deps.notifier.listenerCount(),
  );

  const app = newRouter();
  app.use(
    requestLog(deps.logger),
    countRequests(deps.metrics),
    secureHeaders(),
    cors(origins.check),
    bodyLimits(
      [
        { prefix: "/v1/sync/push", maxBytes: MAX_PUSH_BYTES },
        { prefix: "/v1/devices/", suffix: "/unsent", maxBytes: MAX_PUSH_BYTES },
        { prefix: "/v1/blobs/", maxBytes: MAX_BLOB_BYTES },
        { prefix: "/v1/observations/import", maxBytes: MAX_IMPORT_BYTES },
      ],
      DEFAULT_BODY_BYTES,
    ),
    resolvePrincipal(deps.db, now, deps.sessions?.idleMinutes ?? 0),
    limiter.middleware,
  );

  app.route("/", healthRoutes(deps));
  app.route("/v1/auth", authRoutes(deps, limiter));
  app.route("/v1/users", userRoutes(deps));
  app.route("/v1/pairing-codes", pairingCodeRoutes(deps));
  app.route("/v1/devices", deviceRoutes(deps, limiter, origins.invalidate));
  app.route("/v1/devices", deviceUnsentRoutes(deps));
  app.route("/v1/stores", storeRoutes(deps));
  app.route("/v1/competitors", competitorRoutes(deps));
  app.route("/v1/vocabulary", vocabularyRoutes());
  app.route("/v1/sync", syncPushRoutes(deps));
  app.route("/v1/sync", syncPullRoutes(deps));
  app.route("/v1/sync", syncEventsRoutes(deps));
  app.route("/v1/blobs", blobRoutes(deps));
  app.route("/v1/observations", observationRoutes(deps));
  app.route("/v1/observations", importRoutes(deps));
  app.route("/v1/pages", pageRoutes(deps));
  app.route("/v1/journals", journalRoutes(deps));
  app.route("/v1/insights", insightRoutes(deps));
  app.route("/v1/actions", actionRoutes(deps));
  app.route("/v1/analytics", analyticsRoutes(deps));
  app.route("/v1/audit", auditRoutes(deps));
  app.route("/v1/webhooks", webhookRoutes(deps));
  app.route("/v1/notifications", notificationPrefsRoutes(deps));
  app.route("/v1", alertRoutes(deps));
  app.route("/v1/api-keys", apiKeyRoutes(deps));

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description:
      "A session token (POST /v1/auth/login), a device token (POST /v1/devices/pair) or an API key (slk_…, POST /v1/api-keys; its scope is named key:read or key:import in x-sightline-access)",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "sightline_session",
  });
  app.doc("/v1/openapi.json", {
    openapi: "3.0.3",
    info: { title: "Sightline API", version: deps.version },
  });

  app.use("/kiosk/*", serveSpa(deps.staticRoots?.kiosk, "/kiosk/"));
  app.use("/kiosk", serveSpa(deps.staticRoots?.kiosk, "/kiosk/"));
  app.use("*", serveSpa(deps.staticRoots?.web, "/", API_PATHS));

  app.notFound(onNotFound);
  app.onError(onError(deps.logger));
  return app;
}

export type App = ReturnType<typeof createApp>;
