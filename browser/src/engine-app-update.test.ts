// The sync engine on IndexedDB across an app update: the old build's queue,
// read by the new build's engine.
import "fake-indexeddb/auto";
import { createSyncEngine } from "@sightline/shared/sync/engine";
import type { Mutation } from "@sightline/shared/sync/messages/mutation";
import type { Transport, TransportResponse } from "@sightline/shared/sync/transport";
import { createUpcaster } from "@sightline/shared/sync/upcast";
import { openDB } from "idb";
import { describe, expect, it } from "vitest";
import { openIdbStorage } from "./idb-storage.ts";

const DEV = "0193a1b2-0000-7000-8000-000000000001";
const T = Date.UTC(2026, 10, 24, 3);
const obs = (i: number) => ({
  op: "obs.create" as const,
  id: `o${i}`,
  fields: {
    channel: "web",
    method: "competitor-audit",
    capturedAt: "2026-11-24T10:00:00+07:00",
    what: `quote ${i}`,
  },
});
const pullOk = (lastSeq: number): TransportResponse => ({
  status: 200,
  body: {
    cookie: { epoch: "e", v: 1 },
    reset: false,
    hasMore: false,
    lastSeq,
    serverTime: "",
    changes: [],
  },
});

// An app update with writes still queued: the old build's entries sit in
// IndexedDB (one from before entries named their schema at all); the new
// build's engine pushes them upcast to its schema, in one push with its own.
describe("sync engine after an app update", () => {
  it("pushes writes queued by the old build upcast to the new schema, never the local stamp", async () => {
    const name = "upcast-after-update";
    const sent: { clientSchema: number; mutations: Mutation[] }[] = [];
    const transport: Transport = async (path, body) => {
      if (path === "/v1/sync/push") sent.push(structuredClone(body) as never);
      return path === "/v1/sync/push"
        ? { status: 200, body: { lastSeq: 4, version: 1, serverTime: "", rejected: [] } }
        : pullOk(4);
    };

    // Build 1 queues three writes offline…
    const before = await openIdbStorage(name);
    await before.init(DEV, "ws");
    const old = createSyncEngine({ storage: before, transport, appVersion: "1", now: () => T });
    for (let i = 1; i <= 3; i++) await old.write(obs(i));
    // …the third as a build from before entries named their schema stored it.
    const raw = await openDB(name);
    const third = await raw.get("outbox", 3);
    delete third.schema;
    await raw.put("outbox", third);
    raw.close();

    // Build 2 (its schema 2 renamed `what` → `summary`, say) opens the same database.
    const storage = await openIdbStorage(name);
    expect((await storage.outboxFrom(1, 10)).map((e) => e.schema)).toEqual([1, 1, undefined]);
    const updated = createSyncEngine({
      storage,
      transport,
      appVersion: "2",
      now: () => T,
      clientSchema: 2,
      upcast: createUpcaster(
        {
          1: (m) => {
            const { what, ...rest } = m.fields ?? {};
            return { ...m, fields: { ...rest, summary: what } };
          },
        },
        2,
      ),
    });
    await updated.write(obs(4));
    expect((await storage.outboxFrom(4, 1))[0]?.schema).toBe(2);
    expect(await updated.sync()).toMatchObject({ ok: true, pushed: 4 });

    expect(sent).toHaveLength(1);
    const [push] = sent;
    expect(push?.clientSchema).toBe(2);
    expect(push?.mutations.map((m) => [m.seq, m.fields?.summary, m.fields?.what])).toEqual([
      [1, "quote 1", undefined],
      [2, "quote 2", undefined],
      [3, "quote 3", undefined],
      [4, undefined, "quote 4"], // written by build 2: sent as written
    ]);
    expect(push?.mutations.some((m) => "schema" in m)).toBe(false);
    expect((await storage.stats()).unsynced).toBe(0);
  });
});
