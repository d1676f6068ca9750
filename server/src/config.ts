// Server configuration from the environment (docs/http-api.md "Configuration"),
// validated once at start so a typo fails loudly instead of half-working.
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
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

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
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
};

export class ConfigError extends Error {}

export function readConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = EnvSchema.safeParse({
    ...env,
    SIGHTLINE_ADMIN_EMAIL: env.SIGHTLINE_ADMIN_EMAIL || undefined,
    DATABASE_URL: env.DATABASE_URL || undefined,
    SIGHTLINE_ADMIN_PASSWORD: env.SIGHTLINE_ADMIN_PASSWORD || undefined,
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
    logLevel: e.LOG_LEVEL,
  };
}
