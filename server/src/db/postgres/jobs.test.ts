// What only PostgreSQL has to prove about the job queue: several instances
// (separate pools) claiming at the same moment never take one job twice, and
// recurring work runs once per period however many runners tick.
import pino from "pino";
import { describe, expect, it } from "vitest";
import { openPostgresTestDb } from "../../../test/support/postgres-db.ts";
import { postgresTestTarget, withSearchPath } from "../../../test/support/postgres-schema.ts";
import { every } from "../../jobs/every.ts";
import { createJobRunner } from "../../jobs/runner.ts";
import { openPostgresDb } from "./db.ts";

const target = await postgresTestTarget();
const url = target.ok ? target.url : "";
const silent = pino({ level: "silent" });

/** Another instance on the same schema: its own pool. */
async function openSecond(first: Awaited<ReturnType<typeof openPostgresTestDb>>) {
  const [row] = await first.handle.sql<{ s: string }[]>`SELECT current_schema() AS s`;
  return openPostgresDb(withSearchPath(url, row?.s ?? ""), { max: 4 });
}

describe.skipIf(!target.ok)("PostgreSQL job queue across instances", () => {
  it("two connections claiming concurrently take each job exactly once", async () => {
    const first = await openPostgresTestDb(url);
    // A second instance: its own pool on the same schema.
    const second = await openSecond(first);
    try {
      const T = Date.now();
      const ids = new Set<string>();
      for (let i = 0; i < 200; i++)
        ids.add((await first.enqueueJob({ kind: "k", payload: i, runAtMs: T }, T)).id);
      const claimed: string[] = [];
      const drain = async (db: typeof first, worker: string) => {
        for (;;) {
          const jobs = await db.claimJobs({
            workerId: worker,
            nowMs: T,
            leaseMs: 60_000,
            limit: 3,
          });
          if (jobs.length === 0) return;
          for (const j of jobs) {
            claimed.push(j.id);
            expect(await db.completeJob(j.id, worker, T)).toBe(true);
          }
        }
      };
      // Four claimers at once: two per instance.
      await Promise.all([
        drain(first, "a1"),
        drain(first, "a2"),
        drain(second, "b1"),
        drain(second, "b2"),
      ]);
      expect(claimed).toHaveLength(200);
      expect(new Set(claimed)).toEqual(ids);
    } finally {
      await second.close();
      await first.close();
    }
  });

  it("a recurring job runs once per period with two runners (two instances) ticking", async () => {
    const first = await openPostgresTestDb(url);
    const second = await openSecond(first);
    let clock = Date.parse("2026-03-10T08:00:00.000Z");
    const runs: { runner: string; period: number }[] = [];
    const make = (db: typeof first, name: string) =>
      createJobRunner({
        db,
        logger: silent,
        now: () => clock,
        pollMs: 5,
        recurring: [every("tally", 60_000, { kind: "tally" })],
        handlers: {
          tally: {
            async run(payload) {
              runs.push({ runner: name, period: (payload as { period: number }).period });
            },
          },
        },
      });
    const a = make(first, "a");
    const b = make(second, "b");
    try {
      a.start();
      b.start();
      for (let minute = 0; minute < 5; minute++) {
        await new Promise((r) => setTimeout(r, 120));
        clock += 60_000;
      }
      await new Promise((r) => setTimeout(r, 120));
      const periods = runs.map((r) => r.period);
      expect(periods.length).toBeGreaterThanOrEqual(5);
      expect(new Set(periods).size).toBe(periods.length); // never twice in a period
    } finally {
      await a.stop();
      await b.stop();
      await second.close();
      await first.close();
    }
  });
});
