// The README's restore drill run as root, the way operators run it with
// sudo: the service runs as its own user (here `nobody`, uid 65534) and
// owns the data folder; `sightline restore`, `new-epoch`, `migrate`,
// `backup`, `create-admin` and `reset-password` run as root. Every file
// they leave in the data folder must belong to the folder's owner, or the
// service then meets SQLITE_READONLY (a root-owned sightline.sqlite) or
// cannot take its lock (a root-owned sightline.lock). Needs root to start
// a process as another user; skipped otherwise.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ADMIN, freePort, ROOT } from "./support/server-process.ts";

const SERVICE = { uid: 65534, gid: 65534 };
const isRoot = process.getuid?.() === 0;
const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const c of cleanups.reverse()) c();
});

/** Run the `sightline` command from source as this process's user (root). */
function sightline(args: string[], dataDir: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "server/src/cli/bin.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: "", LOG_LEVEL: "warn", SIGHTLINE_DATA: dataDir },
    encoding: "utf8",
  });
  expect(r.status, `sightline ${args.join(" ")}: ${r.stderr}`).toBe(0);
}

/** The server as the service user; resolves with its base URL once /health answers. */
async function serveAsService(dataDir: string): Promise<{ base: string; stop(): Promise<void> }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.SIGHTLINE_DEMO;
  let log = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: ROOT,
    ...SERVICE,
    env: {
      ...env,
      HOME: "/nonexistent",
      PORT: String(port),
      HOST: "127.0.0.1",
      SIGHTLINE_DATA: dataDir,
      SIGHTLINE_ADMIN_EMAIL: ADMIN.email,
      SIGHTLINE_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => {
    log += d;
  });
  child.stderr?.on("data", (d) => {
    log += d;
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  cleanups.push(() => child.kill("SIGKILL"));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited ${child.exitCode}:\n${log}`);
    try {
      if ((await fetch(`${base}/health`)).ok) return { base, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not start:\n${log}`);
}

const login = (base: string) =>
  fetch(`${base}/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN),
  });

describe.skipIf(!isRoot)(
  "CLI commands run as root (skipped: needs root to chown and setuid)",
  () => {
    it("leave the data folder's files owned by its owner, and the service can write after restore", async () => {
      const parent = mkdtempSync(join(tmpdir(), "sightline-owner-"));
      cleanups.push(() => rmSync(parent, { recursive: true, force: true }));
      chmodSync(parent, 0o755);
      const dataDir = join(parent, "data");
      mkdirSync(dataDir);
      chownSync(dataDir, SERVICE.uid, SERVICE.gid);

      // The service creates its database, then stops for the drill.
      let server = await serveAsService(dataDir);
      expect((await login(server.base)).status).toBe(200);
      await server.stop();

      const backup = join(parent, "backup.sqlite");
      sightline(["backup", backup], dataDir);
      sightline(["restore", backup], dataDir);
      sightline(["new-epoch", "--revoke-sessions"], dataDir);
      sightline(["migrate"], dataDir);
      sightline(
        ["create-admin", "--email", "second@example.com", "--password", "second-pw"],
        dataDir,
      );
      sightline(["reset-password", "second@example.com", "--password", "third-pw-3"], dataDir);

      // A new machine: the service's empty folder, restored into by root
      // (the lock file is then root's to create too).
      const fresh = join(parent, "fresh");
      mkdirSync(fresh);
      chownSync(fresh, SERVICE.uid, SERVICE.gid);
      sightline(["restore", "--create", backup], fresh);

      for (const dir of [dataDir, fresh]) {
        const owners = readdirSync(dir).map((name) => {
          const s = statSync(join(dir, name));
          return { name, uid: s.uid, gid: s.gid };
        });
        expect(owners.map((o) => o.name)).toEqual(
          expect.arrayContaining(["sightline.sqlite", "sightline.lock"]),
        );
        expect(owners.filter((o) => o.uid !== SERVICE.uid || o.gid !== SERVICE.gid)).toEqual([]);
      }

      // The service starts on the restored database and writes to it.
      server = await serveAsService(dataDir);
      expect((await fetch(`${server.base}/ready`)).status).toBe(200);
      const signedIn = await login(server.base);
      expect(signedIn.status, await signedIn.clone().text()).toBe(200);
      await server.stop();
    }, 120_000);
  },
);
