// What createApp needs. Everything with a side effect (database, clock,
// logger, filesystem roots) comes in here, so tests build the app from
// in-memory parts and main.ts is the only place that wires real ones.
import type { Logger } from "pino";
import type { AlertEvaluator } from "./alerts/evaluator.ts";
import type { AuditLog } from "./audit/audit-log.ts";
import type { Blobs } from "./db/blob-port.ts";
import type { Db } from "./db/port.ts";
import type { RateLimitOptions } from "./middleware/rate-limit/index.ts";
import type { Metrics } from "./observability/metrics.ts";
import type { ReadinessProbe } from "./observability/readiness.ts";
import type { Notifier } from "./sync/notifier.ts";

export type AppDeps = {
  db: Db;
  blobs: Blobs;
  notifier: Notifier;
  metrics: Metrics;
  logger: Logger;
  /** Server version, reported by /health. */
  version: string;
  now?: () => Date;
  /** Extra origins allowed by CORS (SIGHTLINE_CORS_ORIGINS). */
  corsOrigins?: readonly string[];
  /** false turns rate limiting off (load tests, simulations). */
  rateLimit?: Partial<RateLimitOptions> | false;
  /** Built web apps, served when the folders exist. */
  staticRoots?: { web?: string; kiosk?: string };
  sseHeartbeatMs?: number;
  /** Open SSE streams allowed per token (default 8); one more → 429. */
  ssePerToken?: number;
  /** GET /ready's checks (main.ts wires the adapter's); default: the database answers. */
  ready?: ReadinessProbe;
  /** Bearer token for GET /metrics; unset → /metrics answers 404. */
  metricsToken?: string | null;
  /** Ends open SSE streams on shutdown. */
  shutdown?: AbortSignal;
  kioskWindowDays?: number;
  /** How far ahead of the server's clock a pushed stamp may be (default 5 minutes). */
  maxClockDriftMs?: number;
  /** Sign-in sessions: lifetime in days (default 30) and idle timeout in minutes (0: none). */
  sessions?: { lifetimeDays?: number; idleMinutes?: number };
  /** Audit log retention in days (0: forever; default audit/audit-log.ts). */
  auditRetentionDays?: number;
  /** The audit log (createApp makes one over `db` when absent). */
  audit?: AuditLog;
  /** Build the analytics indexes in the background at start, before anyone asks (the server). */
  warmAnalytics?: boolean;
  /** Alert rule evaluation (createApp makes one over `db` and `notifier` when absent). */
  alerts?: AlertEvaluator;
  /**
   * Evaluate every enabled alert rule on a timer (the server: every minute).
   * However often the timer fires, a clock minute is evaluated once across
   * instances (docs/alerts.md "When rules are evaluated").
   */
  alertSchedule?: boolean | { everyMs: number };
  /** SMTP is configured (the notification preferences say whether email is sent at all). */
  emailEnabled?: boolean;
  /** SIGHTLINE_WEBHOOK_ALLOW_PRIVATE=1: webhooks may point at loopback and private networks (default: refused). */
  webhookAllowPrivate?: boolean;
};
