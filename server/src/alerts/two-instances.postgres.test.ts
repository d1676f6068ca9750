// Two server instances on one PostgreSQL: a scheduled rule fires once, not
// twice. Each instance has its own pool and evaluator over the same schema
// and clock. Scheduled evaluation runs once per minute across instances:
// ticks at the same moment (the advisory lock lets one run, the other
// skips) and ticks on offset timers within one minute (the minute is claimed
// once) evaluate once, so an open alert's `firings` counts minutes, not
// instances. Even evaluations that bypass the schedule and run at the same
// moment open one alert with one outbox firing (per-key transaction lock +
// the partial unique index).
import type { Mutation } from "@sightline/shared";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { nextHlc } from "../../test/support/mutations.ts";
import { openPostgresTestParts } from "../../test/support/postgres-db.ts";
import { postgresTestTarget } from "../../test/support/postgres-schema.ts";
import { createTestApp, type TestApp, useTestDatabase } from "../../test/support/test-app.ts";
import { openPostgresDb, type PostgresDb } from "../db/postgres/db.ts";
import { createInProcessNotifier } from "../sync/notifier.ts";
import { createAlertEvaluator } from "./evaluator.ts";

const target = await postgresTestTarget();

let t: TestApp | undefined;
let second: PostgresDb | undefined;
afterEach(async () => {
  await second?.close();
  await t?.close();
  second = undefined;
  t = undefined;
});

const tap = (seq: number, deviceId: string, storeId: string): Mutation => ({
  seq,
  op: "obs.create",
  id: crypto.randomUUID(),
  hlc: nextHlc(deviceId),
  fields: {
    channel: "feedback",
    method: "feedback",
    storeId,
    rating: 1,
    capturedAt: new Date().toISOString(),
    what: "1",
  },
});

describe.skipIf(!target.ok)("alerts across two PostgreSQL instances", () => {
  if (!target.ok) return;
  useTestDatabase(() => openPostgresTestParts(target.url));

  /** Both instances' clock: the start of a minute a little ahead of now (the taps are now). */
  let clock = 0;
  const now = () => new Date(clock);

  async function twoInstances() {
    clock = (Math.floor(Date.now() / 60_000) + 1) * 60_000;
    t = await createTestApp();
    const url = t.database.url as string;
    // The second instance runs a pool of one (?max=1): its tick must not starve itself.
    second = await openPostgresDb(url, { max: 1 });
    const log = pino({ level: "silent" });
    const a = createAlertEvaluator({ db: t.db, notifier: t.deps.notifier, logger: log, now });
    const b = createAlertEvaluator({
      db: second,
      notifier: createInProcessNotifier(),
      logger: log,
      now,
    });
    // The data is there before the rule: only the schedule can find it.
    const kiosk = await t.pair("staff");
    const res = await t.push(
      kiosk,
      [1, 2, 3, 4, 5].map((s) => tap(s, kiosk.deviceId, t?.storeId as string)),
    );
    expect(res.status).toBe(200);
    await t.deps.alerts?.idle();
    await t.db.createAlertRule(
      t.workspaceId,
      {
        kind: "feedback-negative-share",
        name: null,
        storeId: null,
        competitorId: null,
        windowMinutes: 15,
        minCount: 4,
        threshold: 50,
        behaviour: null,
        hours: 4,
        deliver: ["webhook"],
        enabled: true,
        createdBy: null,
      },
      new Date().toISOString(),
    );
    return { t, a, b, second };
  }

  it("racing minute ticks: one alert, one firing; the other instance skips while one ticks", async () => {
    const { t, a, b } = await twoInstances();
    const results = [];
    for (let round = 0; round < 5; round++)
      results.push(...(await Promise.all([a.tick(), b.tick()])));
    const ran = results.filter((r) => r !== undefined);
    expect(ran.length).toBeGreaterThan(0);
    expect(ran.reduce((n, r) => n + (r?.opened ?? 0), 0)).toBe(1);
    expect(await t.db.countOpenAlerts(t.workspaceId)).toBe(1);
    expect(await t.db.claimAlertFirings(10, new Date().toISOString(), 60_000)).toHaveLength(1);

    // While instance A holds the tick, instance B's tick is skipped.
    clock += 60_000;
    let release = () => {};
    const held = t.db.tryExclusiveTick("alerts", () => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 100));
    expect(await b.tick()).toBeUndefined();
    release();
    await held;
    expect(await b.tick()).toMatchObject({ opened: 0, updated: 1 });
  });

  it("offset minute timers: one evaluation per minute across instances; firings count minutes", async () => {
    const { t, a, b } = await twoInstances();
    const start = clock;
    const perMinute: number[] = [];
    for (let minute = 0; minute < 5; minute++) {
      // Instance A's timer fires 5 s into the minute, B's 35 s in (they started apart).
      clock = start + minute * 60_000 + 5_000;
      const fromA = await a.tick();
      clock = start + minute * 60_000 + 35_000;
      const fromB = await b.tick();
      perMinute.push([fromA, fromB].filter((r) => r !== undefined).length);
    }
    expect(perMinute).toEqual([1, 1, 1, 1, 1]);
    const [alert] = await t.db.listAlerts(t.workspaceId, { limit: 10 });
    expect(alert).toMatchObject({ status: "open", firings: 5 });
    expect(alert?.lastFiredAt).toBe(new Date(start + 4 * 60_000 + 5_000).toISOString());
    expect(await t.db.claimAlertFirings(10, new Date(clock).toISOString(), 60_000)).toHaveLength(1);

    // The next minute, both timers at the same moment: still one.
    clock = start + 5 * 60_000 + 1_000;
    const both = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    expect(both.filter((r) => r !== undefined)).toHaveLength(1);
    expect((await t.db.listAlerts(t.workspaceId, { limit: 10 }))[0]?.firings).toBe(6);
  });

  it("evaluations at the same moment without the lock still open one alert", async () => {
    const { t, a, b } = await twoInstances();
    const outs = await Promise.all([
      a.evaluate(t.workspaceId),
      b.evaluate(t.workspaceId),
      a.evaluate(t.workspaceId),
      b.evaluate(t.workspaceId),
    ]);
    expect(outs.reduce((n, r) => n + r.opened, 0)).toBe(1);
    expect(outs.reduce((n, r) => n + r.updated, 0)).toBe(3);
    expect(await t.db.listAlerts(t.workspaceId, { limit: 10 })).toHaveLength(1);
    expect(await t.db.claimAlertFirings(10, new Date().toISOString(), 60_000)).toHaveLength(1);
  });
});
