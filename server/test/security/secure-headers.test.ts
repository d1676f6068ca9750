// Secure headers on every response: every operation of the OpenAPI document
// as every kind of caller (answers 2xx, 401, 403 alike), the static web apps,
// unknown paths, preflights — and hostile paths (malformed percent-encoding,
// traversal, NUL) never get a 5xx. The CSP forbids inline and remote script.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Operation, operationsOf, ROUTES, send } from "../support/security/route-table.ts";
import { createWorld, type World } from "../support/security/world.ts";

let w: World;
let ops: Operation[];
let roots: string;

beforeAll(async () => {
  roots = mkdtempSync(join(tmpdir(), "sightline-static-"));
  for (const app of ["web", "kiosk"]) {
    mkdirSync(join(roots, app, "assets"), { recursive: true });
    writeFileSync(join(roots, app, "index.html"), `<!doctype html><title>${app}</title>`);
    writeFileSync(join(roots, app, "assets", "main-AbCd1234.js"), "export {};");
  }
  w = await createWorld({
    staticRoots: { web: join(roots, "web"), kiosk: join(roots, "kiosk") },
  });
  ops = await operationsOf((p) => w.t.request(p));
}, 60_000);
afterAll(async () => {
  await w?.fingerprint.close();
  await w?.close();
  rmSync(roots, { recursive: true, force: true });
});

/** The headers every answer carries, whatever its status. */
function expectSecureHeaders(h: Headers, what: string, path = "") {
  const csp = h.get("content-security-policy") ?? "";
  const directive = (name: string) =>
    csp
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith(`${name} `)) ?? "";
  expect(directive("default-src"), what).toBe("default-src 'self'");
  expect(directive("script-src"), what).toBe("script-src 'self'");
  expect(directive("object-src"), what).toBe("object-src 'none'");
  expect(directive("frame-ancestors"), what).toBe("frame-ancestors 'none'");
  expect(directive("base-uri"), what).toBe("base-uri 'self'");
  // Only the kiosk's pages may connect to another server (the one they are
  // paired with); nothing anywhere may load script from one.
  const at = new URL(path || "/", "http://x").pathname; // as the server sees it: dot segments resolved
  const kiosk = at === "/kiosk" || at.startsWith("/kiosk/");
  expect(directive("connect-src"), what).toBe(
    kiosk ? "connect-src 'self' http: https:" : "connect-src 'self'",
  );
  const rest = csp
    .split(";")
    .filter((d) => !d.trim().startsWith("connect-src "))
    .join(";");
  expect(rest, what).not.toMatch(/unsafe-eval|\*|https?:/);
  expect(h.get("x-content-type-options"), what).toBe("nosniff");
  expect(h.get("x-frame-options"), what).toBe("DENY");
  expect(h.get("referrer-policy"), what).toBe("no-referrer");
  expect(h.get("strict-transport-security"), what).toMatch(/max-age=\d{7,}/);
  expect(h.get("cross-origin-opener-policy"), what).toBe("same-origin");
  expect(h.get("cross-origin-resource-policy"), what).toBe("same-origin");
  expect(h.get("x-powered-by"), what).toBeNull();
  expect(h.get("server"), what).toBeNull();
}

describe("secure headers", () => {
  it("on every operation's answer, for every kind of caller", async () => {
    let checked = 0;
    for (const op of ops) {
      const e = ROUTES[op.key];
      if (!e) throw new Error(`no route-table entry for ${op.key}`);
      for (const caller of w.callers) {
        const req = await e.sample({
          world: w,
          caller,
          target: caller.tenant,
          refs: caller.tenant,
        });
        const res = await send(w, op.method, caller, req);
        expectSecureHeaders(res.headers, `${caller.name} ${op.key} → ${res.status}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(400);
  }, 60_000);

  it("on static files, redirects, unknown paths, HEAD and CORS preflights", async () => {
    const cases: [string, RequestInit, number][] = [
      ["/", {}, 200],
      ["/journals/some-client-route", {}, 200],
      ["/assets/main-AbCd1234.js", {}, 200],
      ["/kiosk", {}, 301],
      ["/kiosk/", {}, 200],
      ["/kiosk/assets/main-AbCd1234.js", { method: "HEAD" }, 200],
      ["/v1/nothing-here", {}, 404],
      ["/v1/openapi.json", {}, 200],
      [
        "/v1/stores",
        {
          method: "OPTIONS",
          headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
        },
        403,
      ],
    ];
    for (const [path, init, status] of cases) {
      const res = await w.t.app.request(path, init);
      expect(res.status, path).toBe(status);
      expectSecureHeaders(res.headers, path, path);
    }
    const js = await w.t.app.request("/assets/main-AbCd1234.js");
    expect(js.headers.get("content-type")).toMatch(/^text\/javascript/);
  });

  it("hostile paths get a 4xx (or the app shell), never a 5xx, and never a file outside the app", async () => {
    const paths = [
      "/%E0%A4%A",
      "/%ZZ",
      "/kiosk/%ZZ",
      "/kiosk/%25E0%A4",
      "/%C0%AF",
      "/%ED%A0%80",
      "/..%2f..%2fpackage.json",
      "/kiosk/..%2F..%2Fpackage.json",
      "/kiosk/%2e%2e/%2e%2e/package.json",
      "/%00",
      "/assets/%00.js",
      "/v1/stores/%ZZ",
      "/v1/observations/%E0%A4%A",
      "/v1/blobs/%ED%A0%80",
      `/${"a".repeat(8000)}`,
    ];
    for (const path of paths) {
      const res = await w.t.app.request(path, {
        headers: { authorization: `Bearer ${w.a.adminToken}` },
      });
      const body = await res.text();
      expect(res.status, path).toBeLessThan(500);
      expect(body, path).not.toContain('"private": true');
      expectSecureHeaders(res.headers, path, path);
    }
  });
});
