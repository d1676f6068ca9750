// One behaviour suite for every SyncStorage implementation (memory, idb).
import { describe, expect, it } from "vitest";
import type { Entity } from "../../src/entity.ts";
import {
  DEFAULT_MAX_DRIFT_MS,
  HLC_PATTERN,
  hlcCompare,
  hlcFormat,
  hlcWallMs,
} from "../../src/hlc.ts";
import type { PullResponse } from "../../src/sync/messages/pull.ts";
import { LocalWriteError, type SyncStorage } from "../../src/sync/storage.ts";

const T = Date.UTC(2026, 10, 24, 3);
const DEV = "0193a1b2-0000-7000-8000-000000000001";
const create = (id: string, what = "Khách hỏi giá") => ({
  op: "obs.create" as const,
  id,
  fields: {
    channel: "web",
    method: "competitor-audit",
    capturedAt: "2026-11-24T10:00:00+07:00",
    what,
  },
});
const serverEntity = (id: string, what: string, ms: number, version: number): Entity => ({
  id,
  workspaceId: "ws",
  createdBy: "other",
  fields: { channel: "web", what },
  fieldHlc: {
    channel: hlcFormat({ ms, counter: 0, node: "other" }),
    what: hlcFormat({ ms, counter: 0, node: "other" }),
  },
  deletedHlc: null,
  restoredHlc: null,
  version,
});
const page = (p: Partial<PullResponse>): PullResponse => ({
  cookie: { epoch: "e1", v: 1 },
  reset: false,
  hasMore: false,
  lastSeq: 0,
  serverTime: new Date(T).toISOString(),
  changes: [],
  ...p,
});

