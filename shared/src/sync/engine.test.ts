// Engine behaviour against a scripted transport: the status codes of
// docs/sync-protocol.md "Status codes".
// (End-to-end behaviour against the real server lives in the invariant suite.)
import { describe, expect, it } from "vitest";
import { createSyncEngine } from "./engine.ts";
import { createMemoryStorage } from "./memory-storage.ts";
import type { Mutation } from "./messages/mutation.ts";
import { type Cookie, PullRequestSchema } from "./messages/pull.ts";
import { PushRequestSchema } from "./messages/push.ts";
import type { SyncPath, Transport, TransportResponse } from "./transport.ts";
import { createUpcaster } from "./upcast.ts";

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

type Call = {
  path: SyncPath;
  body: { mutations?: Mutation[]; cookie?: Cookie | null; clientSchema?: number };
};

async function setup(
  reply: (c: Call, calls: Call[]) => TransportResponse | Promise<TransportResponse>,
  n = 3,
) {
  const storage = createMemoryStorage();
  await storage.init(DEV, "ws");
  const calls: Call[] = [];
  const transport: Transport = async (path, body) => {
    const c = { path, body: structuredClone(body) as Call["body"] };
    calls.push(c);
    return reply(c, calls);
  };
  const engine = createSyncEngine({ storage, transport, appVersion: "test", now: () => T });
  for (let i = 1; i <= n; i++) await engine.write(obs(i));
  return { engine, storage, calls };
}

const seqs = (c: Call) => c.body.mutations?.map((m) => m.seq);

