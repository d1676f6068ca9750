// Contract: alert rules, alerts and the alert outbox (docs/alerts.md) — one
// open alert per rule and key, repeats while open update it, acknowledging
// stops repeats until the condition clears and trips anew, each opening puts
// exactly one firing in the outbox, claims are leases.
import { describe, expect, it } from "vitest";
import type { AlertTrip, Db, NewAlertRule } from "../../src/db/port.ts";
import type { DbFactory } from "./fixture.ts";
import { useDb } from "./use-db.ts";

const rule = (o: Partial<NewAlertRule> = {}): NewAlertRule => ({
  kind: "feedback-negative-share",
  name: null,
  storeId: "store-1",
  competitorId: null,
  windowMinutes: 15,
  minCount: 4,
  threshold: 50,
  behaviour: null,
  hours: 4,
  deliver: ["app", "webhook"],
  enabled: true,
  createdBy: "u1",
  ...o,
});

const trip = (ruleId: string, now: string, o: Partial<AlertTrip> = {}): AlertTrip => ({
  ruleId,
  kind: "feedback-negative-share",
  key: "store-1",
  storeId: "store-1",
  competitorId: null,
  deviceId: null,
  figures: { count: 5, negative: 5, share: 100, windowMinutes: 15 },
  observationIds: ["o1", "o2"],
  text: { vi: "5/5 tiêu cực", en: "5/5 negative" },
  deliver: ["app", "webhook"],
  now,
  ...o,
});

const T = (m: number) => new Date(Date.UTC(2026, 2, 10, 8, m)).toISOString();

async function setup(db: Db) {
  const ws = await db.createWorkspace("A");
  const r = await db.createAlertRule(ws.id, rule(), T(0));
  return { ws: ws.id, r };
}

