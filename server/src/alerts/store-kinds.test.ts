// The store kinds other than the negative share, through the real app: a
// kiosk's pushed taps trip `happy-index-below` and its pushed observations
// trip `behaviour-count-above`, each only past its threshold; and a kiosk
// sees only its own store's alerts on its staff view.
import type { Mutation } from "@sightline/shared";
import { afterEach, describe, expect, it } from "vitest";
import { postAlertRule, pushUnhappy } from "../../test/support/alert-setup.ts";
import { feedbackAnswer, nextHlc, storeObservation } from "../../test/support/mutations.ts";
import {
  createTestApp,
  TEST_STORE,
  type TestApp,
  type TestDevice,
} from "../../test/support/test-app.ts";

let t: TestApp;
afterEach(() => t?.close());

let clock = Date.parse("2026-03-10T09:00:00.000Z");
const now = () => new Date(clock);

const tap = (seq: number, d: TestDevice, rating: number) =>
  feedbackAnswer(seq, d, rating, { at: clock });

const left = (seq: number, d: TestDevice): Mutation => ({
  ...storeObservation(seq, d, {
    behaviour: "left-without-buying",
    what: "Khách rời đi không mua",
    capturedAt: new Date(clock).toISOString(),
  }),
  hlc: nextHlc(d.deviceId, clock),
});

async function openAlerts(token = t.admin.token) {
  const res = await t.request("/v1/alerts?status=open", { token });
  expect(res.status).toBe(200);
  return (await res.json()).items;
}

async function rule(json: Record<string, unknown>) {
  const res = await postAlertRule(t, json);
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}

const settle = () => t.deps.alerts?.idle();

describe("store alert kinds through the push", () => {
  it("happy-index-below: trips when the happy index of at least minCount taps falls below the threshold", async () => {
    t = await createTestApp({ now });
    const r = await rule({ kind: "happy-index-below", minCount: 4, threshold: 60 });
    expect(r).toMatchObject({ windowMinutes: 15, minCount: 4, threshold: 60 });
    const kiosk = await t.pair("staff");

    // 2 happy of 3: below minCount, nothing.
    await t.push(kiosk, [tap(1, kiosk, 4), tap(2, kiosk, 3), tap(3, kiosk, 1)]);
    await settle();
    expect(await openAlerts()).toEqual([]);
    // 3 happy of 5 = 60 %: at the threshold, not below it.
    await t.push(kiosk, [tap(4, kiosk, 4), tap(5, kiosk, 2)]);
    await settle();
    expect(await openAlerts()).toEqual([]);
    // 3 of 6 = 50 %: below.
    await t.push(kiosk, [tap(6, kiosk, 1)]);
    await settle();
    const [alert] = await openAlerts();
    expect(alert).toMatchObject({
      kind: "happy-index-below",
      ruleId: r.id,
      storeId: t.storeId,
      firings: 1,
      figures: { count: 6, negative: 3, happyIndex: 50, threshold: 60, minCount: 4 },
    });
    expect(alert.observationIds).toHaveLength(3); // the unhappy taps
    expect(alert.text.en).toBe(
      "Sightline Quận 1: happy index 50 over 6 answers in 15 min (below 60)",
    );
    expect(alert.text.vi).toBe(
      "Sightline Quận 1: chỉ số hài lòng 50 trên 6 phản hồi trong 15 phút (ngưỡng 60)",
    );
  });

  it("behaviour-count-above: trips on more than `threshold` observations of the behaviour in the window", async () => {
    t = await createTestApp({ now });
    const r = await rule({
      kind: "behaviour-count-above",
      behaviour: "left-without-buying",
      threshold: 2,
      windowMinutes: 30,
    });
    const kiosk = await t.pair("staff");
    // Another behaviour and two leavers: at the threshold, nothing.
    await t.push(kiosk, [
      { ...storeObservation(1, kiosk, { capturedAt: new Date(clock).toISOString() }) },
      left(2, kiosk),
      left(3, kiosk),
    ]);
    await settle();
    expect(await openAlerts()).toEqual([]);
    // A third leaver 20 minutes later, still in the 30-minute window.
    clock += 20 * 60_000;
    await t.push(kiosk, [left(4, kiosk)]);
    await settle();
    const [alert] = await openAlerts();
    expect(alert).toMatchObject({
      kind: "behaviour-count-above",
      ruleId: r.id,
      storeId: t.storeId,
      figures: { count: 3, behaviour: "left-without-buying", threshold: 2, windowMinutes: 30 },
    });
    expect(alert.observationIds).toHaveLength(3);
    // Its words name the behaviour as people read it, never its code.
    expect(JSON.stringify(alert.text)).toContain("Rời đi không mua");
    expect(JSON.stringify(alert.text)).toContain("Left without buying");
    expect(JSON.stringify(alert.text)).not.toContain("left-without-buying");
    // 15 minutes on, the first two have left the window: the tick clears it.
    clock += 15 * 60_000;
    expect(await t.deps.alerts?.tick()).toMatchObject({ opened: 0, cleared: 1 });
  });

  it("a kiosk sees its own store's alerts only: a kiosk of store B gets [] for store A's alert", async () => {
    t = await createTestApp({ now });
    const storeB = await (
      await t.request("/v1/stores", {
        method: "POST",
        token: t.admin.token,
        json: { ...TEST_STORE, name: "Sightline Quận 3" },
      })
    ).json();
    await rule({ kind: "feedback-negative-share" }); // every store
    const kioskA = await t.pair("staff");
    const kioskB = await t.pair("staff", { storeId: storeB.id });
    expect(kioskB.storeId).toBe(storeB.id);
    await pushUnhappy(t, kioskA, [1, 2, 3, 4, 5], clock);
    await settle();
    const [alert] = await openAlerts();
    expect(alert).toMatchObject({ storeId: t.storeId });

    const view = async (d: TestDevice) => {
      const res = await t.request("/v1/devices/me/alerts", { token: d.token });
      expect(res.status).toBe(200);
      return (await res.json()).items;
    };
    expect((await view(kioskA)).map((a: { id: string }) => a.id)).toEqual([alert.id]);
    expect(await view(kioskB)).toEqual([]);
  });
});
