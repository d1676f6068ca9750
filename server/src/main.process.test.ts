// docs/sync-protocol.md "Invariants" #10 at process level: the real server on a temp SQLite
// folder is SIGKILLed with pushes in flight, restarted, and nothing acked is
// lost, nothing is duplicated, and re-pushing everything changes nothing.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Entity, Mutation } from "@sightline/shared";
import { afterAll, describe, expect, it } from "vitest";
import { webObservation } from "../test/support/mutations.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "sightline-process-"));
let child: ChildProcess | null = null;
afterAll(() => {
  child?.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

async function start(port: number): Promise<string> {
  child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      SIGHTLINE_DATA: dataDir,
      SIGHTLINE_ADMIN_PASSWORD: "process-test-pw",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return base;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not start");
}

function killHard(): Promise<void> {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

const post = (base: string, path: string, body: unknown, token?: string) =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });

describe("server process", () => {
  it("survives SIGKILL with pushes in flight: no loss, no duplicates, re-push is a no-op", {
    timeout: 90_000,
  }, async () => {
    const port = await freePort();
    let base = await start(port);
    const { token: admin } = await (
      await post(base, "/v1/auth/login", { email: "admin@localhost", password: "process-test-pw" })
    ).json();
    const { code } = await (
      await post(base, "/v1/pairing-codes", { role: "marketer" }, admin)
    ).json();
    const deviceId = crypto.randomUUID();
    const paired = await (
      await post(base, "/v1/devices/pair", { code, deviceId, kind: "extension" })
    ).json();
    const device = {
      token: paired.token as string,
      deviceId,
      workspaceId: paired.device.workspaceId as string,
    };
    const envelope = (mutations: Mutation[]) => ({
      protocol: 1,
      deviceId,
      clientSchema: 1,
      appVersion: "process-test",
      mutations,
    });
    const all = Array.from({ length: 400 }, (_, i) =>
      webObservation(i + 1, device, { note: `lần ${i + 1}` }),
    );
    const batches = [0, 1, 2, 3, 4, 5, 6, 7].map((b) => all.slice(b * 50, b * 50 + 50));

    // Acked: the first four batches.
    let acked = 0;
    for (const b of batches.slice(0, 4))
      acked = (await (await post(base, "/v1/sync/push", envelope(b), device.token)).json()).lastSeq;
    expect(acked).toBe(200);
    // In flight: the rest, fired without waiting, then SIGKILL.
    const inFlight = batches.slice(4).map((b) =>
      post(base, "/v1/sync/push", envelope(b), device.token)
        .then((r) => r.json())
        .catch(() => null),
    );
    await new Promise((r) => setTimeout(r, 15));
    await killHard();
    const answers = (await Promise.all(inFlight)).filter(Boolean) as { lastSeq: number }[];
    for (const a of answers) acked = Math.max(acked, a.lastSeq);

    base = await start(port);
    const pullAll = async () => {
      const r = await (
        await post(
          base,
          "/v1/sync/pull",
          { protocol: 1, deviceId, clientSchema: 1, cookie: null, limit: 5000 },
          device.token,
        )
      ).json();
      return r as { lastSeq: number; changes: { op: string; entity: Entity }[] };
    };
    const after = await pullAll();
    const ids = after.changes.map((c) => c.entity.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(after.lastSeq).toBeGreaterThanOrEqual(acked);
    expect(ids.sort()).toEqual(
      all
        .slice(0, after.lastSeq)
        .map((m) => m.id)
        .sort(),
    );

    // The client re-pushes everything it has (acked or not): applied once, in order.
    for (const b of batches)
      expect((await post(base, "/v1/sync/push", envelope(b), device.token)).status).toBe(200);
    const full = await pullAll();
    expect(full.lastSeq).toBe(400);
    expect(full.changes).toHaveLength(400);
    const snapshot = JSON.stringify(full.changes);
    for (const b of batches) await post(base, "/v1/sync/push", envelope(b), device.token);
    expect(JSON.stringify((await pullAll()).changes)).toBe(snapshot);

    await killHard();
    base = await start(port);
    expect(JSON.stringify((await pullAll()).changes)).toBe(snapshot);

    // Graceful stop: SIGTERM ends open SSE streams and exits 0.
    const events = await fetch(`${base}/v1/sync/events`, {
      headers: { authorization: `Bearer ${device.token}` },
    });
    expect(events.status).toBe(200);
    const exited = new Promise<number | null>((resolve) =>
      child?.once("exit", (code) => resolve(code)),
    );
    child?.kill("SIGTERM");
    expect(await exited).toBe(0);
    await events.body?.cancel().catch(() => undefined);
  });
});
