// Webhooks through the real app and the real job runner, with a real local
// HTTP receiver: subscribe (http(s) only, the secret never read back), a
// signed test, the alert path (five very-unhappy kiosk answers → one signed
// `alert.fired`, its id the firing's, nothing more while the alert stays
// open), and a receiver down for a while → the delivery is retried with
// backoff and arrives once when it is back; the log shows each attempt.
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { postAlertRule, pushUnhappy, subscribeWebhook } from "../../test/support/alert-setup.ts";
import { createTestApp, type TestApp } from "../../test/support/test-app.ts";
import { type Receiver, startReceiver, waitFor } from "../../test/support/webhook-receiver.ts";
import { createNotificationRunner } from "../jobs/notifications.ts";
import type { JobRunner } from "../jobs/runner.ts";
import { verifySignature } from "./signature.ts";

const SECRET = "a-long-enough-secret-1234";
let t: TestApp;
let receiver: Receiver | null = null;
let runner: JobRunner | null = null;
afterEach(async () => {
  await runner?.stop(1000);
  runner = null;
  await receiver?.stop();
  receiver = null;
  await t?.close();
});

function startRunner() {
  runner = createNotificationRunner({
    db: t.deps.db,
    logger: pino({ level: "silent" }),
    mailer: null,
    defaultLocale: "vi",
    // The receiver listens on 127.0.0.1: private targets allowed explicitly.
    webhookAllowPrivate: true,
    pollMs: 20,
    dispatchEveryMs: 20,
    webhookBackoff: { baseMs: 100, maxMs: 300 },
  });
  runner.start();
  return runner;
}