export function describeSyncStorageContract(name: string, make: () => Promise<SyncStorage>): void {
  describe(`SyncStorage contract: ${name}`, () => {
    const ready = async () => {
      const s = await make();
      await s.init(DEV, "ws");
      return s;
    };

    it("init is idempotent and keeps state", async () => {
      const s = await ready();
      await s.commitLocal(create("a"), T);
      const again = await s.init("someone-else", "ws2");
      expect(again.deviceId).toBe(DEV);
      expect(again.nextSeq).toBe(2);
    });

    it("a fresh storage for a device id the server knows starts its seq line after it", async () => {
      const s = await make();
      const meta = await s.init(DEV, "ws", 7);
      expect([meta.ackedSeq, meta.nextSeq]).toEqual([7, 8]);
      expect((await s.commitLocal(create("a"), T)).seq).toBe(8);
      expect((await s.stats()).unsynced).toBe(1);
    });

    it("a local write merges the entity, appends gap-free seqs and advances the HLC", async () => {
      const s = await ready();
      const e1 = await s.commitLocal(create("a"), T);
      const e2 = await s.commitLocal(
        { op: "obs.patch", id: "a", fields: { why: "so sánh" } },
        T - 5000,
      );
      expect([e1.seq, e2.seq]).toEqual([1, 2]);
      expect(e2.hlc > e1.hlc).toBe(true); // even though the clock went back
      expect((await s.entity("a"))?.fields).toMatchObject({
        what: "Khách hỏi giá",
        why: "so sánh",
      });
      expect((await s.outboxFrom(1, 10)).map((e) => e.seq)).toEqual([1, 2]);
      expect(await s.stats()).toEqual({ unsynced: 2, oldestUnsyncedAt: T });
    });

    it("an invalid write throws and writes nothing", async () => {
      const s = await ready();
      await expect(
        s.commitLocal({ op: "obs.create", id: "b", fields: { what: "" } }, T),
      ).rejects.toBeInstanceOf(LocalWriteError);
      await expect(
        s.commitLocal({ op: "obs.patch", id: "nope", fields: { what: "x" } }, T),
      ).rejects.toThrow(/no observation/);
      expect((await s.meta())?.nextSeq).toBe(1);
      expect(await s.entity("b")).toBeUndefined();
      expect(await s.outboxFrom(1, 10)).toEqual([]);
    });

    it("acks only what the server proved, keeps acked entries, prunes them later", async () => {
      const s = await ready();
      for (const id of ["a", "b", "c"]) await s.commitLocal(create(id), T);
      await s.applyPull(page({ cookie: { epoch: "e1", v: 1 } }), T);
      await s.ack(2, [{ seq: 2, code: "invalid", message: "bad" }], T + 10);
      expect(await s.stats()).toEqual({ unsynced: 1, oldestUnsyncedAt: T });
      const kept = await s.outboxFrom(1, 10);
      expect(kept.map((e) => e.ackedAt)).toEqual([T + 10, T + 10, null]);
      expect((await s.meta())?.rejected).toEqual([{ seq: 2, code: "invalid", message: "bad" }]);
      expect((await s.meta())?.cookie).toBeNull(); // the next pull rebuilds the mirror
      await s.ack(1, [], T + 20); // never backwards
      expect((await s.meta())?.ackedSeq).toBe(2);
      await s.ack(99, [], T + 30); // clamped to what exists
      expect((await s.meta())?.ackedSeq).toBe(3);
      expect(await s.prune(T + 15)).toBe(2);
      expect((await s.outboxFrom(1, 10)).map((e) => e.seq)).toEqual([3]);
    });

    it("applies pulled changes by merge; cookies never move backwards", async () => {
      const s = await ready();
      await s.applyPull(
        page({
          cookie: { epoch: "e1", v: 5 },
          changes: [{ op: "put", entity: serverEntity("x", "v1", 100, 5) }],
        }),
        T,
      );
      await s.applyPull(
        page({
          cookie: { epoch: "e1", v: 3 },
          changes: [{ op: "put", entity: serverEntity("x", "old", 50, 3) }],
        }),
        T,
      );
      expect((await s.meta())?.cookie).toEqual({ epoch: "e1", v: 5 });
      expect((await s.entity("x"))?.fields.what).toBe("v1");
      await s.applyPull(
        page({
          cookie: { epoch: "e1", v: 6 },
          changes: [
            {
              op: "del",
              id: "x",
              deletedHlc: hlcFormat({ ms: 200, counter: 0, node: "o" }),
              version: 6,
            },
          ],
        }),
        T,
      );
      const x = await s.entity("x");
      expect(x?.deletedHlc).not.toBeNull();
      expect(x?.version).toBe(6);
    });

    it("moves the local clock past every pulled stamp when this device's clock is a day behind", async () => {
      const s = await ready();
      const ahead = T + 86_400_000;
      await s.applyPull(
        page({
          serverTime: new Date(ahead).toISOString(),
          changes: [{ op: "put", entity: serverEntity("x", "from the server", ahead, 1) }],
        }),
        T,
      );
      expect((await s.meta())?.clockOffsetMs).toBe(86_400_000);
      const e = await s.commitLocal(
        { op: "obs.patch", id: "x", fields: { what: "seen, then edited" } },
        T,
      );
      expect((await s.entity("x"))?.fields.what).toBe("seen, then edited");
      // Stamped on the server's clock, not on this device's wrong one.
      expect(hlcWallMs(e.hlc)).toBeGreaterThanOrEqual(ahead);
    });

    it("a far-future pulled stamp does not carry the clock away; writes still work", async () => {
      const s = await ready();
      const evil = "999999999999999-zzzz-evil";
      await s.applyPull(
        page({
          changes: [
            {
              op: "put",
              entity: {
                ...serverEntity("x", "poisoned", T, 1),
                fieldHlc: { what: evil, channel: evil },
              },
            },
          ],
        }),
        T,
      );
      const e = await s.commitLocal({ op: "obs.patch", id: "x", fields: { why: "still" } }, T);
      expect(hlcWallMs(e.hlc)).toBeLessThanOrEqual(T + DEFAULT_MAX_DRIFT_MS + 1);
      expect(e.hlc).toMatch(HLC_PATTERN);
    });

    it("an ack re-queues writes refused only for their clock, with fresh seqs and server-corrected stamps", async () => {
      const s = await ready();
      const skew = 2 * 86_400_000; // this tablet runs two days ahead
      const a = await s.commitLocal(
        {
          op: "obs.create",
          id: "a",
          fields: { ...create("a").fields, capturedAt: new Date(T + skew).toISOString() },
        },
        T + skew,
      );
      const b = await s.commitLocal({ op: "obs.patch", id: "a", fields: { why: "x" } }, T + skew);
      const c = await s.commitLocal(create("c"), T + skew);
      await s.ack(
        3,
        [
          { seq: a.seq, code: "clock-ahead", message: "hlc ahead" },
          { seq: b.seq, code: "clock-ahead", message: "hlc ahead" },
          { seq: c.seq, code: "invalid", message: "bad" },
        ],
        T + skew,
        new Date(T).toISOString(),
      );
      const meta = await s.meta();
      expect(meta?.clockOffsetMs).toBe(-skew);
      expect(meta?.ackedSeq).toBe(3);
      expect(meta?.rejected.map((r) => r.code)).toEqual(["invalid"]); // the clock ones are not lost
      expect(meta?.cookie).toBeNull(); // the mirror is rebuilt on the next pull
      const again = await s.outboxFrom(4, 10);
      expect(again.map((e) => [e.seq, e.op, e.id])).toEqual([
        [4, "obs.create", "a"],
        [5, "obs.patch", "a"],
      ]);
      for (const e of again) {
        expect(hlcWallMs(e.hlc)).toBeLessThanOrEqual(T + DEFAULT_MAX_DRIFT_MS);
        expect(e.ackedAt).toBeNull();
      }
      // Moved back by the measured error, into the window the server accepts.
      expect(again[0]?.fields?.capturedAt).toBe(new Date(T).toISOString());
      expect(again[1]?.fields).toEqual({ why: "x" });
      expect(hlcCompare(again[1]?.hlc, again[0]?.hlc)).toBe(1);
      expect((await s.stats()).unsynced).toBe(2);
      // The same answer delivered twice re-queues nothing more.
      await s.ack(3, [{ seq: a.seq, code: "clock-ahead", message: "hlc ahead" }], T + skew);
      expect((await s.meta())?.nextSeq).toBe(6);
    });

    it("a reset fills staging, keeps the old mirror until the last page, then swaps and replays unsent writes", async () => {
      const s = await ready();
      await s.applyPull(
        page({
          cookie: { epoch: "e1", v: 1 },
          changes: [{ op: "put", entity: serverEntity("stale", "gone after reset", 10, 1) }],
        }),
        T,
      );
      await s.commitLocal(create("mine", "chưa gửi"), T);
      await s.applyPull(
        page({
          reset: true,
          hasMore: true,
          cookie: { epoch: "e2", v: 7, k: "p" },
          changes: [{ op: "put", entity: serverEntity("p", "page 1", 10, 7) }],
        }),
        T,
      );
      expect(await s.entity("stale")).toBeDefined(); // not swapped yet
      expect((await s.meta())?.cookie).toEqual({ epoch: "e1", v: 1 });
      expect((await s.meta())?.staging?.cookie).toEqual({ epoch: "e2", v: 7, k: "p" });
      await s.applyPull(
        page({
          cookie: { epoch: "e2", v: 9 },
          changes: [{ op: "put", entity: serverEntity("q", "page 2", 10, 9) }],
        }),
        T,
      );
      const ids = (await s.entities()).map((e) => e.id).sort();
      expect(ids).toEqual(["mine", "p", "q"]);
      expect((await s.meta())?.cookie).toEqual({ epoch: "e2", v: 9 });
      expect((await s.meta())?.staging).toBeNull();
    });

    it("resets back to back: each swap drops the old mirror, and the new one takes reads, writes and merges", async () => {
      const s = await ready();
      const reset = (id: string, v: number, epoch: string) =>
        s.applyPull(
          page({
            reset: true,
            cookie: { epoch, v },
            changes: [{ op: "put", entity: serverEntity(id, `from ${epoch}`, 10, v) }],
          }),
          T,
        );
      await reset("a", 1, "e1");
      await reset("b", 2, "e2");
      await s.commitLocal(create("mine", "sau lần đặt lại"), T);
      await s.applyPull(
        page({
          cookie: { epoch: "e2", v: 3 },
          changes: [{ op: "put", entity: serverEntity("b", "edited on the server", 20, 3) }],
        }),
        T,
      );
      expect((await s.entities()).map((e) => e.id).sort()).toEqual(["b", "mine"]);
      expect((await s.entity("b"))?.fields.what).toBe("edited on the server");
      await reset("c", 4, "e3");
      expect((await s.entities()).map((e) => e.id).sort()).toEqual(["c", "mine"]);
      expect(await s.entity("a")).toBeUndefined();
      expect(await s.entity("b")).toBeUndefined();
      expect((await s.entity("mine"))?.fields.what).toBe("sau lần đặt lại");
    });

    it("rejects a pull answer from another epoch without reset", async () => {
      const s = await ready();
      await s.applyPull(page({ cookie: { epoch: "e1", v: 1 } }), T);
      await expect(s.applyPull(page({ cookie: { epoch: "e9", v: 1 } }), T)).rejects.toThrow(
        /epoch/,
      );
      expect((await s.meta())?.cookie).toEqual({ epoch: "e1", v: 1 });
    });

    it("a pull answer's lastSeq acks the outbox", async () => {
      const s = await ready();
      await s.commitLocal(create("a"), T);
      await s.commitLocal(create("b"), T);
      await s.applyPull(page({ lastSeq: 1 }), T + 1);
      expect(await s.stats()).toEqual({ unsynced: 1, oldestUnsyncedAt: T });
    });

    it("a pull from a restored server that lost acked writes rewinds the ack so they are pushed again", async () => {
      const s = await ready();
      for (const id of ["a", "b", "c"]) await s.commitLocal(create(id), T);
      await s.ack(3, [], T + 1);
      await s.applyPull(
        page({ reset: true, cookie: { epoch: "restored", v: 0 }, lastSeq: 1 }),
        T + 2,
      );
      expect((await s.meta())?.ackedSeq).toBe(1);
      expect(await s.stats()).toEqual({ unsynced: 2, oldestUnsyncedAt: T });
      expect((await s.outboxFrom(2, 10)).map((e) => e.ackedAt)).toEqual([null, null]);
      // The mirror is rebuilt from the (empty) reset page plus the unsent writes.
      expect((await s.entities()).map((e) => e.id).sort()).toEqual(["b", "c"]);
    });

    it("rebase renumbers unsent writes after the server's seq space (re-paired under the same id)", async () => {
      const s = await ready();
      for (const id of ["a", "b", "c"]) await s.commitLocal(create(id), T);
      await s.ack(1, [], T);
      await s.rebase(2); // below nextSeq: nothing to do
      expect((await s.outboxFrom(1, 10)).map((e) => e.seq)).toEqual([1, 2, 3]);
      await s.rebase(7);
      expect((await s.outboxFrom(2, 10)).map((e) => [e.seq, e.id, e.ackedAt])).toEqual([
        [8, "b", null],
        [9, "c", null],
      ]);
      expect(await s.meta()).toMatchObject({ ackedSeq: 7, nextSeq: 10 });
      expect((await s.stats()).unsynced).toBe(2);
      const next = await s.commitLocal(create("d"), T);
      expect(next.seq).toBe(10);
    });
  });
}
