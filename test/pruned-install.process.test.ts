// The built server runs on plain Node with only production dependencies:
// `node server/scripts/build-server.mjs`, then the bundle, the bin and the
// server's package.json are copied into an install of their own whose
// node_modules holds only the packages package-lock.json does not mark as
// dev (what `npm prune --omit=dev` keeps) — no tsx, no esbuild, no vite, and
// not the TypeScript workspace packages, which the bundle carries inside.
// The server starts, reports the package's version, serves the web folder
// named by SIGHTLINE_WEB_DIR, and drains on SIGTERM; `sightline --version`
// runs from the same install.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, ROOT } from "./support/server-process.ts";

const app = mkdtempSync(join(tmpdir(), "sightline-pruned-"));
let child: ChildProcess | null = null;
afterAll(() => {
  child?.kill("SIGKILL");
  rmSync(app, { recursive: true, force: true });
});

/** Top-level packages of the lockfile that a production install keeps. */
function productionPackages(): string[] {
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<string, { dev?: boolean; link?: boolean }>;
  };
  return Object.entries(lock.packages)
    .filter(([path, p]) => /^node_modules\/(@[^/]+\/)?[^/]+$/.test(path) && !p.dev && !p.link)
    .map(([path]) => path.slice("node_modules/".length));
}

describe("a pruned install", () => {
  it("starts the built server with production packages only and answers /health, /ready and /", {
    timeout: 120_000,
  }, async () => {
    execFileSync(process.execPath, ["server/scripts/build-server.mjs"], { cwd: ROOT });
    const server = join(app, "server");
    mkdirSync(server, { recursive: true });
    cpSync(join(ROOT, "server/dist"), join(server, "dist"), { recursive: true });
    cpSync(join(ROOT, "server/bin"), join(server, "bin"), { recursive: true });
    cpSync(join(ROOT, "server/package.json"), join(server, "package.json"));
    const keep = productionPackages();
    for (const dev of ["tsx", "esbuild", "vite", "vitest", "typescript"])
      expect(keep).not.toContain(dev);
    for (const name of keep) {
      const to = join(app, "node_modules", name);
      mkdirSync(dirname(to), { recursive: true });
      symlinkSync(join(ROOT, "node_modules", name), to, "dir");
    }
    const web = join(app, "web");
    mkdirSync(web);
    writeFileSync(join(web, "index.html"), "<!doctype html><title>pruned web</title>");

    const port = await freePort();
    const env = {
      PATH: process.env.PATH ?? "",
      PORT: String(port),
      HOST: "127.0.0.1",
      SIGHTLINE_DATA: join(app, "data"),
      SIGHTLINE_ADMIN_PASSWORD: "pruned-install-pw",
      SIGHTLINE_WEB_DIR: web,
      LOG_LEVEL: "warn",
    };
    let log = "";
    const c = spawn(process.execPath, ["server/dist/main.js"], { cwd: app, env });
    child = c;
    c.stdout.on("data", (d) => {
      log += d;
    });
    c.stderr.on("data", (d) => {
      log += d;
    });
    const exited = new Promise<number | null>((r) => c.once("exit", (code) => r(code)));
    const base = `http://127.0.0.1:${port}`;
    let health: Response | null = null;
    for (let i = 0; i < 200 && !health; i++) {
      if (c.exitCode !== null) throw new Error(`server exited ${c.exitCode}:\n${log}`);
      health = await fetch(`${base}/health`).catch(() => null);
      if (!health) await new Promise((r) => setTimeout(r, 100));
    }
    expect(health?.status, log).toBe(200);
    const version = JSON.parse(readFileSync(join(ROOT, "server/package.json"), "utf8")).version;
    expect(await health?.json()).toEqual({ status: "ok", db: "sqlite", version });
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    expect(await (await fetch(`${base}/`)).text()).toContain("pruned web");

    const cli = execFileSync(process.execPath, ["server/bin/sightline.js", "--version"], {
      cwd: app,
      env,
      encoding: "utf8",
    });
    expect(cli.trim()).toBe(version);

    c.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
