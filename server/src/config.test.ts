import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES, ConfigError, readConfig } from "./config.ts";

describe("readConfig", () => {
  it("takes the session lifetime, idle timeout and audit retention (issue 18)", () => {
    const c = readConfig({
      SIGHTLINE_SESSION_DAYS: "7",
      SIGHTLINE_SESSION_IDLE_MINUTES: "90",
      SIGHTLINE_AUDIT_RETENTION_DAYS: "0",
    });
    expect([c.sessionDays, c.sessionIdleMinutes, c.auditRetentionDays]).toEqual([7, 90, 0]);
    expect(() => readConfig({ SIGHTLINE_SESSION_DAYS: "0" })).toThrow(ConfigError);
  });

  it("uses the docs/http-api.md defaults", () => {
    expect(readConfig({}, "/opt/sightline/server")).toEqual({
      port: 8787,
      host: "127.0.0.1",
      dataDir: "./data",
      databaseUrl: null,
      adminEmail: "admin@localhost",
      adminPassword: undefined,
      demo: false,
      corsOrigins: [],
      trustedProxies: 0,
      maxClockDriftMs: 300_000,
      sessionDays: 30,
      sessionIdleMinutes: 0,
      auditRetentionDays: 400,
      logLevel: "info",
      webDir: "/opt/sightline/server/web/dist",
      kioskDir: "/opt/sightline/kiosk/dist",
      minFreeDiskBytes: 100 * 1024 * 1024,
      metricsToken: null,
      ssePerToken: 8,
      smtp: null,
      defaultLanguage: "vi",
      webhookRetryBaseMs: 10_000,
      // Webhooks to loopback and private networks are refused unless SIGHTLINE_WEBHOOK_ALLOW_PRIVATE=1.
      webhookAllowPrivate: false,
    });
  });

  it("takes static folders, the disk floor, the metrics token and the SSE cap from the environment", () => {
    const c = readConfig(
      {
        SIGHTLINE_WEB_DIR: "/srv/web",
        SIGHTLINE_KIOSK_DIR: "/srv/kiosk",
        SIGHTLINE_MIN_FREE_DISK_MB: "5",
        SIGHTLINE_METRICS_TOKEN: "0123456789abcdef",
        SIGHTLINE_SSE_PER_TOKEN: "2",
      },
      "/opt/x",
    );
    expect(c).toMatchObject({
      webDir: "/srv/web",
      kioskDir: "/srv/kiosk",
      minFreeDiskBytes: 5 * 1024 * 1024,
      metricsToken: "0123456789abcdef",
      ssePerToken: 2,
    });
    expect(() => readConfig({ SIGHTLINE_METRICS_TOKEN: "short" })).toThrow(
      /SIGHTLINE_METRICS_TOKEN/,
    );
  });

  it("allows private webhook targets only with SIGHTLINE_WEBHOOK_ALLOW_PRIVATE=1", () => {
    expect(readConfig({ SIGHTLINE_WEBHOOK_ALLOW_PRIVATE: "1" }).webhookAllowPrivate).toBe(true);
    expect(readConfig({ SIGHTLINE_WEBHOOK_ALLOW_PRIVATE: "0" }).webhookAllowPrivate).toBe(false);
    expect(readConfig({ SIGHTLINE_WEBHOOK_ALLOW_PRIVATE: "" }).webhookAllowPrivate).toBe(false);
    expect(() => readConfig({ SIGHTLINE_WEBHOOK_ALLOW_PRIVATE: "yes" })).toThrow(
      /SIGHTLINE_WEBHOOK_ALLOW_PRIVATE/,
    );
  });

  it("reads the clock drift bound in seconds and refuses a nonsense one", () => {
    expect(readConfig({ SIGHTLINE_MAX_CLOCK_DRIFT_SECONDS: "60" }).maxClockDriftMs).toBe(60_000);
    expect(() => readConfig({ SIGHTLINE_MAX_CLOCK_DRIFT_SECONDS: "0" })).toThrow(
      /SIGHTLINE_MAX_CLOCK_DRIFT_SECONDS/,
    );
  });

  it("reads overrides and the CORS list", () => {
    const c = readConfig({
      PORT: "9000",
      SIGHTLINE_DEMO: "1",
      SIGHTLINE_ADMIN_EMAIL: "lan@shop.vn",
      SIGHTLINE_CORS_ORIGINS: "https://kiosk.shop.vn/, chrome-extension://abc",
      DATABASE_URL: "postgres://x",
      SIGHTLINE_TRUSTED_PROXIES: "1",
    });
    expect(c).toMatchObject({
      port: 9000,
      demo: true,
      adminEmail: "lan@shop.vn",
      databaseUrl: "postgres://x",
      trustedProxies: 1,
    });
    expect(c.corsOrigins).toEqual(["https://kiosk.shop.vn", "chrome-extension://abc"]);
  });

  it("fails loudly on a bad value", () => {
    expect(() => readConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => readConfig({ SIGHTLINE_TRUSTED_PROXIES: "-1" })).toThrow(
      /SIGHTLINE_TRUSTED_PROXIES/,
    );
    expect(() => readConfig({ SIGHTLINE_ADMIN_EMAIL: "not an email" })).toThrow(ConfigError);
    expect(() => readConfig({ SIGHTLINE_ADMIN_PASSWORD: "short" })).toThrow(
      /SIGHTLINE_ADMIN_PASSWORD/,
    );
  });
});

describe("the README's configuration table", () => {
  it("lists every variable the server reads", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const table = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("## Deploying"));
    expect(CONFIG_VARIABLES.filter((v) => !table.includes(`\`${v}\``))).toEqual([]);
  });
});