describe("webhooks", () => {
  it("by default refuses loopback and private receivers at creation and at send time", async () => {
    t = await createTestApp(); // no webhookAllowPrivate: the server's default
    receiver = await startReceiver();
    const manager = await t.loginAs("manager");
    for (const url of [
      receiver.url, // http://127.0.0.1:<port>/hook
      `http://localhost:${receiver.port}/hook`, // a name that resolves to 127.0.0.1
      "http://10.0.0.5/hook",
      "http://[::1]/hook",
      "http://169.254.169.254/latest/meta-data/",
    ]) {
      const r = await t.request("/v1/webhooks", {
        method: "POST",
        token: manager.token,
        json: { url, secret: SECRET },
      });
      expect(r.status, url).toBe(400);
      expect((await r.json()).type, url).toBe("urn:sightline:problem:webhook-address");
    }
    // One stored while private targets were allowed, sent by a server that no longer allows them.
    const hook = await t.deps.db.createWebhook(
      {
        id: crypto.randomUUID(),
        workspaceId: t.workspaceId,
        url: receiver.url,
        secret: SECRET,
        events: [],
        language: "en",
        createdBy: manager.userId,
      },
      new Date().toISOString(),
    );
    const tested = await t.request(`/v1/webhooks/${hook.id}/test`, {
      method: "POST",
      token: manager.token,
    });
    expect(await tested.json()).toMatchObject({
      status: "failed",
      lastStatusCode: null,
      lastError: "refused: loopback address 127.0.0.1",
    });
    expect(receiver.received).toHaveLength(0);
  });

  it("managers subscribe http(s) URLs; the secret is never listed; a test is signed and logged", async () => {
    t = await createTestApp({ webhookAllowPrivate: true });
    receiver = await startReceiver();
    const manager = await t.loginAs("manager");
    for (const url of [
      "ftp://example.com/x",
      "javascript:alert(1)",
      "file:///etc/passwd",
      "http://u:p@example.com/",
    ]) {
      const r = await t.request("/v1/webhooks", {
        method: "POST",
        token: manager.token,
        json: { url, secret: SECRET },
      });
      expect(r.status, url).toBe(400);
    }
    const short = await t.request("/v1/webhooks", {
      method: "POST",
      token: manager.token,
      json: { url: receiver.url, secret: "short" },
    });
    expect(short.status).toBe(400);
    const made = await t.request("/v1/webhooks", {
      method: "POST",
      token: manager.token,
      json: { url: receiver.url, secret: SECRET, language: "en" },
    });
    expect(made.status).toBe(201);
    const { id } = await made.json();
    const listed = await (await t.request("/v1/webhooks", { token: manager.token })).text();
    expect(listed).toContain(receiver.url);
    expect(listed).not.toContain(SECRET);
    for (const role of ["marketer", "viewer", "staff"] as const) {
      const who = await t.loginAs(role);
      expect((await t.request("/v1/webhooks", { token: who.token })).status).toBe(403);
    }

    const tested = await t.request(`/v1/webhooks/${id}/test`, {
      method: "POST",
      token: manager.token,
    });
    expect(tested.status).toBe(200);
    expect(await tested.json()).toMatchObject({
      status: "delivered",
      lastStatusCode: 200,
      attempts: 1,
    });
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0];
    if (!got) throw new Error("nothing received");
    expect(verifySignature(SECRET, got.body, got.headers["sightline-signature"] as string)).toBe(
      true,
    );
    expect(
      verifySignature(
        "another-secret-entirely",
        got.body,
        got.headers["sightline-signature"] as string,
      ),
    ).toBe(false);
    expect(JSON.parse(got.body)).toMatchObject({
      type: "webhook.test",
      text: expect.stringContaining("webhook works"),
    });

    const log = await (
      await t.request(`/v1/webhooks/${id}/deliveries`, { token: manager.token })
    ).json();
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({
      type: "webhook.test",
      status: "delivered",
      lastStatusCode: 200,
    });
    expect(JSON.stringify(log)).not.toContain(SECRET);

    const other = await t.otherWorkspace();
    expect(
      (await t.request(`/v1/webhooks/${id}`, { method: "DELETE", token: other.adminToken })).status,
    ).toBe(404);
    expect(
      (await t.request(`/v1/webhooks/${id}`, { method: "DELETE", token: manager.token })).status,
    ).toBe(204);
    expect(
      (await t.request(`/v1/webhooks/${id}/deliveries`, { token: manager.token })).status,
    ).toBe(404);
  });

  it("five very-unhappy kiosk answers → one signed alert.fired; repeats while open send nothing more", async () => {
    t = await createTestApp({ webhookAllowPrivate: true });
    receiver = await startReceiver();
    const manager = await t.loginAs("manager");
    await subscribeWebhook(t, manager.token, receiver.url, SECRET);
    await postAlertRule(
      t,
      { kind: "feedback-negative-share", deliver: ["app", "webhook"] },
      manager.token,
    );
    startRunner();
    const kiosk = await t.pair("staff");
    const first = await pushUnhappy(t, kiosk, [1, 2, 3, 4, 5]);
    expect(first.status).toBe(200);
    await t.deps.alerts?.idle();
    const got = await waitFor("the webhook", () => receiver?.received[0]);
    expect(verifySignature(SECRET, got.body, got.headers["sightline-signature"] as string)).toBe(
      true,
    );
    const payload = JSON.parse(got.body);
    const [alert] = (await (await t.request("/v1/alerts", { token: manager.token })).json()).items;
    expect(payload).toMatchObject({
      type: "alert.fired",
      alert: { id: alert.id, kind: "feedback-negative-share" },
    });
    expect(payload.text).toBe(alert.text.vi);
    expect(got.headers["sightline-id"]).toBe(payload.id);
    // The same alert trips again (still open): no new firing, no new webhook.
    await pushUnhappy(t, kiosk, [6, 7]);
    await t.deps.alerts?.idle();
    await new Promise((r) => setTimeout(r, 300));
    await runner?.idle();
    expect(receiver.received).toHaveLength(1);
  });

  it("a receiver down for a while gets the alert once when it is back; the log shows the failed attempts", async () => {
    t = await createTestApp({ webhookAllowPrivate: true });
    receiver = await startReceiver();
    const manager = await t.loginAs("manager");
    const { id } = await subscribeWebhook(t, manager.token, receiver.url, SECRET);
    await postAlertRule(
      t,
      { kind: "feedback-negative-share", deliver: ["webhook"] },
      manager.token,
    );
    await receiver.stop(); // down
    startRunner();
    const kiosk = await t.pair("staff");
    await pushUnhappy(t, kiosk, [1, 2, 3, 4, 5]);
    await t.deps.alerts?.idle();
    const failing = await waitFor("two failed attempts", async () => {
      const log = await (
        await t.request(`/v1/webhooks/${id}/deliveries`, { token: manager.token })
      ).json();
      const d = log.items[0];
      return d && d.attempts >= 2 ? d : undefined;
    });
    expect(failing).toMatchObject({ status: "pending", lastStatusCode: null, type: "alert.fired" });
    expect(failing.lastError).toMatch(/network error/);
    expect(failing.nextAttemptAt).not.toBeNull();
    await receiver.start(); // back on the same port
    const delivered = await waitFor("the delivery", async () => {
      const log = await (
        await t.request(`/v1/webhooks/${id}/deliveries`, { token: manager.token })
      ).json();
      return log.items[0]?.status === "delivered" ? log.items[0] : undefined;
    });
    expect(delivered).toMatchObject({ lastStatusCode: 200, lastError: null, nextAttemptAt: null });
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.received).toHaveLength(1);
    const body = receiver.received[0]?.body ?? "";
    expect(
      verifySignature(SECRET, body, receiver.received[0]?.headers["sightline-signature"] as string),
    ).toBe(true);
  });
});
