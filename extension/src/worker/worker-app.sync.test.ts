// The worker's outbox on fakes: captures made offline wait and go out on the
// next alarm, edits travel as patches, and unpairing over unsent writes asks
// twice, naming the count.
import { beforeEach, describe, expect, it } from "vitest";
import { ask, type Ctx, pair, settle, setup, URL_ } from "../../test/support/worker-on-fakes.ts";
import type { CaptureResult, SyncStatusView } from "../messages.ts";

describe("worker", () => {
  let ctx: Ctx;
  beforeEach(async () => {
    ctx = await setup();
  });

  it("offline captures wait in the outbox with their age, and go out on the next alarm", async () => {
    await pair(ctx);
    await settle(ctx);
    ctx.browser.scriptable.add(ctx.tab.id);
    ctx.server.offline = true;
    const a = await ask<CaptureResult>(ctx, { type: "capture.start", kind: "selection" });
    const b = await ask<CaptureResult>(ctx, { type: "capture.start", kind: "visible" });
    expect(b).toMatchObject({ ok: true, screenshot: "saved" });
    const offline = await ctx.app.sync.syncNow();
    expect(offline).toMatchObject({
      unsynced: 2,
      state: "waiting",
      lastError: "network",
      pendingBlobs: 1,
    });
    expect(offline.oldestUnsyncedAt).not.toBeNull();
    ctx.server.offline = false;
    ctx.browser.fire.alarm("sync");
    await settle(ctx);
    const after = await ask<SyncStatusView>(ctx, { type: "status.get" });
    expect(after).toMatchObject({ unsynced: 0, pendingBlobs: 0 });
    expect(ctx.server.observations.has((a as { id: string }).id)).toBe(true);
    expect(ctx.server.observations.has((b as { id: string }).id)).toBe(true);
  });

  it("edits a capture's 5W1H as a patch and lists by page, competitor and tag", async () => {
    await pair(ctx);
    await settle(ctx);
    ctx.browser.scriptable.add(ctx.tab.id);
    const r = (await ask<CaptureResult>(ctx, { type: "capture.start", kind: "selection" })) as {
      id: string;
    };
    expect(
      await ask(ctx, {
        type: "observation.update",
        id: r.id,
        fields: { why: "Giá rẻ hơn", needs: ["price"], tags: ["promo"] },
      }),
    ).toEqual({ ok: true, id: r.id });
    const byTag = await ask<{
      items: { id: string; fields: Record<string, unknown>; pending: boolean }[];
    }>(ctx, { type: "observations.list", filter: { tag: "promo" } });
    expect(byTag.items.map((i) => i.id)).toEqual([r.id]);
    expect(byTag.items[0]?.pending).toBe(true);
    const byPage = await ask<{ items: unknown[] }>(ctx, {
      type: "observations.list",
      filter: { pageUrl: `${URL_}?utm_source=zalo#x` },
    });
    expect(byPage.items).toHaveLength(1);
    const other = await ask<{ items: unknown[] }>(ctx, {
      type: "observations.list",
      filter: { competitorId: "nobody" },
    });
    expect(other.items).toHaveLength(0);
    await ctx.app.sync.syncNow();
    expect(ctx.server.observations.get(r.id)).toMatchObject({
      why: "Giá rẻ hơn",
      needs: ["price"],
      tags: ["promo"],
    });
  });

  it("unpair over unsynced data needs both confirmations naming the count, then forgets the device", async () => {
    await pair(ctx);
    await settle(ctx);
    ctx.browser.scriptable.add(ctx.tab.id);
    ctx.server.offline = true;
    await ask(ctx, { type: "capture.start", kind: "selection" });
    expect(await ask(ctx, { type: "unpair" })).toEqual({ ok: false, unsynced: 1 });
    expect(await ask(ctx, { type: "unpair", understood: 1 })).toEqual({ ok: false, unsynced: 1 });
    expect(await ask(ctx, { type: "unpair", understood: 1, confirmed: 2 })).toEqual({
      ok: false,
      unsynced: 1,
    });
    await ask(ctx, { type: "capture.start", kind: "visible" });
    // A capture arrived since the confirmations: they name 1, now 3 would be lost (2 + a screenshot).
    expect(await ask(ctx, { type: "unpair", understood: 1, confirmed: 1 })).toEqual({
      ok: false,
      unsynced: 3,
    });
    expect((await ask<SyncStatusView>(ctx, { type: "status.get" })).unsynced).toBe(2);
    expect(await ask(ctx, { type: "unpair", understood: 3, confirmed: 3 })).toEqual({ ok: true });
    expect(await ask<SyncStatusView>(ctx, { type: "status.get" })).toMatchObject({
      paired: false,
      state: "unpaired",
    });
    expect(ctx.browser.storageLocal.has("pairing")).toBe(false);
  });
});
