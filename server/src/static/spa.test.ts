import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { afterAll, describe, expect, it } from "vitest";
import { serveSpa } from "./spa.ts";

const parent = mkdtempSync(join(tmpdir(), "sightline-static-"));
const dir = join(parent, "www");
mkdirSync(join(dir, "assets"), { recursive: true });
writeFileSync(join(dir, "index.html"), "<!doctype html><title>app</title>");
writeFileSync(join(dir, "assets", "main-abcdef12.js"), "console.log(1)");
writeFileSync(join(dir, "..", "secret.txt"), "no");
afterAll(() => rmSync(parent, { recursive: true, force: true }));

function app(root: string | undefined, prefix: string) {
  return new Hono()
    .use(serveSpa(root, prefix, ["/v1", "/health"]))
    .all("*", (c) => c.text("api", 404));
}

describe("serveSpa", () => {
  it("serves files, hashed assets as immutable, and index.html for client routes", async () => {
    const a = app(dir, "/kiosk/");
    const js = await a.request("/kiosk/assets/main-abcdef12.js");
    expect(js.headers.get("content-type")).toContain("javascript");
    expect(js.headers.get("cache-control")).toContain("immutable");
    const route = await a.request("/kiosk/pair");
    expect(await route.text()).toContain("<title>app</title>");
    expect(route.headers.get("cache-control")).toBe("no-cache");
    const bare = await a.request("/kiosk");
    expect(bare.status).toBe(301);
    expect(bare.headers.get("location")).toBe("/kiosk/");
    expect((await a.request("/kiosk/missing.js")).status).toBe(404);
  });

  it("never escapes the root and leaves API paths alone", async () => {
    const a = app(dir, "/");
    expect(await (await a.request("/%2e%2e/secret.txt")).text()).toBe("api");
    expect(await (await a.request("/v1/anything")).text()).toBe("api");
    expect(await (await a.request("/some/page")).text()).toContain("app");
  });

  it("does nothing when the folder does not exist", async () => {
    const a = app(join(dir, "nope"), "/");
    expect((await a.request("/")).status).toBe(404);
  });
});
