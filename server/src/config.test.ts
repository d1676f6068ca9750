import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "./config.ts";

describe("readConfig", () => {
  it("uses the docs/http-api.md defaults", () => {
    expect(readConfig({})).toEqual({
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
      logLevel: "info",
    });
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
