// SIGTERM drains the real server process: it stops accepting, the pushes
// already in flight finish with their 200 (and stay durable), an open SSE
// stream ends with `event: bye` and a short retry hint, and the process exits
// 0 well within 10 s. A request that still arrives on a kept-alive
// connection, or queued in the listen backlog while a push held the event
// loop, is answered 503 + Retry-After — no client sees a reset connection.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { webObservation } from "@sightline/server/testing";
import type { Mutation } from "@sightline/shared";
import { afterAll, describe, expect, it } from "vitest";
import { ADMIN, adminSession, freePort, ROOT } from "./support/server-process.ts";

const dataDir = mkdtempSync(join(tmpdir(), "sightline-drain-"));
let child: ChildProcess | null = null;
afterAll(() => {
  child?.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(port: number): Promise<{ base: string; exited: Promise<number | null> }> {
  const c = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: "",
      PORT: String(port),
      HOST: "127.0.0.1",
      SIGHTLINE_DATA: dataDir,
      SIGHTLINE_ADMIN_EMAIL: ADMIN.email,
      SIGHTLINE_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  child = c;
  const exited = new Promise<number | null>((r) => c.once("exit", (code) => r(code)));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return { base, exited };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not start");
}

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, needle: string) {
  const decoder = new TextDecoder();
  let text = "";
  while (!text.includes(needle)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

describe("graceful shutdown (SIGTERM)", () => {
  it("finishes in-flight pushes, says bye to SSE streams, and exits 0 within 10 s", {
    timeout: 90_000,
  }, async () => {
    const port = await freePort();
    let { base, exited } = await start(port);
    const admin = await adminSession(base);
    // Paired one after the other, so the pushes below open fresh connections
    // (concurrent requests would leave kept-alive ones in fetch's pool).
    const devices: { deviceId: string; token: string; workspaceId: string }[] = [];
    for (let i = 0; i < 8; i++) {
      const deviceId = crypto.randomUUID();
      const paired = await admin.pair("marketer", deviceId);
      devices.push({ deviceId, token: paired.token, workspaceId: paired.device.workspaceId });
    }

    const events = await fetch(`${base}/v1/sync/events`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const reader = events.body?.getReader() as ReadableStreamDefaultReader<Uint8Array>;
    await readUntil(reader, ": connected");

    // Eight devices push 450 observations each at once (big batches: each holds the
    // event loop a while, so later connections queue in the listen backlog).
    const push = (d: (typeof devices)[number], mutations: Mutation[]) =>
      fetch(`${base}/v1/sync/push`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${d.token}` },
        body: JSON.stringify({
          protocol: 1,
          deviceId: d.deviceId,
          clientSchema: 1,
          appVersion: "drain-test",
          mutations,
        }),
      }).then(async (r) => ({
        status: r.status,
        retryAfter: r.headers.get("retry-after"),
        body: (await r.json()) as { lastSeq?: number },
        at: Date.now(),
      }));
    const inFlight = devices.map((d) =>
      push(
        d,
        Array.from({ length: 450 }, (_, i) => webObservation(i + 1, d, { note: `#${i + 1}` })),
      ),
    );
    await new Promise((r) => setTimeout(r, 40));
    const sentAt = Date.now();
    child?.kill("SIGTERM");
    // A browser reconnecting its live updates during the drain gets a 200
    // stream with a retry hint: EventSource gives up for good on a 503.
    await new Promise((r) => setTimeout(r, 20));
    const reconnect = fetch(`${base}/v1/sync/events`, {
      headers: { authorization: `Bearer ${admin.token}` },
    }).then(async (r) => ({
      status: r.status,
      type: r.headers.get("content-type"),
      text: await r.text(),
    }));

    const answers = await Promise.all(inFlight);
    const sse = await readUntil(reader, "retry: 1000");
    const code = await exited;
    const tookMs = Date.now() - sentAt;

    expect(code).toBe(0);
    expect(tookMs).toBeLessThan(10_000);
    expect(sse).toContain('event: bye\ndata: {"reason":"shutdown"}\nretry: 1000');
    expect(await reconnect).toEqual({
      status: 200,
      type: "text/event-stream",
      text: "retry: 1000\n: shutting down\n\n",
    });
    // Every push got an answer: applied (200), or sent away to retry (503).
    for (const a of answers) {
      expect([200, 503]).toContain(a.status);
      if (a.status === 503) expect(a.retryAfter).toBe("1");
    }
    const applied = answers.filter((a) => a.status === 200);
    expect(applied.length).toBeGreaterThan(0);
    // Some of them were still being worked on when SIGTERM arrived.
    expect(applied.some((a) => a.at >= sentAt)).toBe(true);

    // Restarted: what was acknowledged is there (each device's lastSeq and rows).
    ({ base, exited } = await start(port));
    for (const [i, a] of answers.entries()) {
      const d = devices[i] as (typeof devices)[number];
      const pulled = (await (
        await fetch(`${base}/v1/sync/pull`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${d.token}` },
          body: JSON.stringify({
            protocol: 1,
            deviceId: d.deviceId,
            clientSchema: 1,
            cookie: null,
            limit: 5000,
          }),
        })
      ).json()) as { lastSeq: number; changes: unknown[] };
      expect(pulled.lastSeq).toBe(a.status === 200 ? a.body.lastSeq : 0);
      // The extensions share an owner, so each pulls every applied row.
      expect(pulled.changes.length).toBe(applied.length * 450);
    }
    child?.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
