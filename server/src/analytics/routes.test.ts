// Analytics over HTTP: feedback faces, happy index, the hour × weekday grid
// in the store's time zone, suspect taps apart; behaviour × zone × day.
import {
  BehaviourAnalyticsSchema,
  FeedbackAnalyticsSchema,
  type Mutation,
} from "@sightline/shared";
import { afterEach, describe, expect, it } from "vitest";
import { nextHlc, storeObservation } from "../../test/support/mutations.ts";
import {
  createTestApp,
  TEST_STORE,
  type TestApp,
  type TestDevice,
} from "../../test/support/test-app.ts";
import { FOLLOW_MS } from "./tap-index.ts";

let t: TestApp;
afterEach(() => t?.close());

const rate = (
  seq: number,
  d: TestDevice,
  rating: number,
  capturedAt: string,
  extra = {},
): Mutation => ({
  seq,
  op: "obs.create",
  id: crypto.randomUUID(),
  hlc: nextHlc(d.deviceId),
  fields: {
    channel: "feedback",
    method: "feedback",
    storeId: d.storeId,
    rating,
    capturedAt,
    what: `${rating}`,
    ...extra,
  },
});

describe("analytics routes", () => {
  it("summarises feedback in the store's time zone, suspect taps apart", async () => {
    t = await createTestApp();
    const kiosk = await t.pair("staff");
    await t.push(kiosk, [
      rate(1, kiosk, 4, "2026-03-02T02:15:00Z"), // Monday 09:15 in Hồ Chí Minh City
      rate(2, kiosk, 3, "2026-03-02T02:40:00Z"),
      rate(3, kiosk, 1, "2026-03-02T11:05:00Z", { reasons: ["price"] }), // Monday 18:05
      rate(4, kiosk, 1, "2026-03-02T11:05:01Z", { suspect: true }),
    ]);
    const viewer = await t.loginAs("viewer");
    const a = FeedbackAnalyticsSchema.parse(
      await (await t.request("/v1/analytics/feedback", { token: viewer.token })).json(),
    );
    expect(a).toMatchObject({
      total: 3,
      suspect: 1,
      includeSuspect: false,
      faces: { "1": 1, "2": 0, "3": 1, "4": 1 },
      happyIndex: 66.7,
    });
    expect(a.byHourWeekday[0]?.[9]).toEqual({ count: 2, happyIndex: 100 });
    expect(a.byHourWeekday[0]?.[18]).toEqual({ count: 1, happyIndex: 0 });
    expect(a.byReason).toEqual([{ reason: "price", need: "price", count: 1, happyIndex: 0 }]);
    expect(a.byDay).toEqual([{ date: "2026-03-02", count: 3, happyIndex: 66.7 }]);
    const withSuspect = await (
      await t.request("/v1/analytics/feedback?includeSuspect=1", { token: viewer.token })
    ).json();
    expect(withSuspect).toMatchObject({ total: 4, happyIndex: 50 });
    const none = FeedbackAnalyticsSchema.parse(
      await (
        await t.request("/v1/analytics/feedback?from=2026-04-01", { token: viewer.token })
      ).json(),
    );
    expect(none).toMatchObject({ total: 0, happyIndex: null });
    const other = await t.request(`/v1/analytics/feedback?storeId=${"x".repeat(10)}`, {
      token: viewer.token,
    });
    expect((await other.json()).total).toBe(0);
  });

  it("counts behaviours per zone and local day", async () => {
    t = await createTestApp();
    const kiosk = await t.pair("staff");
    await t.push(kiosk, [
      storeObservation(1, kiosk, { capturedAt: "2026-03-02T16:30:00Z", zone: "Cửa vào" }), // 23:30 local
      storeObservation(2, kiosk, { capturedAt: "2026-03-02T17:30:00Z", zone: "Cửa vào" }), // 00:30 next day
      storeObservation(3, kiosk, {
        capturedAt: "2026-03-02T17:45:00Z",
        behaviour: "left-without-buying",
        zone: "Quầy thu ngân",
      }),
    ]);
    const b = BehaviourAnalyticsSchema.parse(
      await (await t.request("/v1/analytics/behaviour", { token: t.admin.token })).json(),
    );
    expect(b.cells).toEqual([
      { behaviour: "asked-price", zone: "Cửa vào", day: "2026-03-02", count: 1 },
      { behaviour: "asked-price", zone: "Cửa vào", day: "2026-03-03", count: 1 },
      { behaviour: "left-without-buying", zone: "Quầy thu ngân", day: "2026-03-03", count: 1 },
    ]);
    expect(b).toMatchObject({ total: 3, byZone: { "Cửa vào": 2, "Quầy thu ngân": 1 } });
    const staff = await t.loginAs("staff");
    expect((await t.request("/v1/analytics/behaviour", { token: staff.token })).status).toBe(403);
  });
});

