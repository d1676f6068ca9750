// Blob-before-observation ordering, on the real shared engine with blob
// storage in fake-indexeddb and a scripted server that logs requests in order.
import "fake-indexeddb/auto";
import {
  createFetchTransport,
  createMemoryStorage,
  createSyncEngine,
  type SyncEngine,
} from "@sightline/shared";
import { beforeEach, describe, expect, it } from "vitest";
import { createFakeServer, type FakeServer } from "../../test/support/fake-server.ts";
import { type BlobStorage, openBlobStorage } from "./blob-storage.ts";
import { createBlobUploader } from "./blob-upload.ts";
import { gateTransport, referencedBlobs, withBlobUploads } from "./gated-transport.ts";

const DEVICE = "0193a1b2-0000-4000-8000-000000000001";
let n = 0;

async function setup() {
  const server: FakeServer = createFakeServer();
  server.devices.set(DEVICE, { token: "device-token", revoked: false, lastSeq: 0 });
  const blobs: BlobStorage = await openBlobStorage(`blobs-${++n}`);
  const storage = createMemoryStorage();
  await storage.init(DEVICE, "ws1");
  const access = async () => ({ baseUrl: "https://s.example.vn", token: "device-token" });
  const uploader = createBlobUploader({ blobs, fetch: server.fetch, server: access });
  const transport = gateTransport(
    createFetchTransport({
      baseUrl: "https://s.example.vn",
      token: () => "device-token",
      fetch: server.fetch,
    }),
    uploader,
  );
  const engine: SyncEngine = withBlobUploads(
    createSyncEngine({ storage, transport, appVersion: "test" }),
    uploader,
  );
  /** The capture path's order: blob stored first, then the observation. */
  const capture = async (id: string, bytes: Uint8Array | null) => {
    const screenshot = bytes ? await blobs.put(bytes, "image/png", Date.now()) : undefined;
    await engine.write({
      op: "obs.create",
      id,
      fields: {
        channel: "web",
        method: "competitor-audit",
        capturedAt: "2026-03-01T09:00:00+07:00",
        what: `capture ${id}`,
        ...(screenshot ? { evidence: { screenshot } } : {}),
      },
    });
    return screenshot;
  };
  return { server, blobs, engine, uploader, capture };
}

const png = (seed: number) => new Uint8Array([137, 80, 78, 71, seed, seed + 1, seed + 2]);
const pushIndex = (s: FakeServer, id: string) =>
  s.log.findIndex((r) => r.path === "/v1/sync/push" && r.ids.includes(id));
const putIndex = (s: FakeServer, sha: string) =>
  s.log.findIndex((r) => r.method === "PUT" && r.ids.includes(sha));

describe("blob before observation", () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  beforeEach(async () => {
    ctx = await setup();
  });

  it("uploads the screenshot before the push that references it", async () => {
    const sha = await ctx.capture("o1", png(1));
    const outcome = await ctx.engine.sync();
    expect(outcome.ok).toBe(true);
    expect(putIndex(ctx.server, sha as string)).toBeGreaterThanOrEqual(0);
    expect(putIndex(ctx.server, sha as string)).toBeLessThan(pushIndex(ctx.server, "o1"));
    expect(ctx.server.observations.get("o1")?.evidence).toEqual({ screenshot: sha });
    expect(await ctx.blobs.countPending()).toBe(0);
  });

  it("sends no push at all while a referenced blob cannot be uploaded", async () => {
    const sha = (await ctx.capture("o1", png(2))) as string;
    ctx.server.blobStatus = 503;
    const failed = await ctx.engine.sync();
    expect(failed).toMatchObject({ ok: false, failure: "network" });
    expect(pushIndex(ctx.server, "o1")).toBe(-1);
    expect((await ctx.engine.storage.stats()).unsynced).toBe(1);
    ctx.server.blobStatus = null;
    expect((await ctx.engine.sync()).ok).toBe(true);
    expect(ctx.server.blobs.has(sha)).toBe(true);
    expect(putIndex(ctx.server, sha)).toBeLessThan(pushIndex(ctx.server, "o1"));
  });

  it("the push itself is gated: a blob stored after the round's upload pass still goes first", async () => {
    // Simulate a capture landing between the upload pass and the push: call the
    // engine underneath the pre-round uploads by making the pass see nothing.
    const sha = (await ctx.capture("o2", png(3))) as string;
    const inner = createSyncEngine({
      storage: ctx.engine.storage,
      transport: gateTransport(
        createFetchTransport({
          baseUrl: "https://s.example.vn",
          token: () => "device-token",
          fetch: ctx.server.fetch,
        }),
        ctx.uploader,
      ),
      appVersion: "test",
    });
    expect((await inner.sync()).ok).toBe(true);
    expect(putIndex(ctx.server, sha)).toBeGreaterThanOrEqual(0);
    expect(putIndex(ctx.server, sha)).toBeLessThan(pushIndex(ctx.server, "o2"));
  });

  it("offline: nothing leaves, everything goes in order once back", async () => {
    ctx.server.offline = true;
    const a = (await ctx.capture("a", png(4))) as string;
    await ctx.capture("b", null);
    const c = (await ctx.capture("c", png(5))) as string;
    expect((await ctx.engine.sync()).ok).toBe(false);
    expect(ctx.server.log).toEqual([]);
    ctx.server.offline = false;
    expect((await ctx.engine.sync()).ok).toBe(true);
    for (const [sha, id] of [
      [a, "a"],
      [c, "c"],
    ] as const) {
      expect(putIndex(ctx.server, sha)).toBeLessThan(pushIndex(ctx.server, id));
    }
    expect([...ctx.server.observations.keys()].sort()).toEqual(["a", "b", "c"]);
  });

  it("a blob the server refuses for good does not block the queue", async () => {
    await ctx.capture("o3", png(6));
    ctx.server.blobStatus = 413;
    const outcome = await ctx.engine.sync();
    expect(outcome.ok).toBe(true);
    expect(ctx.server.observations.has("o3")).toBe(true);
    const [refused] = await Promise.all([ctx.blobs.pending()]);
    expect(refused).toEqual([]);
  });

  it("a 401 on a blob upload is reported as unauthorized (pair again), not retried as offline", async () => {
    await ctx.capture("o4", png(7));
    ctx.server.blobStatus = 401;
    expect(await ctx.engine.sync()).toMatchObject({ ok: false, failure: "unauthorized" });
  });
});

describe("referencedBlobs", () => {
  it("finds screenshot hashes in a push body", () => {
    expect(
      referencedBlobs({
        mutations: [
          { op: "obs.create", fields: { evidence: { screenshot: "x" } } },
          { op: "obs.patch", fields: { why: "y" } },
          { op: "obs.delete" },
        ],
      }),
    ).toEqual(["x"]);
    expect(referencedBlobs(null)).toEqual([]);
  });
});
