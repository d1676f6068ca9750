// Webhooks survive the server being killed: the real server process (SQLite
// in a temp folder) fires an alert while the receiver is down, logs failed
// attempts, is SIGKILLed, the receiver comes back, the server restarts —
// and the receiver gets the signed webhook exactly once (the jobs live in
// the database, not in memory).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { nextHlc } from "../../test/support/mutations.ts";
import { TEST_STORE } from "../../test/support/test-app.ts";
import { type Receiver, startReceiver, waitFor } from "../../test/support/webhook-receiver.ts";
import { verifySignature } from "./signature.ts";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const SECRET = "process-test-webhook-secret";
const dataDir = mkdtempSync(join(tmpdir(), "sightline-webhook-process-"));
let child: ChildProcess | null = null;
let receiver: Receiver | null = null;
afterAll(async () => {
  child?.kill("SIGKILL");
  await receiver?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<string> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      SIGHTLINE_DATA: dataDir,
      SIGHTLINE_ADMIN_PASSWORD: "process-test-pw",
      SIGHTLINE_WEBHOOK_RETRY_BASE_MS: "200",
      SIGHTLINE_WEBHOOK_ALLOW_PRIVATE: "1",
      SIGHTLINE_METRICS_TOKEN: "process-test-metrics-token",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  return waitFor(
    "the server",
    async () => {
      try {
        return (await fetch(`${base}/health`)).ok ? base : undefined;
      } catch {
        return undefined;
      }
    },
    30_000,
  );
}

function killHard(): Promise<void> {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

const call = async (base: string, path: string, o: { token?: string; json?: unknown } = {}) => {
  const res = await fetch(`${base}${path}`, {
    method: o.json === undefined ? "GET" : "POST",
    headers: {
      "content-type": "application/json",
      ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
    },
    ...(o.json === undefined ? {} : { body: JSON.stringify(o.json) }),
  });
  if (!res.ok) throw new Error(`${path} → ${res.status}: ${await res.text()}`);
  return res.json();
};

describe("webhooks across a SIGKILL", () => {
  it("an alert fired while the receiver is down arrives once after the server is killed and restarted", {
    timeout: 90_000,
  }, async () => {
    receiver = await startReceiver();
    await receiver.stop(); // down from the start
    let base = await start();
    const { token: admin } = await call(base, "/v1/auth/login", {
      json: { email: "admin@localhost", password: "process-test-pw" },
    });
    const store = await call(base, "/v1/stores", { token: admin, json: TEST_STORE });
    const hook = await call(base, "/v1/webhooks", {
      token: admin,
      json: { url: receiver.url, secret: SECRET },
    });
    await call(base, "/v1/alert-rules", {
      token: admin,
      json: { kind: "feedback-negative-share", storeId: store.id, deliver: ["webhook"] },
    });
    const { code } = await call(base, "/v1/pairing-codes", {
      token: admin,
      json: { role: "staff", storeId: store.id },
    });
    const deviceId = crypto.randomUUID();
    const paired = await call(base, "/v1/devices/pair", {
      json: { code, deviceId, kind: "kiosk" },
    });
    const mutations = [1, 2, 3, 4, 5].map((seq) => ({
      seq,
      op: "obs.create",
      id: crypto.randomUUID(),
      hlc: nextHlc(deviceId, Date.now()),
      fields: {
        channel: "feedback",
        method: "feedback",
        storeId: store.id,
        rating: 1,
        capturedAt: new Date().toISOString(),
        what: "1",
      },
    }));
    await call(base, "/v1/sync/push", {
      token: paired.token,
      json: { protocol: 1, deviceId, clientSchema: 1, appVersion: "process-test", mutations },
    });
    // The receiver is down: attempts fail and are logged with the next retry.
    const failing = await waitFor(
      "a failed attempt",
      async () => {
        const log = await call(base, `/v1/webhooks/${hook.id}/deliveries`, { token: admin });
        const d = log.items[0];
        return d && d.attempts >= 1 && d.status === "pending" && d.lastError ? d : undefined;
      },
      20_000,
    );
    expect(failing.nextAttemptAt).not.toBeNull();

    await killHard();
    await receiver.start(); // back, while the server is dead
    base = await start();
    const got = await waitFor("the webhook after the restart", () => receiver?.received[0], 30_000);
    expect(verifySignature(SECRET, got.body, got.headers["sightline-signature"] as string)).toBe(
      true,
    );
    expect(JSON.parse(got.body)).toMatchObject({
      type: "alert.fired",
      alert: { kind: "feedback-negative-share" },
    });
    const delivered = await waitFor("the log says delivered", async () => {
      const log = await call(base, `/v1/webhooks/${hook.id}/deliveries`, { token: admin });
      return log.items[0]?.status === "delivered" ? log.items : undefined;
    });
    expect(delivered).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(receiver.received).toHaveLength(1);
    // The restarted process counts the delivery it completed.
    const metrics = await (
      await fetch(`${base}/metrics`, {
        headers: { authorization: "Bearer process-test-metrics-token" },
      })
    ).text();
    expect(metrics).toMatch(/^sightline_jobs_completed [1-9]/m);
  });
});
