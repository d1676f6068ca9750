// Contract: webhook subscriptions (secret kept, per workspace), the delivery
// log, notification preferences, and recordDeliveries — deliveries and their
// jobs written with the alert outbox claim in one transaction: a firing
// already dispatched writes nothing, a second delivery for the same webhook
// and event is skipped.
import { uuidv7 } from "@sightline/shared";
import { describe, expect, it } from "vitest";
import type { Db } from "../../src/db/port.ts";
import type { DbFactory } from "./fixture.ts";
import { useDb } from "./use-db.ts";

const NOW = "2026-03-10T08:00:00.000Z";
const NOW_MS = Date.parse(NOW);

async function setup(db: Db) {
  const ws = await db.createWorkspace("A");
  const user = await db.createUser({
    workspaceId: ws.id,
    email: `m-${uuidv7()}@example.com`,
    name: null,
    role: "manager",
    passwordHash: "x",
  });
  const hook = await db.createWebhook(
    {
      id: uuidv7(),
      workspaceId: ws.id,
      url: "https://example.com/hook",
      secret: "s3cret-s3cret",
      events: ["alert.fired"],
      language: "en",
      createdBy: user.id,
    },
    NOW,
  );
  return { ws: ws.id, user, hook };
}

async function openFiring(db: Db, ws: string) {
  const rule = await db.createAlertRule(
    ws,
    {
      kind: "feedback-negative-share",
      name: null,
      storeId: "s1",
      competitorId: null,
      windowMinutes: 15,
      minCount: 4,
      threshold: 50,
      behaviour: null,
      hours: 4,
      deliver: ["app", "webhook"],
      enabled: true,
      createdBy: "u1",
    },
    NOW,
  );
  await db.recordAlertTrip(ws, {
    ruleId: rule.id,
    kind: "feedback-negative-share",
    key: "s1",
    storeId: "s1",
    competitorId: null,
    deviceId: null,
    figures: { count: 5, negative: 5 },
    observationIds: [],
    text: { vi: "5/5 tiêu cực", en: "5/5 negative" },
    deliver: ["app", "webhook"],
    now: NOW,
  });
  const [firing] = await db.claimAlertFirings(10, NOW, 60_000);
  if (!firing) throw new Error("no firing");
  return firing;
}

export function webhooksContract(make: DbFactory) {
  describe("webhooks", () => {
    const db = useDb(make);

    it("keeps a subscription with its secret, per workspace, and deletes it with its log", async () => {
      const { ws, hook } = await setup(db());
      const other = await db().createWorkspace("B");
      expect(hook).toMatchObject({
        url: "https://example.com/hook",
        secret: "s3cret-s3cret",
        events: ["alert.fired"],
        language: "en",
      });
      expect(await db().listWebhooks(ws)).toEqual([hook]);
      expect(await db().listWebhooks(other.id)).toEqual([]);
      expect(await db().getWebhook(other.id, hook.id)).toBeNull();
      const d = uuidv7();
      await db().recordDeliveries(ws, {
        deliveries: [
          { id: d, webhookId: hook.id, eventId: "e1", type: "webhook.test", body: "{}" },
        ],
        jobs: [],
        now: NOW,
        nowMs: NOW_MS,
      });
      expect(await db().getDelivery(ws, d)).toMatchObject({
        status: "pending",
        attempts: 0,
        body: "{}",
      });
      expect(await db().deleteWebhook(other.id, hook.id)).toBe(false);
      expect(await db().deleteWebhook(ws, hook.id)).toBe(true);
      expect(await db().getWebhook(ws, hook.id)).toBeNull();
      expect(await db().getDelivery(ws, d)).toBeNull();
    });

    it("records a firing's deliveries and jobs once, with the outbox claim, in one go", async () => {
      const { ws, hook } = await setup(db());
      const firing = await openFiring(db(), ws);
      const plan = () => ({
        deliveries: [
          {
            id: uuidv7(),
            webhookId: hook.id,
            eventId: firing.id,
            type: "alert.fired",
            body: `{"id":"${firing.id}"}`,
          },
        ],
        jobs: [
          {
            kind: "webhook.deliver",
            payload: { n: 1 },
            runAtMs: NOW_MS,
            dedupeKey: `webhook:${hook.id}:${firing.id}`,
          },
        ],
        markDispatched: { firingId: firing.id },
        now: NOW,
        nowMs: NOW_MS,
      });
      expect(await db().recordDeliveries(ws, plan())).toBe(true);
      // A second dispatcher (a lapsed lease) finds it dispatched: nothing more.
      expect(await db().recordDeliveries(ws, plan())).toBe(false);
      const log = await db().listDeliveries(ws, hook.id, 10);
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ eventId: firing.id, status: "pending" });
      const jobs = await db().claimJobs({ workerId: "w", nowMs: NOW_MS, leaseMs: 1000, limit: 10 });
      expect(jobs.map((j) => j.kind)).toEqual(["webhook.deliver"]);
      // The outbox has nothing left to claim, even after the lease.
      expect(await db().claimAlertFirings(10, "2026-03-10T09:00:00.000Z", 60_000)).toEqual([]);
    });

    it("records attempts and keeps notification preferences", async () => {
      const { ws, hook, user } = await setup(db());
      const d = uuidv7();
      await db().recordDeliveries(ws, {
        deliveries: [{ id: d, webhookId: hook.id, eventId: "e2", type: "alert.fired", body: "{}" }],
        jobs: [],
        now: NOW,
        nowMs: NOW_MS,
      });
      await db().updateDelivery(ws, d, {
        status: "pending",
        attempts: 1,
        lastStatusCode: 503,
        lastError: "HTTP 503",
        nextAttemptAt: "2026-03-10T08:00:10.000Z",
        deliveredAt: null,
      });
      expect(await db().getDelivery(ws, d)).toMatchObject({
        attempts: 1,
        lastStatusCode: 503,
        nextAttemptAt: "2026-03-10T08:00:10.000Z",
      });
      expect(await db().getNotificationPrefs(ws, user.id)).toEqual({
        language: null,
        weeklyDigest: true,
      });
      expect(await db().setNotificationPrefs(ws, user.id, { language: "en" })).toEqual({
        language: "en",
        weeklyDigest: true,
      });
      await db().setNotificationPrefs(ws, user.id, { weeklyDigest: false });
      expect(await db().getNotificationPrefs(ws, user.id)).toEqual({
        language: "en",
        weeklyDigest: false,
      });
    });
  });
}
