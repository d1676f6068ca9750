// Start the real server (`server/src/main.ts`) as a child process on a free
// loopback port and a temp data folder — for end-to-end tests and benchmarks.
// SIGKILL and restart on the same data are supported (crash tests).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const ADMIN = { email: "admin@example.com", password: "e2e-admin-password" };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export type ServerProcess = {
  base: string;
  port: number;
  dataDir: string;
  /** (Re)start on the same port and data; resolves when /health answers. */
  start(): Promise<void>;
  /** SIGKILL (crash) and wait for exit. */
  kill(): Promise<void>;
  /** SIGTERM (graceful: flushes, writes --cpu-prof output) and wait for exit; SIGKILL after 10 s. */
  stop(): Promise<void>;
  /** SIGKILL and remove the data folder. */
  dispose(): Promise<void>;
  pid(): number | undefined;
  /** Everything the process printed (stdout + stderr), across restarts. */
  output(): string;
};

export type ServerProcessOptions = {
  /** Extra environment; the inherited DATABASE_URL and SIGHTLINE_DEMO are dropped unless given here. */
  env?: Record<string, string>;
  port?: number;
  dataDir?: string;
  nodeArgs?: string[];
  /**
   * What to run, from the repository root: the TypeScript source through tsx
   * (default), or the built server as production runs it ("server/dist/main.js",
   * after `npm run build`) for benchmarks that should measure what ships.
   */
  entry?: "server/src/main.ts" | "server/dist/main.js";
};

/** A server process, not started yet (call `start`). */
export function serverProcess(o: ServerProcessOptions & { port: number }): ServerProcess {
  const { port } = o;
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), "sightline-srv-"));
  const base = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let log = "";

  async function start() {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.DATABASE_URL; // the embedded SQLite default unless o.env says otherwise
    delete env.SIGHTLINE_DEMO;
    Object.assign(env, {
      PORT: String(port),
      HOST: "127.0.0.1",
      SIGHTLINE_DATA: dataDir,
      SIGHTLINE_ADMIN_EMAIL: ADMIN.email,
      SIGHTLINE_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: "warn",
      ...o.env,
    });
    const entry = o.entry ?? "server/src/main.ts";
    const c = spawn(
      process.execPath,
      [...(o.nodeArgs ?? []), ...(entry.endsWith(".ts") ? ["--import", "tsx"] : []), entry],
      {
        cwd: ROOT,
        env,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    child = c;
    c.stdout?.on("data", (d) => {
      log += d;
    });
    c.stderr?.on("data", (d) => {
      log += d;
    });
    for (let i = 0; i < 600; i++) {
      if (c.exitCode !== null) throw new Error(`server exited with ${c.exitCode}:\n${log}`);
      try {
        if ((await fetch(`${base}/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not start in 60 s:\n${log}`);
  }

  function signal(sig: NodeJS.Signals): Promise<void> {
    return new Promise((resolve) => {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return resolve();
      const force = sig === "SIGKILL" ? null : setTimeout(() => c.kill("SIGKILL"), 10_000);
      c.once("exit", () => {
        if (force) clearTimeout(force);
        resolve();
      });
      c.kill(sig);
    });
  }
  const kill = () => signal("SIGKILL");

  return {
    base,
    port,
    dataDir,
    start,
    kill,
    stop: () => signal("SIGTERM"),
    async dispose() {
      await kill();
      if (!o.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    pid: () => child?.pid,
    output: () => log,
  };
}

/** Start a server process on a free port (or `o.port`); resolves once it is healthy. */
export async function startServerProcess(o: ServerProcessOptions = {}): Promise<ServerProcess> {
  const s = serverProcess({ ...o, port: o.port ?? (await freePort()) });
  await s.start();
  return s;
}

/** Small JSON client for the real HTTP API. */
export function apiClient(base: string, token?: string) {
  return async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

/** Sign in as the admin, and pair devices through the real routes. */
export async function adminSession(base: string) {
  const { token } = await apiClient(base)<{ token: string }>("POST", "/v1/auth/login", ADMIN);
  const api = apiClient(base, token);
  return {
    token,
    api,
    async pair(role: "staff" | "marketer", deviceId: string, storeId?: string) {
      const { code } = await api<{ code: string }>(
        "POST",
        "/v1/pairing-codes",
        role === "staff" ? { role, storeId } : { role },
      );
      const kind = role === "staff" ? "kiosk" : "extension";
      return apiClient(base)<{ token: string; device: { workspaceId: string; storeId?: string } }>(
        "POST",
        "/v1/devices/pair",
        { code, deviceId, kind },
      );
    },
  };
}

export type AdminServer = {
  readonly url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  output(): string;
};

/** The real server (`server/src/main.ts`) on a temp SQLite folder with a chosen first admin; stop/start keep port and data. */
export function adminServer(o: { port: number; email: string; password: string }): AdminServer {
  const s = serverProcess({
    port: o.port,
    env: {
      SIGHTLINE_ADMIN_EMAIL: o.email,
      SIGHTLINE_ADMIN_PASSWORD: o.password,
      LOG_LEVEL: "info",
    },
  });
  return { url: s.base, start: s.start, stop: s.stop, output: s.output };
}
