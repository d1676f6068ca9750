// Server configuration from the environment (docs/http-api.md "Configuration"),
// validated once at start so a typo fails loudly instead of half-working.
// Folders default to places inside the installed package (`home`, the
// server package's folder), never to paths relative to a source file, so the
// same defaults hold for `tsx src/main.ts` and for the built `dist/main.js`.
import { join, resolve } from "node:path";
import { z } from "zod";
import { EmailSchema } from "./auth/email.ts";

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default("127.0.0.1"),
  SIGHTLINE_DATA: z.string().min(1).default("./data"),
  DATABASE_URL: z.string().optional(),
  SIGHTLINE_ADMIN_EMAIL: EmailSchema.default("admin@localhost"),
  SIGHTLINE_ADMIN_PASSWORD: z.string().min(8).optional(),
  SIGHTLINE_DEMO: z.enum(["0", "1", ""]).optional(),
  SIGHTLINE_CORS_ORIGINS: z.string().optional(),
  SIGHTLINE_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  SIGHTLINE_MAX_CLOCK_DRIFT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  SIGHTLINE_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  SIGHTLINE_SESSION_IDLE_MINUTES: z.coerce.number().int().min(0).max(525_600).default(0),
  SIGHTLINE_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(400),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SIGHTLINE_WEB_DIR: z.string().min(1).optional(),
  SIGHTLINE_KIOSK_DIR: z.string().min(1).optional(),
  SIGHTLINE_MIN_FREE_DISK_MB: z.coerce.number().int().min(0).max(10_000_000).default(100),
  SIGHTLINE_METRICS_TOKEN: z
    .string()
    .min(16, "use at least 16 characters (e.g. openssl rand -hex 16)")
    .optional(),
  SIGHTLINE_SSE_PER_TOKEN: z.coerce.number().int().min(1).max(1000).default(8),
  SIGHTLINE_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "an smtp:// or smtps:// URL (smtp://user:pass@host:587)")
    .optional(),
  SIGHTLINE_MAIL_FROM: z.string().min(3).max(200).optional(),
  SIGHTLINE_LANGUAGE: z.enum(["vi", "en"]).default("vi"),
  SIGHTLINE_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(10_000),
  SIGHTLINE_WEBHOOK_ALLOW_PRIVATE: z.enum(["0", "1"]).default("0"),
});

/** Every environment variable the server reads (the README's table lists each; config.test.ts checks). */
export const CONFIG_VARIABLES = Object.keys(EnvSchema.shape);

export type ServerConfig = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  adminEmail: string;
  adminPassword: string | undefined;
  demo: boolean;
  corsOrigins: string[];
  trustedProxies: number;
  /** How far ahead of the server's clock a device's stamp may be, in ms. */
  maxClockDriftMs: number;
  /** Sign-in session lifetime (days) and idle timeout (minutes, 0: none). */
  sessionDays: number;
  sessionIdleMinutes: number;
  /** Audit events older than this many days are pruned (0: kept forever). */
  auditRetentionDays: number;
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  /** Built managers' web app, served at / (absent folder: not served). */
  webDir: string;
  /** Built kiosk PWA, served at /kiosk/. */
  kioskDir: string;
  /** /ready answers 503 when the data folder's disk has less free space than this. */
  minFreeDiskBytes: number;
  /** Bearer token for GET /metrics; null → /metrics answers 404. */
  metricsToken: string | null;
  /** Open SSE streams allowed per token (session or device). */
  ssePerToken: number;
  /** Email over SMTP (null: no email is sent; alerts still reach the app and webhooks). */
  smtp: { url: string; from: string } | null;
  /** Language of emails to people who chose none, and of new webhooks' text. */
  defaultLanguage: "vi" | "en";
  /** First webhook retry after this many ms, doubling to an hour (tests shorten it). */
  webhookRetryBaseMs: number;
  /** Webhooks may point at loopback, private (RFC 1918, fc00::/7) and CGNAT addresses (on premises). */
  webhookAllowPrivate: boolean;
};

export class ConfigError extends Error {}

/**
 * `home` is the server package's folder (server/ in a checkout): the default
 * web app is `home/web/dist`, the default kiosk `home/../kiosk/dist`.
 */
export function readConfig(
  env: Record<string, string | undefined>,
  home: string = process.cwd(),
): ServerConfig {
  const parsed = EnvSchema.safeParse({
    ...env,
    SIGHTLINE_ADMIN_EMAIL: env.SIGHTLINE_ADMIN_EMAIL || undefined,
    DATABASE_URL: env.DATABASE_URL || undefined,
    SIGHTLINE_ADMIN_PASSWORD: env.SIGHTLINE_ADMIN_PASSWORD || undefined,
    SIGHTLINE_WEB_DIR: env.SIGHTLINE_WEB_DIR || undefined,
    SIGHTLINE_KIOSK_DIR: env.SIGHTLINE_KIOSK_DIR || undefined,
    SIGHTLINE_METRICS_TOKEN: env.SIGHTLINE_METRICS_TOKEN || undefined,
    SIGHTLINE_SMTP_URL: env.SIGHTLINE_SMTP_URL || undefined,
    SIGHTLINE_MAIL_FROM: env.SIGHTLINE_MAIL_FROM || undefined,
    SIGHTLINE_LANGUAGE: env.SIGHTLINE_LANGUAGE || undefined,
    SIGHTLINE_WEBHOOK_ALLOW_PRIVATE: env.SIGHTLINE_WEBHOOK_ALLOW_PRIVATE || undefined,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.SIGHTLINE_DATA,
    databaseUrl: e.DATABASE_URL ?? null,
    adminEmail: e.SIGHTLINE_ADMIN_EMAIL,
    adminPassword: e.SIGHTLINE_ADMIN_PASSWORD,
    demo: e.SIGHTLINE_DEMO === "1",
    corsOrigins: (e.SIGHTLINE_CORS_ORIGINS ?? "")
      .split(",")
      .map((s) => s.trim().replace(/\/$/, ""))
      .filter(Boolean),
    trustedProxies: e.SIGHTLINE_TRUSTED_PROXIES,
    maxClockDriftMs: e.SIGHTLINE_MAX_CLOCK_DRIFT_SECONDS * 1000,
    sessionDays: e.SIGHTLINE_SESSION_DAYS,
    sessionIdleMinutes: e.SIGHTLINE_SESSION_IDLE_MINUTES,
    auditRetentionDays: e.SIGHTLINE_AUDIT_RETENTION_DAYS,
    logLevel: e.LOG_LEVEL,
    webDir: resolve(e.SIGHTLINE_WEB_DIR ?? join(home, "web", "dist")),
    kioskDir: resolve(e.SIGHTLINE_KIOSK_DIR ?? join(home, "..", "kiosk", "dist")),
    minFreeDiskBytes: e.SIGHTLINE_MIN_FREE_DISK_MB * 1024 * 1024,
    metricsToken: e.SIGHTLINE_METRICS_TOKEN ?? null,
    ssePerToken: e.SIGHTLINE_SSE_PER_TOKEN,
    smtp: e.SIGHTLINE_SMTP_URL
      ? {
          url: e.SIGHTLINE_SMTP_URL,
          from: e.SIGHTLINE_MAIL_FROM ?? "Sightline <sightline@localhost>",
        }
      : null,
    defaultLanguage: e.SIGHTLINE_LANGUAGE,
    webhookRetryBaseMs: e.SIGHTLINE_WEBHOOK_RETRY_BASE_MS,
    webhookAllowPrivate: e.SIGHTLINE_WEBHOOK_ALLOW_PRIVATE === "1",
  };
}
