// A revoked device loses nothing: after a 401 the worker keeps its queue
// (through a restart too), exports it, and re-admission with a new code
// pushes it once on the same device id and seq line. The worker on fakes.
import { UnsentExportSchema } from "@sightline/shared";
import { beforeEach, describe, expect, it } from "vitest";
import { ask, type Ctx, pair, settle, setup } from "../../test/support/worker-on-fakes.ts";
import type { SyncStatusView } from "../messages.ts";

describe("worker: revocation without loss", () => {
  let ctx: Ctx;
  beforeEach(async () => {
    ctx = await setup();
  });

  const deviceId = async (c: Ctx) => (await c.app.sync.session())?.pairing.deviceId as string;
  /** Paired, one capture synced, then two captures (one with a screenshot) offline, then revoked. */
  async function revokedWithQueue(c: Ctx) {
    await pair(c);
    await settle(c);
    c.browser.scriptable.add(c.tab.id);
    const synced = await ask<{ id: string }>(c, { type: "capture.start", kind: "selection" });
    await c.app.sync.syncNow();
    c.server.offline = true;
    const a = await ask<{ id: string }>(c, { type: "capture.start", kind: "selection" });
    const b = await ask<{ id: string }>(c, { type: "capture.start", kind: "visible" });
    c.server.revoke(await deviceId(c));
    c.server.offline = false;
    const status = await ask<SyncStatusView>(c, { type: "sync.now" });
    expect(status).toMatchObject({ state: "unauthorized", lastError: "unauthorized", unsynced: 2 });
    return { synced: synced.id, queued: [a.id, b.id] };
  }

  it("after a 401, captures and edits are refused with a clear error, the queue is kept, and it stays so after a worker restart", async () => {
    const { queued } = await revokedWithQueue(ctx);
    const requests = ctx.server.log.length;
    expect(await ask(ctx, { type: "capture.start", kind: "selection" })).toEqual({
      ok: false,
      error: "revoked",
    });
    expect(
      await ask(ctx, { type: "observation.update", id: queued[0], fields: { why: "giá rẻ" } }),
    ).toEqual({ ok: false, error: "revoked" });
    expect((ctx.browser.storageLocal.get("pairing") as { revokedAt?: number }).revokedAt).toEqual(
      expect.any(Number),
    );
    const list = await ask<{ items: { id: string; pending: boolean }[] }>(ctx, {
      type: "observations.list",
      filter: {},
    });
    expect(
      list.items
        .filter((i) => i.pending)
        .map((i) => i.id)
        .sort(),
    ).toEqual([...queued].sort());
    // Sync now and the alarm cannot help a dead token: no request goes out.
    expect(await ask(ctx, { type: "sync.now" })).toMatchObject({ state: "unauthorized" });
    ctx.browser.fire.alarm("sync");
    await new Promise((r) => setTimeout(r, 20));
    expect(ctx.server.log.length).toBe(requests);

    const restarted = await setup(ctx);
    restarted.browser.scriptable.add(restarted.tab.id);
    expect(await ask(restarted, { type: "status.get" })).toMatchObject({
      state: "unauthorized",
      unsynced: 2,
    });
    expect(await ask(restarted, { type: "capture.start", kind: "selection" })).toEqual({
      ok: false,
      error: "revoked",
    });
    expect(ctx.server.log.length).toBe(requests);
  });

  it("exports exactly the unsent writes as sightline-unsent files", async () => {
    const { queued } = await revokedWithQueue(ctx);
    const { files } = await ask<{ files: { name: string; text: string; mutations: number }[] }>(
      ctx,
      { type: "export.unsent" },
    );
    expect(files).toHaveLength(1);
    const file = UnsentExportSchema.parse(JSON.parse(files[0]?.text ?? ""));
    expect(file).toMatchObject({
      deviceId: await deviceId(ctx),
      workspaceId: "ws1",
      kind: "extension",
    });
    expect(file.mutations.map((m) => [m.seq, m.id])).toEqual([
      [2, queued[0]],
      [3, queued[1]],
    ]);
    expect(files[0]?.mutations).toBe(2);
    expect((await ask<SyncStatusView>(ctx, { type: "status.get" })).unsynced).toBe(2);
  });

  it("re-admission with a new code keeps the device id and database and pushes the whole queue once", async () => {
    const { synced, queued } = await revokedWithQueue(ctx);
    const id = await deviceId(ctx);
    expect(await ask(ctx, { type: "reconnect", code: "WRONG123" })).toMatchObject({
      ok: false,
      error: "bad-code",
    });
    expect(await ask(ctx, { type: "status.get" })).toMatchObject({ state: "unauthorized" });
    expect(await ask(ctx, { type: "reconnect", code: ctx.server.pairCode })).toEqual({
      ok: true,
      workspaceId: "ws1",
    });
    await settle(ctx);
    expect(await ask(ctx, { type: "status.get" })).toMatchObject({
      state: "idle",
      unsynced: 0,
      pendingBlobs: 0,
    });
    expect(await deviceId(ctx)).toBe(id);
    expect(ctx.browser.storageLocal.get("pairing")).not.toHaveProperty("revokedAt");
    const pushed = ctx.server.log.filter((l) => l.path === "/v1/sync/push").flatMap((l) => l.ids);
    expect(pushed).toEqual([synced, ...queued]);
    expect(ctx.server.devices.get(id)?.lastSeq).toBe(3);
    expect([...ctx.server.observations.keys()]).toEqual([synced, ...queued]);
    // Captures are taken again, on the same seq line.
    expect(await ask(ctx, { type: "capture.start", kind: "selection" })).toMatchObject({
      ok: true,
    });
    await ctx.app.sync.syncNow();
    expect(ctx.server.devices.get(id)?.lastSeq).toBe(4);
  });

  it("re-admission refused as device-id-taken changes nothing and keeps the queue", async () => {
    await revokedWithQueue(ctx);
    const id = await deviceId(ctx);
    const before = ctx.browser.storageLocal.get("pairing");
    ctx.server.devices.set(id, { token: "someone-else", revoked: false, lastSeq: 0 });
    expect(await ask(ctx, { type: "reconnect", code: ctx.server.pairCode })).toMatchObject({
      ok: false,
      error: "device-id-taken",
    });
    expect(ctx.browser.storageLocal.get("pairing")).toEqual(before);
    expect(await ask(ctx, { type: "status.get" })).toMatchObject({
      state: "unauthorized",
      unsynced: 2,
    });
  });

  it("a fresh pairing whose id the server knows with lastSeq 7 starts at seq 8", async () => {
    ctx.server.pairLastSeq = 7;
    await pair(ctx);
    await settle(ctx);
    ctx.browser.scriptable.add(ctx.tab.id);
    const r = await ask<{ id: string }>(ctx, { type: "capture.start", kind: "selection" });
    const session = await ctx.app.sync.session();
    expect((await session?.storage.outboxFrom(1, 10))?.map((e) => e.seq)).toEqual([8]);
    await ctx.app.sync.syncNow();
    expect(ctx.server.observations.has(r.id)).toBe(true);
    expect(ctx.server.devices.get(await deviceId(ctx))?.lastSeq).toBe(8);
  });

  it("unpairing a revoked install with unsent writes still needs both confirmations", async () => {
    await revokedWithQueue(ctx);
    // 2 writes and the screenshot of the second one.
    expect(await ask(ctx, { type: "unpair", understood: 3 })).toEqual({ ok: false, unsynced: 3 });
    expect(await ask(ctx, { type: "status.get" })).toMatchObject({ paired: true, unsynced: 2 });
    expect(await ask(ctx, { type: "unpair", understood: 3, confirmed: 3 })).toEqual({ ok: true });
  });
});