describe("analytics kept up to date between requests (issue 18)", () => {
  it("follows new, edited and deleted taps and a store's new time zone without a rescan", async () => {
    t = await createTestApp();
    const kiosk = await t.pair("staff");
    const first = rate(1, kiosk, 4, "2026-03-02T16:30:00Z"); // 23:30 in Hồ Chí Minh City
    await t.push(kiosk, [first, rate(2, kiosk, 1, "2026-03-02T02:00:00Z")]);
    const get = async () =>
      FeedbackAnalyticsSchema.parse(
        await (await t.request("/v1/analytics/feedback", { token: t.admin.token })).json(),
      );
    expect(await get()).toMatchObject({ total: 2, faces: { "1": 1, "4": 1 } });
    // Scans after the first answer go through the version index only.
    const scans: string[] = [];
    const scan = t.db.scanScopedObservations.bind(t.db);
    t.db.scanScopedObservations = (...a) => {
      scans.push("scan");
      return scan(...a);
    };
    const shelf = storeObservation(4, kiosk, {
      capturedAt: "2026-03-03T03:00:00Z",
      zone: "Cửa vào",
    });
    await t.push(kiosk, [rate(3, kiosk, 3, "2026-03-03T03:00:00Z"), shelf]);
    const after = await get();
    expect(after).toMatchObject({ total: 3, faces: { "1": 1, "2": 0, "3": 1, "4": 1 } });
    expect(after.byDay.map((d) => d.date)).toEqual(["2026-03-02", "2026-03-03"]);
    const zones = async () =>
      BehaviourAnalyticsSchema.parse(
        await (await t.request("/v1/analytics/behaviour", { token: t.admin.token })).json(),
      ).byZone;
    expect(await zones()).toEqual({ "Cửa vào": 1 });
    await t.push(kiosk, [
      { seq: 5, op: "obs.delete", id: first.id, hlc: nextHlc(kiosk.deviceId) },
      {
        seq: 6,
        op: "obs.patch",
        id: shelf.id,
        hlc: nextHlc(kiosk.deviceId),
        fields: { zone: "Quầy thu ngân" },
      },
    ] as Mutation[]);
    expect(await get()).toMatchObject({ total: 2, faces: { "1": 1, "3": 1, "4": 0 } });
    expect(await zones()).toEqual({ "Quầy thu ngân": 1 });
    // The store moves to UTC: 16:30Z of a tap is now on the 2nd, the index is rebuilt.
    await t.push(kiosk, [rate(7, kiosk, 4, "2026-03-04T23:30:00Z")]);
    const zoned = await t.request(`/v1/stores/${kiosk.storeId}`, {
      method: "PATCH",
      token: t.admin.token,
      json: { timeZone: "UTC" },
    });
    expect(zoned.status).toBe(200);
    const utc = await get();
    expect(utc.byDay.map((d) => d.date)).toEqual(["2026-03-02", "2026-03-03", "2026-03-04"]);
    expect(scans).toEqual([]);
  });
});

describe("analytics indexes warmed at start (issue 18)", () => {
  it("builds them in the background, so the first report reads no page of observations", async () => {
    t = await createTestApp({ warmAnalytics: true });
    const kiosk = await t.pair("staff");
    await t.push(kiosk, [rate(1, kiosk, 4, "2026-03-02T02:15:00Z")]);
    const pages: unknown[] = [];
    const list = t.db.listScopedObservations.bind(t.db);
    t.db.listScopedObservations = (...a) => {
      pages.push(a);
      return list(...a);
    };
    await new Promise((r) => setTimeout(r, 1500));
    const built = pages.length;
    expect(built).toBeGreaterThan(0);
    await t.push(kiosk, [rate(2, kiosk, 1, "2026-03-02T03:15:00Z")]);
    const a = FeedbackAnalyticsSchema.parse(
      await (await t.request("/v1/analytics/feedback", { token: t.admin.token })).json(),
    );
    expect(a.total).toBe(2);
    expect(pages.length).toBe(built);
  });
});

describe("analytics follow the database in the background (issue 18)", () => {
  it("catches up with new pushes off the request path, so the next report applies nothing", async () => {
    t = await createTestApp();
    const kiosk = await t.pair("staff");
    await t.push(kiosk, [rate(1, kiosk, 4, "2026-03-02T02:15:00Z")]);
    const get = async () =>
      FeedbackAnalyticsSchema.parse(
        await (await t.request("/v1/analytics/feedback", { token: t.admin.token })).json(),
      );
    expect((await get()).total).toBe(1);
    for (let seq = 2; seq <= 40; seq++)
      await t.push(kiosk, [rate(seq, kiosk, 3, "2026-03-03T02:15:00Z")]);
    const calls: string[] = [];
    for (const name of ["listScopedObservations", "scanScopedChanges"] as const) {
      const real = t.db[name].bind(t.db) as (...a: unknown[]) => Promise<never>;
      (t.db as unknown as Record<string, unknown>)[name] = (...a: unknown[]) => {
        calls.push(name);
        return real(...a);
      };
    }
    await new Promise((r) => setTimeout(r, FOLLOW_MS * 1.5));
    expect(calls).toEqual(["scanScopedChanges"]);
    calls.length = 0;
    expect((await get()).total).toBe(40);
    expect(calls).toEqual([]);
  });
});

describe("analytics and new stores (issue 18)", () => {
  it("keeps the index when a store is added (only a zone of a store with taps rebuilds it)", async () => {
    t = await createTestApp();
    const kiosk = await t.pair("staff");
    await t.push(kiosk, [rate(1, kiosk, 4, "2026-03-02T02:15:00Z")]);
    const get = async () =>
      FeedbackAnalyticsSchema.parse(
        await (await t.request("/v1/analytics/feedback", { token: t.admin.token })).json(),
      );
    expect((await get()).total).toBe(1);
    const pages: unknown[] = [];
    const list = t.db.listScopedObservations.bind(t.db);
    t.db.listScopedObservations = (...a) => {
      pages.push(a);
      return list(...a);
    };
    const made = await t.request("/v1/stores", {
      method: "POST",
      token: t.admin.token,
      json: { ...TEST_STORE, name: "Quận 3", timeZone: "Europe/Paris" },
    });
    expect(made.status).toBe(201);
    expect((await get()).total).toBe(1);
    expect(pages).toEqual([]);
  });
});