export function alertsContract(make: DbFactory) {
  describe("alerts", () => {
    const db = useDb(make);

    it("keeps a rule as written, changes and deletes it, per workspace", async () => {
      const { ws, r } = await setup(db());
      const other = await db().createWorkspace("B");
      expect(r).toMatchObject({
        workspaceId: ws,
        kind: "feedback-negative-share",
        storeId: "store-1",
        minCount: 4,
        threshold: 50,
        deliver: ["app", "webhook"],
        enabled: true,
        createdAt: T(0),
      });
      expect(await db().getAlertRule(other.id, r.id)).toBeNull();
      const u = await db().updateAlertRule(
        ws,
        r.id,
        { threshold: 62.5, enabled: false, deliver: ["email"] },
        T(1),
      );
      expect(u).toMatchObject({
        threshold: 62.5,
        enabled: false,
        deliver: ["email"],
        updatedAt: T(1),
        createdAt: T(0),
      });
      expect(await db().listEnabledAlertRules()).toEqual([]);
      expect(await db().updateAlertRule(other.id, r.id, { threshold: 1 }, T(1))).toBeNull();
      expect(await db().deleteAlertRule(other.id, r.id, T(2))).toBe(false);
      expect(await db().deleteAlertRule(ws, r.id, T(2))).toBe(true);
      expect(await db().deleteAlertRule(ws, r.id, T(2))).toBe(false);
      expect(await db().listAlertRules(ws)).toEqual([]);
    });

    it("opens one alert per rule and key; a repeat while open updates it and adds no firing", async () => {
      const { ws, r } = await setup(db());
      const first = await db().recordAlertTrip(ws, trip(r.id, T(1)));
      expect(first.kind).toBe("opened");
      const again = await db().recordAlertTrip(
        ws,
        trip(r.id, T(2), {
          figures: { count: 6, negative: 6, share: 100 },
          observationIds: ["o2", "o3"],
        }),
      );
      expect(again).toMatchObject({
        kind: "updated",
        alert: {
          id: first.alert.id,
          firings: 2,
          lastFiredAt: T(2),
          openedAt: T(1),
          figures: { count: 6 },
          observationIds: ["o1", "o2", "o3"],
        },
      });
      const otherKey = await db().recordAlertTrip(
        ws,
        trip(r.id, T(2), { key: "store-2", storeId: "store-2" }),
      );
      expect(otherKey.kind).toBe("opened");
      expect(await db().countOpenAlerts(ws)).toBe(2);
      expect(await db().countOpenAlerts(ws, "store-2")).toBe(1);
      const claimed = await db().claimAlertFirings(10, T(3), 60_000);
      expect(claimed.map((f) => f.alertId)).toEqual([first.alert.id, otherKey.alert.id]);
      expect(claimed[0]).toMatchObject({
        workspaceId: ws,
        ruleId: r.id,
        deliver: ["app", "webhook"],
        firedAt: T(1),
        alert: { id: first.alert.id, status: "open" },
      });
    });

    it("acknowledging stops repeats until the condition clears and trips anew", async () => {
      const { ws, r } = await setup(db());
      const a = await db().recordAlertTrip(ws, trip(r.id, T(1)));
      const acked = await db().ackAlert(ws, a.alert.id, {
        by: "u1",
        note: "talked to the team",
        now: T(2),
      });
      expect(acked).toMatchObject({
        status: "acknowledged",
        ackedBy: "u1",
        ackNote: "talked to the team",
        ackedAt: T(2),
      });
      // Acknowledging twice keeps the first acknowledgement.
      expect(
        await db().ackAlert(ws, a.alert.id, { by: "u2", note: null, now: T(3) }),
      ).toMatchObject({ ackedBy: "u1" });
      expect((await db().recordAlertTrip(ws, trip(r.id, T(3)))).kind).toBe("quiet");
      expect((await db().recordAlertTrip(ws, trip(r.id, T(4)))).kind).toBe("quiet");
      expect(await db().countOpenAlerts(ws)).toBe(0);
      await db().clearAlertCondition(ws, r.id, "store-1", T(5));
      const anew = await db().recordAlertTrip(ws, trip(r.id, T(6)));
      expect(anew.kind).toBe("opened");
      expect(anew.alert.id).not.toBe(a.alert.id);
      expect(await db().listAlerts(ws, { status: "acknowledged", limit: 10 })).toHaveLength(1);
      expect((await db().listAlerts(ws, { status: "open", limit: 10 })).map((x) => x.id)).toEqual([
        anew.alert.id,
      ]);
      expect((await db().claimAlertFirings(10, T(7), 1000)).length).toBe(2);
    });

    it("closing a rule's open alerts acknowledges them by no one with the system note, in its workspace only", async () => {
      const { ws, r } = await setup(db());
      const open1 = await db().recordAlertTrip(ws, trip(r.id, T(1)));
      const open2 = await db().recordAlertTrip(
        ws,
        trip(r.id, T(1), { key: "store-2", storeId: "store-2" }),
      );
      const done = await db().recordAlertTrip(
        ws,
        trip(r.id, T(1), { key: "store-3", storeId: "store-3" }),
      );
      await db().ackAlert(ws, done.alert.id, { by: "u1", note: "seen", now: T(2) });
      const elsewhere = await db().createWorkspace("B");
      expect(
        await db().closeOpenAlertsOfRule(elsewhere.id, r.id, { note: "rule deleted", now: T(3) }),
      ).toBe(0);
      expect(await db().closeOpenAlertsOfRule(ws, r.id, { note: "rule deleted", now: T(3) })).toBe(
        2,
      );
      for (const a of [open1, open2])
        expect(await db().getAlert(ws, a.alert.id)).toMatchObject({
          status: "acknowledged",
          ackedBy: null,
          ackNote: "rule deleted",
          ackedAt: T(3),
        });
      // The one someone acknowledged keeps their acknowledgement.
      expect(await db().getAlert(ws, done.alert.id)).toMatchObject({
        ackedBy: "u1",
        ackNote: "seen",
      });
      expect(await db().countOpenAlerts(ws)).toBe(0);
      expect(await db().closeOpenAlertsOfRule(ws, r.id, { note: "rule disabled", now: T(4) })).toBe(
        0,
      );
    });

    it("a condition that cleared and tripped again while open still counts as ongoing at ack", async () => {
      const { ws, r } = await setup(db());
      const a = await db().recordAlertTrip(ws, trip(r.id, T(1)));
      await db().clearAlertCondition(ws, r.id, "store-1", T(2));
      await db().recordAlertTrip(ws, trip(r.id, T(3)));
      await db().ackAlert(ws, a.alert.id, { by: "u1", note: null, now: T(4) });
      expect((await db().recordAlertTrip(ws, trip(r.id, T(5)))).kind).toBe("quiet");
    });

    it("outbox claims are leases: not claimed twice while held, claimable again after, gone once dispatched", async () => {
      const { ws, r } = await setup(db());
      await db().recordAlertTrip(ws, trip(r.id, T(1)));
      const [f] = await db().claimAlertFirings(10, T(2), 60_000);
      expect(f).toBeDefined();
      expect(await db().claimAlertFirings(10, T(2), 60_000)).toEqual([]);
      const [again] = await db().claimAlertFirings(10, T(4), 60_000);
      expect(again?.id).toBe(f?.id);
      await db().markAlertFiringDispatched(f?.id as string, T(4));
      expect(await db().claimAlertFirings(10, T(9), 60_000)).toEqual([]);
    });

    it("lists alerts of one workspace only; ack of another workspace's alert is null", async () => {
      const { ws, r } = await setup(db());
      const other = await db().createWorkspace("B");
      const a = await db().recordAlertTrip(ws, trip(r.id, T(1)));
      expect(await db().listAlerts(other.id, { limit: 10 })).toEqual([]);
      expect(await db().getAlert(other.id, a.alert.id)).toBeNull();
      expect(
        await db().ackAlert(other.id, a.alert.id, { by: "x", note: null, now: T(2) }),
      ).toBeNull();
      expect((await db().getAlert(ws, a.alert.id))?.status).toBe("open");
    });

    it("a tick runs once at a time", async () => {
      let inner: unknown = "not run";
      const out = await db().tryExclusiveTick("t", async () => {
        inner = await db().tryExclusiveTick("t", async () => "second");
        return "first";
      });
      expect(out).toBe("first");
      expect(inner).toBeUndefined();
      expect(await db().tryExclusiveTick("t", async () => 3)).toBe(3);
    });

    it("a tick's period is claimed once: the caller that advances it, never again, never backwards", async () => {
      expect(await db().claimTickPeriod("alerts", 29_560_000)).toBe(true);
      expect(await db().claimTickPeriod("alerts", 29_560_000)).toBe(false);
      // An instance whose clock runs behind finds its minute taken already.
      expect(await db().claimTickPeriod("alerts", 29_559_999)).toBe(false);
      expect(await db().claimTickPeriod("other", 29_560_000)).toBe(true);
      const racing = await Promise.all(
        [1, 2, 3].map(() => db().claimTickPeriod("alerts", 29_560_001)),
      );
      expect(racing.filter(Boolean)).toHaveLength(1);
      // Minutes are epoch minutes (~2^25 now); periods past 2^31 work too.
      expect(await db().claimTickPeriod("alerts", 2 ** 40)).toBe(true);
      expect(await db().claimTickPeriod("alerts", 2 ** 40)).toBe(false);
    });
  });
}
