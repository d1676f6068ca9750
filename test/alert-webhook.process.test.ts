// End to end (issue 19): TWO real server processes on one PostgreSQL schema,
// both running the job runner and the alert schedule. A kiosk — the real
// client sync engine — captures five very-unhappy answers and syncs them
// through instance A; a local HTTP receiver gets exactly ONE webhook for the
// alert, signed (verified here with node:crypto), whichever instance
// dispatched and delivered it; more unhappy answers while the alert is open
// send nothing more.
import { createTestSchema, postgresTestTarget, type TestSchema } from "@sightline/server/testing";
import { type SyncPath, type TransportResponse, uuidv7 } from "@sightline/shared";
import { afterAll, describe, expect, it } from "vitest";
import {
  type Receiver,
  signedWith,
  startReceiver,
  waitFor,
} from "../server/test/support/webhook-receiver.ts";
import { createFaultyNetwork, NO_FAULTS } from "./support/faulty-network.ts";
import { createRng } from "./support/prng.ts";
import {
  adminSession,
  apiClient,
  type ServerProcess,
  startServerProcess,
} from "./support/server-process.ts";
import { createSimClient } from "./support/sim-client.ts";

const target = await postgresTestTarget();
const SECRET = "e2e-webhook-secret-0123456789";
const STORE = {
  name: "Quận 1",
  timeZone: "Asia/Ho_Chi_Minh",
  zones: ["Cửa vào"],
  behaviours: [],
  feedbackQuestion: { vi: "Bạn hài lòng không?", en: "Are you happy?" },
  reasons: [],
};

let schema: TestSchema | null = null;
let servers: ServerProcess[] = [];
let receiver: Receiver | null = null;
afterAll(async () => {
  await Promise.all(servers.map((s) => s.dispose()));
  await receiver?.stop();
  await schema?.drop();
});

describe.skipIf(!target.ok)("alert → webhook across two instances", () => {
  it("five very-unhappy kiosk answers synced through A → the receiver gets one signed webhook", {
    timeout: 120_000,
  }, async () => {
    if (!target.ok) return;
    schema = await createTestSchema(target.url, "sightline_alert_hook");
    receiver = await startReceiver();
    const env = {
      DATABASE_URL: schema.url,
      SIGHTLINE_WEBHOOK_RETRY_BASE_MS: "200",
      SIGHTLINE_WEBHOOK_ALLOW_PRIVATE: "1",
    };
    // One at a time: the first creates the workspace and admin.
    const a = await startServerProcess({ env });
    const b = await startServerProcess({ env });
    servers = [a, b];

    const admin = await adminSession(b.base);
    const store = await admin.api<{ id: string }>("POST", "/v1/stores", STORE);
    await admin.api("POST", "/v1/webhooks", { url: receiver.url, secret: SECRET, language: "en" });
    await admin.api("POST", "/v1/alert-rules", {
      kind: "feedback-negative-share",
      storeId: store.id,
      deliver: ["app", "webhook"],
    });

    const deviceId = uuidv7();
    const paired = await admin.pair("staff", deviceId, store.id);
    const handler = async (
      path: SyncPath,
      body: unknown,
      token: string,
    ): Promise<TransportResponse> => {
      const res = await fetch(a.base + path, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    };
    const kiosk = await createSimClient({
      name: "kiosk",
      deviceId,
      workspaceId: paired.device.workspaceId,
      token: paired.token,
      transport: createFaultyNetwork(handler, createRng(19), NO_FAULTS).transportFor(
        () => paired.token,
      ),
      storage: "memory",
    });
    const answer = () =>
      kiosk.engine.write({
        op: "obs.create",
        id: uuidv7(),
        fields: {
          channel: "feedback",
          method: "feedback",
          storeId: store.id,
          rating: 1,
          capturedAt: new Date().toISOString(),
          what: "1",
        },
      });
    for (let i = 0; i < 5; i++) await answer();
    await kiosk.engine.sync();
    // Everything the kiosk wrote reached the server.
    expect((await kiosk.storage.stats()).unsynced).toBe(0);

    const got = await waitFor("the webhook", () => receiver?.received[0], 30_000);
    expect(signedWith(SECRET, got)).toBe(true);
    const payload = JSON.parse(got.body);
    expect(payload).toMatchObject({
      type: "alert.fired",
      alert: { kind: "feedback-negative-share", storeId: store.id, status: "open" },
    });
    expect(payload.text).toBe(payload.alert.text.en);

    // Still open: two more unhappy answers update the alert, no new webhook.
    await answer();
    await answer();
    await kiosk.engine.sync();
    await new Promise((r) => setTimeout(r, 5_000));
    expect(receiver.received).toHaveLength(1);
    const alerts = await apiClient(a.base, admin.token)<{ items: { id: string }[] }>(
      "GET",
      "/v1/alerts",
    );
    expect(alerts.items.map((x) => x.id)).toEqual([payload.alert.id]);
  });
});
