// The job runner on a real SQLite database: retries with backoff until the
// handler succeeds, gives up at the job's give-up time or on GiveUp, leaves
// kinds it has no handler for to other instances, finishes the jobs in hand
// on stop and claims nothing after; recurring work runs once per period.
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { openSqliteDb, type SqliteDb } from "../db/sqlite/db.ts";
import { backoffDelay } from "./backoff.ts";
import { every } from "./every.ts";
import { createJobRunner, GiveUp, type JobRunner } from "./runner.ts";

const logger = pino({ level: "silent" });
let db: SqliteDb;
let runner: JobRunner | null = null;
afterEach(async () => {
  await runner?.stop(500);
  runner = null;
  await db?.close();
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("job runner", () => {
  it("retries a failing job with backoff until it succeeds, telling each failure", async () => {
    db = openSqliteDb(":memory:");
    let calls = 0;
    const failures: (number | null)[] = [];
    runner = createJobRunner({
      db,
      logger,
      pollMs: 10,
      handlers: {
        flaky: {
          backoff: { baseMs: 20, maxMs: 40 },
          async run() {
            calls++;
            if (calls < 3) throw new Error(`boom ${calls}`);
          },
          async onFailure(_p, ctx) {
            failures.push(ctx.retryAtMs);
          },
        },
      },
    });
    runner.start();
    const { id } = await runner.enqueue({ kind: "flaky", payload: {}, runAtMs: Date.now() });
    for (let i = 0; i < 100 && (await db.getJob(id))?.state !== "done"; i++) await sleep(10);
    expect(await db.getJob(id)).toMatchObject({ state: "done", attempts: 3 });
    expect(failures).toHaveLength(2);
    expect(runner.stats()).toEqual({ running: 0, completed: 1, retried: 2, gaveUp: 0 });
    expect(failures.every((t) => typeof t === "number")).toBe(true);
  });

  it("gives up past the give-up time, or at once on GiveUp; leaves unknown kinds alone", async () => {
    db = openSqliteDb(":memory:");
    const told: (number | null)[] = [];
    runner = createJobRunner({
      db,
      logger,
      pollMs: 10,
      handlers: {
        down: {
          backoff: { baseMs: 1_000, maxMs: 1_000 },
          async run() {
            throw new Error("receiver down");
          },
          async onFailure(_p, ctx) {
            told.push(ctx.retryAtMs);
          },
        },
        bad: {
          async run() {
            throw new GiveUp("no such recipient");
          },
        },
      },
    });
    runner.start();
    const now = Date.now();
    const down = await runner.enqueue({
      kind: "down",
      payload: {},
      runAtMs: now,
      giveUpAtMs: now + 100,
    });
    const bad = await runner.enqueue({ kind: "bad", payload: {}, runAtMs: now });
    const other = await runner.enqueue({ kind: "someone-else", payload: {}, runAtMs: now });
    for (let i = 0; i < 100; i++) {
      if (
        (await db.getJob(down.id))?.state === "failed" &&
        (await db.getJob(bad.id))?.state === "failed"
      )
        break;
      await sleep(10);
    }
    expect(await db.getJob(down.id)).toMatchObject({
      state: "failed",
      attempts: 1,
      lastError: "receiver down",
    });
    expect(told).toEqual([null]); // the next try (≥ 500 ms) would be past the give-up time
    expect(await db.getJob(bad.id)).toMatchObject({
      state: "failed",
      lastError: "no such recipient",
    });
    expect(await db.getJob(other.id)).toMatchObject({ state: "pending", attempts: 0 });
  });

  it("stop waits for the job in hand and claims nothing after", async () => {
    db = openSqliteDb(":memory:");
    let finished = 0;
    let started = 0;
    runner = createJobRunner({
      db,
      logger,
      pollMs: 10,
      handlers: {
        slow: {
          async run() {
            started++;
            await sleep(150);
            finished++;
          },
        },
      },
      concurrency: 1,
    });
    runner.start();
    const first = await runner.enqueue({ kind: "slow", payload: {}, runAtMs: Date.now() });
    const second = await runner.enqueue({ kind: "slow", payload: {}, runAtMs: Date.now() + 1 });
    while (started === 0) await sleep(5);
    await runner.stop(2_000);
    expect(finished).toBe(1);
    expect((await db.getJob(first.id))?.state).toBe("done");
    await sleep(50);
    expect(await db.getJob(second.id)).toMatchObject({ state: "pending", attempts: 0 });
    runner = null;
  });

  it("runs recurring work once per period, with two runners on one database", async () => {
    db = openSqliteDb(":memory:");
    let clock = Date.parse("2026-03-10T08:00:30.000Z");
    const periods: number[] = [];
    const make = () =>
      createJobRunner({
        db,
        logger,
        pollMs: 5,
        now: () => clock,
        recurring: [every("minute", 60_000, { kind: "tick" })],
        handlers: {
          tick: { run: async (p) => void periods.push((p as { period: number }).period) },
        },
      });
    const a = make();
    const b = make();
    a.start();
    b.start();
    try {
      for (let m = 0; m < 3; m++) {
        await sleep(60);
        clock += 60_000;
      }
      await sleep(60);
    } finally {
      await a.stop();
      await b.stop();
    }
    expect(periods).toHaveLength(4);
    expect(new Set(periods).size).toBe(4);
  });

  it("enqueues recurring work only within its catch-up time after the period starts", async () => {
    db = openSqliteDb(":memory:");
    const runs: number[] = [];
    const monday = Date.parse("2026-03-09T01:00:00.000Z");
    let clock = monday + 3 * 86_400_000; // Thursday: too late for this week
    runner = createJobRunner({
      db,
      logger,
      pollMs: 5,
      now: () => clock,
      recurring: [
        every("weekly", 7 * 86_400_000, {
          kind: "weekly",
          offsetMs: monday % (7 * 86_400_000),
          catchUpMs: 2 * 86_400_000,
        }),
      ],
      handlers: { weekly: { run: async (p) => void runs.push((p as { period: number }).period) } },
    });
    runner.start();
    await sleep(50);
    expect(runs).toEqual([]);
    clock = monday + 7 * 86_400_000 + 60_000; // next Monday, a minute in
    await sleep(50);
    expect(runs).toHaveLength(1);
  });

  it("backs off exponentially within [half, full] of the ceiling, capped", () => {
    const b = { baseMs: 10_000, maxMs: 3_600_000 };
    expect(backoffDelay(b, 1, () => 0)).toBe(5_000);
    expect(backoffDelay(b, 1, () => 1)).toBe(10_000);
    expect(backoffDelay(b, 4, () => 1)).toBe(80_000);
    expect(backoffDelay(b, 30, () => 1)).toBe(3_600_000);
  });
});
