import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { secureHeaders } from "./index.ts";

describe("secureHeaders", () => {
  it("sends a CSP without inline scripts, plus the usual hardening headers", async () => {
    const app = new Hono().use(secureHeaders()).get("/", (c) => c.text("ok"));
    const res = await app.request("/");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("lets only the kiosk's pages connect to another server; scripts stay 'self'", async () => {
    const app = new Hono().use(secureHeaders()).get("*", (c) => c.text("ok"));
    const csp = async (path: string) =>
      (await app.request(path)).headers.get("content-security-policy") ?? "";
    for (const path of ["/kiosk/", "/kiosk", "/kiosk/assets/x.js"]) {
      expect(await csp(path)).toContain("connect-src 'self' http: https:");
      expect(await csp(path)).toContain("script-src 'self';");
    }
    for (const path of ["/", "/kiosks", "/v1/journals"]) {
      expect(await csp(path)).toMatch(/connect-src 'self'(;|$)/);
    }
  });
});