describe("sync engine", () => {
  it("pushes, acks on a real answer, then pulls", async () => {
    const { engine, storage, calls } = await setup((c) =>
      c.path === "/v1/sync/push"
        ? { status: 200, body: { lastSeq: 3, version: 1, serverTime: "", rejected: [] } }
        : pullOk(3),
    );
    expect(await engine.sync()).toEqual({ ok: true, pushed: 3, pulled: 0 });
    expect(calls.map((c) => c.path)).toEqual(["/v1/sync/push", "/v1/sync/pull"]);
    expect(seqs(calls[0] as Call)).toEqual([1, 2, 3]);
    expect((await storage.stats()).unsynced).toBe(0);
  });

  it("reports its queue (storage.stats()) in every push and pull as `status`", async () => {
    const { engine, calls } = await setup((c) =>
      c.path === "/v1/sync/push"
        ? { status: 200, body: { lastSeq: 3, version: 1, serverTime: "", rejected: [] } }
        : pullOk(3),
    );
    await engine.sync();
    const status = (c: Call | undefined) => (c?.body as { status?: unknown } | undefined)?.status;
    // Before the push: 3 waiting since the first write; after it: none.
    expect(status(calls[0])).toEqual({ unsynced: 3, oldestUnsyncedAt: new Date(T).toISOString() });
    expect(status(calls[1])).toEqual({ unsynced: 0, oldestUnsyncedAt: null });
    expect(PushRequestSchema.safeParse(calls[0]?.body).success).toBe(true);
    expect(PullRequestSchema.safeParse(calls[1]?.body).success).toBe(true);
  });

  it("adds storagePersisted when it can tell", async () => {
    const storage = createMemoryStorage();
    await storage.init(DEV, "ws");
    const bodies: unknown[] = [];
    const engine = createSyncEngine({
      storage,
      appVersion: "test",
      now: () => T,
      storagePersisted: async () => true,
      transport: async (path, body) => {
        bodies.push(body);
        return path === "/v1/sync/push"
          ? { status: 200, body: { lastSeq: 0, version: 1, serverTime: "", rejected: [] } }
          : pullOk(0);
      },
    });
    await engine.sync();
    expect((bodies[0] as { status: unknown }).status).toEqual({
      unsynced: 0,
      oldestUnsyncedAt: null,
      storagePersisted: true,
    });
  });

  it("never treats a 200 without lastSeq (captive portal page) as an ack", async () => {
    const { engine, storage } = await setup(() => ({ status: 200, body: undefined }));
    const out = await engine.sync();
    expect(out).toMatchObject({ ok: false, failure: "bad-response" });
    expect((await storage.stats()).unsynced).toBe(3);
  });

  it("on 409 seq-gap resends from expectedSeq and acks what the server already has", async () => {
    const { engine, storage, calls } = await setup((c, all) => {
      if (c.path === "/v1/sync/pull") return pullOk(3);
      if (all.length === 1) return { status: 409, body: { error: "seq-gap", expectedSeq: 3 } };
      return { status: 200, body: { lastSeq: 3, version: 2, serverTime: "", rejected: [] } };
    });
    await engine.sync();
    expect(seqs(calls[1] as Call)).toEqual([3]);
    expect((await storage.meta())?.ackedSeq).toBe(3);
  });

  it("re-pushes acked entries when a restored server asks for an older seq", async () => {
    const { engine, storage, calls } = await setup((c, all) => {
      if (c.path === "/v1/sync/pull") return pullOk(3);
      if (all.length === 1)
        return { status: 200, body: { lastSeq: 3, version: 1, serverTime: "", rejected: [] } };
      return { status: 200, body: { lastSeq: 3, version: 1, serverTime: "", rejected: [] } };
    });
    await engine.sync();
    await engine.write(obs(4));
    calls.length = 0;
    // The server lost seq 2..3 (restored from backup): it answers 409 expecting 2.
    let first = true;
    const gapStorage = storage;
    const engine2 = createSyncEngine({
      storage: gapStorage,
      appVersion: "t",
      now: () => T,
      transport: async (path, body) => {
        calls.push({ path, body: structuredClone(body) as Call["body"] });
        if (path === "/v1/sync/pull") return pullOk(4);
        if (first) {
          first = false;
          return { status: 409, body: { error: "seq-gap", expectedSeq: 2 } };
        }
        return { status: 200, body: { lastSeq: 4, version: 3, serverTime: "", rejected: [] } };
      },
    });
    expect(await engine2.sync()).toMatchObject({ ok: true });
    expect(seqs(calls[0] as Call)).toEqual([4]);
    expect(seqs(calls[1] as Call)).toEqual([2, 3, 4]);
    void engine;
  });

  it("halves the batch on 413", async () => {
    const { engine, calls } = await setup((c) => {
      if (c.path === "/v1/sync/pull") return pullOk(4);
      const m = c.body.mutations ?? [];
      if (m.length > 1) return { status: 413, body: undefined };
      return {
        status: 200,
        body: { lastSeq: m[0]?.seq ?? 0, version: 1, serverTime: "", rejected: [] },
      };
    }, 4);
    expect(await engine.sync()).toMatchObject({ ok: true, pushed: 4 });
    expect(calls.filter((c) => c.path === "/v1/sync/push").map((c) => seqs(c)?.length)).toEqual([
      4, 2, 1, 1, 1, 1,
    ]);
  });

  it("reports Retry-After on 429/503 and keeps the queue", async () => {
    const { engine, storage } = await setup(() => ({
      status: 429,
      retryAfterMs: 7000,
      body: undefined,
    }));
    expect(await engine.sync()).toMatchObject({
      ok: false,
      failure: "rate-limited",
      retryAfterMs: 7000,
    });
    expect((await storage.stats()).unsynced).toBe(3);
  });

  it("stops on 401 (pair again) and 426 (update) without losing anything", async () => {
    for (const [status, failure] of [
      [401, "unauthorized"],
      [426, "too-old"],
    ] as const) {
      const { engine, storage } = await setup(() => ({ status, body: { title: "x" } }));
      expect(await engine.sync()).toMatchObject({ ok: false, failure });
      expect((await storage.stats()).unsynced).toBe(3);
    }
  });

  it("turns a network error into a failure outcome", async () => {
    const { engine } = await setup(() => {
      throw new TypeError("fetch failed");
    });
    expect(await engine.sync()).toMatchObject({
      ok: false,
      failure: "network",
      detail: "fetch failed",
    });
  });

  it("records server rejections for the UI", async () => {
    const { engine, storage } = await setup((c) =>
      c.path === "/v1/sync/push"
        ? {
            status: 200,
            body: {
              lastSeq: 3,
              version: 1,
              serverTime: "",
              rejected: [{ seq: 2, code: "forbidden", message: "other store" }],
            },
          }
        : pullOk(3),
    );
    await engine.sync();
    expect((await storage.meta())?.rejected).toEqual([
      { seq: 2, code: "forbidden", message: "other store" },
    ]);
  });

  it("keeps the queue and says why when a queued write cannot be upcast", async () => {
    const { storage } = await setup(() => pullOk(0), 2);
    const engine = createSyncEngine({
      storage,
      transport: async () => pullOk(0),
      appVersion: "3",
      clientSchema: 3,
      upcast: createUpcaster({ 2: (m) => m }, 3),
    });
    expect(await engine.sync()).toMatchObject({ ok: false, failure: "too-old" });
    expect((await storage.stats()).unsynced).toBe(2);
  });

  it("asks for the next page while storing one, and stores pages in order", async () => {
    const entity = (id: string) => ({
      id,
      workspaceId: "ws",
      createdBy: "other",
      fields: {},
      fieldHlc: {},
      deletedHlc: null,
      restoredHlc: null,
      version: 1,
    });
    const page = (k: string | undefined, hasMore: boolean, id: string): TransportResponse => ({
      status: 200,
      body: {
        cookie: k ? { epoch: "e", v: 1, k } : { epoch: "e", v: 1 },
        reset: id === "a",
        hasMore,
        lastSeq: 0,
        serverTime: "",
        changes: [{ op: "put", entity: entity(id) }],
      },
    });
    const { engine, storage, calls } = await setup(
      (c) =>
        c.body.cookie === null
          ? page("a", true, "a")
          : c.body.cookie?.k === "a"
            ? page("b", true, "b")
            : page(undefined, false, "c"),
      0,
    );
    const stored: string[] = [];
    const apply = storage.applyPull.bind(storage);
    storage.applyPull = async (p, now) => {
      stored.push(`${p.cookie.k ?? "end"} (requests so far: ${calls.length})`);
      await apply(p, now);
    };
    expect(await engine.sync()).toMatchObject({ ok: true, pulled: 3 });
    expect(calls.map((c) => c.body.cookie?.k ?? c.body.cookie)).toEqual([null, "a", "b"]);
    // Page a is stored once page b has been asked for, and so on.
    expect(stored).toEqual([
      "a (requests so far: 2)",
      "b (requests so far: 3)",
      "end (requests so far: 3)",
    ]);
    expect((await storage.entities()).map((e) => e.id).sort()).toEqual(["a", "b", "c"]);
  });

  it("drops the early answer when storing a page left the cookie elsewhere, and asks again", async () => {
    const head: Cookie = { epoch: "e", v: 5 };
    const answer = (cookie: Cookie, hasMore: boolean, ids: string[]): TransportResponse => ({
      status: 200,
      body: {
        cookie,
        reset: false,
        hasMore,
        lastSeq: 0,
        serverTime: "",
        changes: ids.map((id) => ({
          op: "del",
          id,
          deletedHlc: `${"1".padStart(15, "0")}-0000-x`,
          version: 1,
        })),
      },
    });
    let first = true;
    const { engine, storage, calls } = await setup((c) => {
      if (c.body.cookie === null) return answer(head, false, []);
      if (c.body.cookie?.k === "x") return answer(head, false, ["never"]);
      // An answer whose cookie is behind the client's: the client keeps its own.
      if (first) {
        first = false;
        return answer({ epoch: "e", v: 3, k: "x" }, true, []);
      }
      return answer(head, false, []);
    }, 0);
    await engine.sync();
    calls.length = 0;
    expect(await engine.sync()).toMatchObject({ ok: true });
    expect(calls.map((c) => c.body.cookie)).toEqual([head, { epoch: "e", v: 3, k: "x" }, head]);
    expect(await storage.entity("never")).toBeUndefined();
    expect((await storage.meta())?.cookie).toEqual(head);
  });
});
