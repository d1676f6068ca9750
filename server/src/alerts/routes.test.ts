// Alerts through the real app: a manager writes a rule; a kiosk pushes
// very-unhappy answers; the alert opens once (repeats update it), shows on
// the manager's event stream and the kiosk's staff view, and acknowledging
// stops repeats until the condition clears and trips anew.
import { afterEach, describe, expect, it } from "vitest";
import { postAlertRule, pushUnhappy, watchedCompetitor } from "../../test/support/alert-setup.ts";
import { feedbackAnswer, nextHlc, webObservation } from "../../test/support/mutations.ts";
import { createTestApp, type TestApp, type TestDevice } from "../../test/support/test-app.ts";

let t: TestApp;
afterEach(() => t?.close());

/** The app's evaluator (createApp leaves it on deps); a missing one fails the test. */
const evaluator = () => {
  if (!t.deps.alerts) throw new Error("no alert evaluator on deps");
  return t.deps.alerts;
};

let clock = Date.parse("2026-03-10T09:00:00.000Z");
const now = () => new Date(clock);

const unhappy = (seq: number, d: TestDevice, rating = 1, extra = {}) =>
  feedbackAnswer(seq, d, rating, { at: clock, fields: extra });

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, needle: string) {
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + 5000;
  while (!text.includes(needle)) {
    if (Date.now() > deadline) throw new Error(`no ${needle} in ${text}`);
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  return text;
}

describe("alert rules and alerts", () => {
  it("managers write rules with the kind's defaults; others may not; a rule names what exists", async () => {
    t = await createTestApp({ now });
    const manager = await t.loginAs("manager");
    const made = await t.request("/v1/alert-rules", {
      method: "POST",
      token: manager.token,
      json: { kind: "feedback-negative-share", storeId: t.storeId, deliver: ["app", "webhook"] },
    });
    expect(made.status).toBe(201);
    const rule = await made.json();
    expect(rule).toMatchObject({
      kind: "feedback-negative-share",
      storeId: t.storeId,
      windowMinutes: 15,
      minCount: 4,
      threshold: 50,
      deliver: ["app", "webhook"],
      enabled: true,
      createdBy: manager.userId,
    });
    for (const role of ["viewer", "marketer", "staff"] as const) {
      const who = await t.loginAs(role);
      expect((await t.request("/v1/alert-rules", { token: who.token })).status).toBe(403);
      expect((await t.request("/v1/alerts", { token: who.token })).status).toBe(403);
    }
    const noBehaviour = await t.request("/v1/alert-rules", {
      method: "POST",
      token: manager.token,
      json: { kind: "behaviour-count-above" },
    });
    expect(noBehaviour.status).toBe(400);
    const noStore = await t.request("/v1/alert-rules", {
      method: "POST",
      token: manager.token,
      json: { kind: "device-silent", storeId: "nope" },
    });
    expect(noStore.status).toBe(400);
    const price = await (
      await t.request("/v1/alert-rules", {
        method: "POST",
        token: manager.token,
        json: { kind: "competitor-price-change" },
      })
    ).json();
    expect(price).toMatchObject({ windowMinutes: 1440, threshold: 5 });
    const patched = await t.request(`/v1/alert-rules/${rule.id}`, {
      method: "PATCH",
      token: manager.token,
      json: { threshold: 75, minCount: 6 },
    });
    expect(await patched.json()).toMatchObject({
      threshold: 75,
      minCount: 6,
      kind: "feedback-negative-share",
    });
    expect(
      (
        await t.request(`/v1/alert-rules/${rule.id}`, {
          method: "PATCH",
          token: manager.token,
          json: { kind: "device-silent" },
        })
      ).status,
    ).toBe(400);
    const other = await t.otherWorkspace();
    expect(
      (await t.request(`/v1/alert-rules/${rule.id}`, { method: "DELETE", token: other.adminToken }))
        .status,
    ).toBe(404);
    expect(
      (await t.request(`/v1/alert-rules/${rule.id}`, { method: "DELETE", token: manager.token }))
        .status,
    ).toBe(204);
    const list = await (await t.request("/v1/alert-rules", { token: manager.token })).json();
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([price.id]);
  });

  it("five very-unhappy answers open one alert, live on the stream; ack stops repeats until it clears", async () => {
    t = await createTestApp({ now });
    const manager = await t.loginAs("manager");
    await postAlertRule(
      t,
      { kind: "feedback-negative-share", deliver: ["app", "webhook"] },
      manager.token,
    );
    const kiosk = await t.pair("staff");

    const stream = await t.request("/v1/sync/events", { token: manager.token });
    const reader = stream.body?.getReader() as ReadableStreamDefaultReader<Uint8Array>;
    expect(await readUntil(reader, "event: alerts")).toContain('data: {"open":0}');

    // Three unhappy taps: below minCount (4), nothing yet.
    expect(
      (
        await t.push(
          kiosk,
          [1, 2, 3].map((s) => unhappy(s, kiosk)),
        )
      ).status,
    ).toBe(200);
    await evaluator().idle();
    expect((await (await t.request("/v1/alerts", { token: manager.token })).json()).items).toEqual(
      [],
    );
    // A suspect tap does not count.
    await t.push(kiosk, [unhappy(4, kiosk, 1, { suspect: true })]);
    await evaluator().idle();
    expect(await t.db.countOpenAlerts(t.workspaceId)).toBe(0);

    await t.push(kiosk, [unhappy(5, kiosk, 2), unhappy(6, kiosk, 1)]);
    await evaluator().idle();
    expect(await readUntil(reader, 'data: {"open":1}')).toContain("event: alerts");
    const [alert] = (
      await (await t.request("/v1/alerts?status=open", { token: manager.token })).json()
    ).items;
    expect(alert).toMatchObject({
      kind: "feedback-negative-share",
      storeId: t.storeId,
      status: "open",
      firings: 1,
      figures: { count: 5, negative: 5, share: 100, suspect: 1, windowMinutes: 15 },
    });
    expect(alert.observationIds).toHaveLength(5);
    expect(alert.text.en).toMatch(/: 5 of 5 answers negative \(100%\) in 15 min$/);
    expect(alert.text.vi).toMatch(/: 5\/5 phản hồi tiêu cực \(100%\) trong 15 phút$/);

    // The kiosk's staff view shows it; an extension may not ask.
    const staffView = await (
      await t.request("/v1/devices/me/alerts", { token: kiosk.token })
    ).json();
    expect(staffView.items.map((a: { id: string }) => a.id)).toEqual([alert.id]);
    const ext = await t.pair("marketer");
    expect((await t.request("/v1/devices/me/alerts", { token: ext.token })).status).toBe(403);

    // One more unhappy answer: the same alert, new figures.
    clock += 60_000;
    await t.push(kiosk, [unhappy(7, kiosk)]);
    await evaluator().idle();
    const open = (
      await (await t.request("/v1/alerts?status=open", { token: manager.token })).json()
    ).items;
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ id: alert.id, firings: 2, figures: { count: 6, negative: 6 } });

    const acked = await t.request(`/v1/alerts/${alert.id}/ack`, {
      method: "POST",
      token: manager.token,
      json: { note: "Gọi quản lý ca" },
    });
    expect(await acked.json()).toMatchObject({
      status: "acknowledged",
      ackNote: "Gọi quản lý ca",
      ackedBy: manager.userId,
    });
    expect(await readUntil(reader, 'data: {"open":0}')).toContain("event: alerts");

    // Still unhappy after the ack: no repeat, on push or on the tick.
    clock += 60_000;
    await t.push(kiosk, [unhappy(8, kiosk)]);
    await evaluator().idle();
    await evaluator().tick();
    expect(await t.db.countOpenAlerts(t.workspaceId)).toBe(0);

    // The window passes with no unhappy answers (the tick clears), then it trips anew.
    clock += 20 * 60_000;
    await evaluator().tick();
    await pushUnhappy(t, kiosk, [9, 10, 11, 12], clock);
    await evaluator().idle();
    const again = (
      await (await t.request("/v1/alerts?status=open", { token: manager.token })).json()
    ).items;
    expect(again).toHaveLength(1);
    expect(again[0].id).not.toBe(alert.id);
    // The outbox holds one firing per opened alert, no more.
    const firings = await t.db.claimAlertFirings(10, new Date(clock).toISOString(), 60_000);
    expect(firings.map((f) => f.alertId)).toEqual([alert.id, again[0].id]);
    expect(firings[0]?.deliver).toEqual(["app", "webhook"]);
    await reader.cancel();
  });

  it("the minute tick finds a kiosk silent for longer than `hours`, and clears when it syncs", async () => {
    t = await createTestApp({ now });
    const kiosk = await t.pair("staff");
    await t.push(kiosk, [unhappy(1, kiosk, 4)]);
    await evaluator().idle();
    await postAlertRule(t, { kind: "device-silent", hours: 4 });
    clock += 3 * 3_600_000;
    expect(await evaluator().tick()).toMatchObject({ opened: 0 });
    clock += 1.5 * 3_600_000;
    expect(await evaluator().tick()).toMatchObject({ opened: 1 });
    const [silent] = (await (await t.request("/v1/alerts", { token: t.admin.token })).json()).items;
    expect(silent).toMatchObject({
      kind: "device-silent",
      deviceId: kiosk.deviceId,
      storeId: t.storeId,
      figures: { silentHours: 4.5, hours: 4 },
    });
    // The same minute is evaluated once; the next one updates the alert.
    expect(await evaluator().tick()).toBeUndefined();
    clock += 60_000;
    expect(await evaluator().tick()).toMatchObject({ opened: 0, updated: 1 });
    await t.request(`/v1/alerts/${silent.id}/ack`, {
      method: "POST",
      token: t.admin.token,
      json: {},
    });
    // It syncs again: the condition clears; silent again later, a new alert opens.
    await t.push(kiosk, [unhappy(2, kiosk, 4)]);
    await evaluator().idle();
    clock += 60_000;
    expect(await evaluator().tick()).toMatchObject({ opened: 0, cleared: 1 });
    clock += 5 * 3_600_000;
    expect(await evaluator().tick()).toMatchObject({ opened: 1 });
  });

  it("a competitor's captured price moving more than the threshold opens an alert after the push", async () => {
    t = await createTestApp({ now });
    const rival = await watchedCompetitor(t);
    const ext = await t.pair("marketer");
    const capture = (seq: number, amount: number) => ({
      ...webObservation(seq, ext, {
        capturedAt: new Date(clock).toISOString(),
        url: "https://dienmay.example.vn/tivi-55",
        competitorId: rival.id,
        evidence: {
          facts: { prices: [{ amount, currency: "VND", source: "json-ld", raw: `${amount}₫` }] },
        },
      }),
      hlc: nextHlc(ext.deviceId, clock),
    });
    expect((await (await t.push(ext, [capture(1, 10_990_000)])).json()).rejected).toEqual([]);
    clock += 3_600_000;
    await t.push(ext, [capture(2, 10_690_000)]); // −2.7 %: below the threshold
    await evaluator().idle();
    expect(await t.db.countOpenAlerts(t.workspaceId)).toBe(0);
    clock += 3_600_000;
    await t.push(ext, [capture(3, 9_490_000)]); // −11.2 % against the capture before it
    await evaluator().idle();
    const [alert] = (
      await (await t.request("/v1/alerts?status=open", { token: t.admin.token })).json()
    ).items;
    expect(alert).toMatchObject({
      kind: "competitor-price-change",
      competitorId: rival.id,
      figures: { before: 10_690_000, after: 9_490_000, changePct: -11.2, currency: "VND" },
    });
    expect(alert.text.en).toMatch(
      /^Điện Máy X: price moved -11.2% \(10,690,000 → 9,490,000 VND\)$/,
    );
  });

  it("rule changes and acknowledgements are audited; deleting or disabling a rule closes its open alerts", async () => {
    t = await createTestApp({ now });
    const manager = await t.loginAs("manager");
    const kiosk = await t.pair("staff");
    const rule = async (json: Record<string, unknown>) =>
      (await postAlertRule(t, json, manager.token)).json();
    const a = await rule({ kind: "feedback-negative-share", name: "Unhappy A" });
    const b = await rule({ kind: "happy-index-below", name: "Happy B", threshold: 90 });
    await t.request(`/v1/alert-rules/${a.id}`, {
      method: "PATCH",
      token: manager.token,
      json: { minCount: 3 },
    });
    await pushUnhappy(t, kiosk, [1, 2, 3, 4, 5], clock);
    await evaluator().idle();
    const open = async () =>
      (await (await t.request("/v1/alerts?status=open", { token: manager.token })).json()).items;
    const both = await open();
    expect(both.map((x: { ruleId: string }) => x.ruleId).sort()).toEqual([a.id, b.id].sort());
    const alertOfA = both.find((x: { ruleId: string }) => x.ruleId === a.id);
    await t.request(`/v1/alerts/${alertOfA.id}/ack`, {
      method: "POST",
      token: manager.token,
      json: { note: "talked to the shift lead" },
    });
    // A repeated ack changes nothing and is not audited again.
    await t.request(`/v1/alerts/${alertOfA.id}/ack`, { method: "POST", token: manager.token });

    // Rule A's condition trips anew after a clear? Not here: delete B with its alert open.
    expect(
      (await t.request(`/v1/alert-rules/${b.id}`, { method: "DELETE", token: manager.token }))
        .status,
    ).toBe(204);
    expect(await open()).toEqual([]);
    const closedB = (
      await (await t.request("/v1/alerts?status=acknowledged", { token: manager.token })).json()
    ).items.find((x: { ruleId: string }) => x.ruleId === b.id);
    expect(closedB).toMatchObject({ ackedBy: null, ackNote: "rule deleted" });
    expect(closedB.ackedAt).toBe(new Date(clock).toISOString());

    // Disabling closes too: a third rule opens an alert, then is switched off.
    const c = await rule({ kind: "feedback-negative-share", name: "Unhappy C", minCount: 2 });
    await t.push(kiosk, [unhappy(6, kiosk)]);
    await evaluator().idle();
    expect((await open()).map((x: { ruleId: string }) => x.ruleId)).toEqual([c.id]);
    await t.request(`/v1/alert-rules/${c.id}`, {
      method: "PATCH",
      token: manager.token,
      json: { enabled: false },
    });
    expect(await open()).toEqual([]);
    expect(await t.db.countOpenAlerts(t.workspaceId)).toBe(0);

    const audit = (
      await (await t.request("/v1/audit?type=alert&limit=100", { token: t.admin.token })).json()
    ).items as {
      detail: { action: string };
      targetType: string;
      targetId: string;
      actorId: string;
    }[];
    const actions = audit.map((e) => `${e.detail.action} ${e.targetType} ${e.targetId}`).sort();
    expect(actions).toEqual(
      [
        `acknowledged alert ${alertOfA.id}`,
        `rule-changed alert-rule ${a.id}`,
        `rule-changed alert-rule ${c.id}`,
        `rule-created alert-rule ${a.id}`,
        `rule-created alert-rule ${b.id}`,
        `rule-created alert-rule ${c.id}`,
        `rule-deleted alert-rule ${b.id}`,
      ].sort(),
    );
    expect(audit.every((e) => e.actorId === manager.userId)).toBe(true);
    const ackEvent = audit.find((e) => e.detail.action === "acknowledged");
    expect(ackEvent?.detail).toMatchObject({ note: "talked to the shift lead", ruleId: a.id });
    const off = audit.find((e) => e.detail.action === "rule-changed" && e.targetId === c.id);
    expect(off?.detail).toMatchObject({ enabled: false, alertsClosed: 1, fields: "enabled" });
  });

  it("a failing evaluation never fails the push", async () => {
    t = await createTestApp({ now });
    const kiosk = await t.pair("staff");
    await postAlertRule(t, { kind: "feedback-negative-share" });
    t.db.listAlertRules = async () => {
      throw new Error("boom");
    };
    const res = await pushUnhappy(t, kiosk, [1, 2, 3, 4, 5], clock);
    expect(res.status).toBe(200);
    await evaluator().idle();
  });
});
