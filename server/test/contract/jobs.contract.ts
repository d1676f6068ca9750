// Contract: the durable job queue — dedupe, due order, leases (a killed
// worker's job comes back when its lease runs out, never before), complete
// and fail with a retry or a give-up, and a lost lease refused.
import { describe, expect, it } from "vitest";
import type { DbFactory } from "./fixture.ts";
import { useDb } from "./use-db.ts";

const T = Date.parse("2026-03-10T08:00:00.000Z");

export function jobsContract(make: DbFactory) {
  describe("jobs", () => {
    const db = useDb(make);

    it("enqueues once per dedupe key and keeps the payload as given", async () => {
      const a = await db().enqueueJob(
        { kind: "k", payload: { n: 1, s: "Phở" }, runAtMs: T, dedupeKey: "once" },
        T,
      );
      const b = await db().enqueueJob(
        { kind: "k", payload: { n: 2 }, runAtMs: T, dedupeKey: "once" },
        T,
      );
      expect(a.created).toBe(true);
      expect(b).toEqual({ id: a.id, created: false });
      const job = await db().getJob(a.id);
      expect(job).toMatchObject({
        kind: "k",
        payload: { n: 1, s: "Phở" },
        state: "pending",
        attempts: 0,
      });
      // Without a key, every enqueue is a new job.
      const c = await db().enqueueJob({ kind: "k", payload: null, runAtMs: T }, T);
      const d = await db().enqueueJob({ kind: "k", payload: null, runAtMs: T }, T);
      expect(c.id).not.toBe(d.id);
    });

    it("claims due jobs oldest first, of the asked kinds, and not again while leased", async () => {
      const late = await db().enqueueJob({ kind: "a", payload: 3, runAtMs: T + 60_000 }, T);
      const second = await db().enqueueJob({ kind: "a", payload: 2, runAtMs: T - 1_000 }, T);
      const first = await db().enqueueJob({ kind: "a", payload: 1, runAtMs: T - 2_000 }, T);
      await db().enqueueJob({ kind: "other", payload: 0, runAtMs: T - 5_000 }, T);
      const got = await db().claimJobs({
        workerId: "w1",
        nowMs: T,
        leaseMs: 30_000,
        limit: 10,
        kinds: ["a"],
      });
      expect(got.map((j) => j.id)).toEqual([first.id, second.id]);
      expect(got.every((j) => j.attempts === 1)).toBe(true);
      // Leased: nobody else gets them; the future one is not due.
      expect(
        await db().claimJobs({
          workerId: "w2",
          nowMs: T + 1_000,
          leaseMs: 30_000,
          limit: 10,
          kinds: ["a"],
        }),
      ).toEqual([]);
      // The lease runs out (w1 was killed): they come back, with the late one now due.
      const again = await db().claimJobs({
        workerId: "w2",
        nowMs: T + 60_000,
        leaseMs: 30_000,
        limit: 10,
        kinds: ["a"],
      });
      expect(again.map((j) => j.id)).toEqual([first.id, second.id, late.id]);
      expect(again[0]?.attempts).toBe(2);
      // w1 comes back to life: its lease is lost, its completion refused.
      expect(await db().completeJob(first.id, "w1", T + 61_000)).toBe(false);
      expect(await db().completeJob(first.id, "w2", T + 61_000)).toBe(true);
      expect((await db().getJob(first.id))?.state).toBe("done");
      expect(
        await db().claimJobs({
          workerId: "w3",
          nowMs: T + 200_000,
          leaseMs: 1,
          limit: 10,
          kinds: ["a"],
        }),
      ).toHaveLength(2);
    });

    it("fails into a retry at the given time, and for good past the give-up time", async () => {
      const { id } = await db().enqueueJob(
        { kind: "k", payload: null, runAtMs: T, giveUpAtMs: T + 100_000 },
        T,
      );
      await db().claimJobs({ workerId: "w", nowMs: T, leaseMs: 10_000, limit: 1 });
      expect(await db().failJob(id, "w", { error: "503", retryAtMs: T + 50_000, nowMs: T })).toBe(
        true,
      );
      expect(await db().getJob(id)).toMatchObject({
        state: "pending",
        runAtMs: T + 50_000,
        lastError: "503",
      });
      expect(
        await db().claimJobs({ workerId: "w", nowMs: T + 49_000, leaseMs: 10_000, limit: 1 }),
      ).toEqual([]);
      const [j] = await db().claimJobs({
        workerId: "w",
        nowMs: T + 50_000,
        leaseMs: 10_000,
        limit: 1,
      });
      expect(j?.attempts).toBe(2);
      expect(
        await db().failJob(id, "w", {
          error: "timeout",
          retryAtMs: T + 150_000,
          nowMs: T + 50_000,
        }),
      ).toBe(true);
      expect(await db().getJob(id)).toMatchObject({ state: "failed", lastError: "timeout" });
      expect(
        await db().claimJobs({ workerId: "w", nowMs: T + 999_000, leaseMs: 1, limit: 5 }),
      ).toEqual([]);
      // A null retry gives up at once; a lost lease is refused.
      const other = await db().enqueueJob({ kind: "k", payload: null, runAtMs: T }, T);
      await db().claimJobs({ workerId: "w", nowMs: T, leaseMs: 10_000, limit: 1 });
      expect(
        await db().failJob(other.id, "someone-else", { error: "x", retryAtMs: null, nowMs: T }),
      ).toBe(false);
      expect(
        await db().failJob(other.id, "w", { error: "bad payload", retryAtMs: null, nowMs: T }),
      ).toBe(true);
      expect((await db().getJob(other.id))?.state).toBe("failed");
    });

    it("prunes finished jobs only, and a pruned dedupe key can be used again", async () => {
      const done = await db().enqueueJob(
        { kind: "k", payload: null, runAtMs: T, dedupeKey: "d" },
        T,
      );
      const pending = await db().enqueueJob(
        { kind: "k", payload: null, runAtMs: T + 10_000_000 },
        T,
      );
      await db().claimJobs({ workerId: "w", nowMs: T, leaseMs: 1_000, limit: 5 });
      await db().completeJob(done.id, "w", T + 10);
      expect(await db().pruneJobs(T + 5)).toBe(0);
      expect(await db().pruneJobs(T + 11)).toBe(1);
      expect(await db().getJob(done.id)).toBeNull();
      expect(await db().getJob(pending.id)).not.toBeNull();
      expect(
        (await db().enqueueJob({ kind: "k", payload: null, runAtMs: T, dedupeKey: "d" }, T))
          .created,
      ).toBe(true);
    });
  });
}
