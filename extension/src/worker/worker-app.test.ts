// The worker on fakes (test/support/worker-on-fakes.ts): pairing, then each
// way of capturing (selection, element picker, event note, context menu) and
// what is refused (no access, privileged messages from a content script).
// The other worker-app.*.test.ts files take sync, watches, page review and
// revocation.
import { beforeEach, describe, expect, it } from "vitest";
import { contentSender } from "../../test/support/fake-browser-api.ts";
import {
  ask,
  type Ctx,
  pair,
  prices,
  settle,
  setup,
  submitElement,
} from "../../test/support/worker-on-fakes.ts";
import type { CaptureResult, SyncStatusView } from "../messages.ts";
import { openBlobStorage } from "./blob-storage.ts";

describe("worker", () => {
  let ctx: Ctx;
  beforeEach(async () => {
    ctx = await setup();
  });

  it("refuses to capture before pairing, pairs with a code, and pulls the workspace config", async () => {
    ctx.browser.scriptable.add(ctx.tab.id);
    expect(await ask<CaptureResult>(ctx, { type: "capture.start", kind: "selection" })).toEqual({
      ok: false,
      error: "not-paired",
    });
    expect(
      await ask(ctx, { type: "pair", serverUrl: "https://s.example.vn", code: "WRONG123" }),
    ).toMatchObject({ ok: false, error: "bad-code" });
    expect(await pair(ctx)).toEqual({ ok: true, workspaceId: "ws1" });
    await settle(ctx);
    const list = await ask<{ config: { competitors: unknown[]; tags: string[] } }>(ctx, {
      type: "observations.list",
      filter: {},
    });
    expect(list.config.competitors).toHaveLength(1);
    expect(list.config.tags).toEqual(["promo"]);
    const status = await ask<SyncStatusView>(ctx, { type: "status.get" });
    expect(status).toMatchObject({
      paired: true,
      workspaceName: "Demo",
      unsynced: 0,
      state: "idle",
    });
  });

  it("captures a selection as a web observation (competitor matched) and syncs it", async () => {
    await pair(ctx);
    await settle(ctx);
    ctx.browser.scriptable.add(ctx.tab.id);
    const ui = ctx.browser.connectUi();
    const r = await ask<CaptureResult>(ctx, { type: "capture.start", kind: "selection" });
    expect(r).toMatchObject({ ok: true, screenshot: "none" });
    const id = (r as { id: string }).id;
    expect(ui.events).toContainEqual({
      type: "ui.captured",
      id,
      elapsedMs: expect.any(Number),
      screenshot: "none",
    });
    await ctx.app.sync.syncNow();
    expect(ctx.server.observations.get(id)).toMatchObject({
      channel: "web",
      what: "pin 50 giờ",
      who: "ĐiệnMáyXanhLá",
      competitorId: "c1",
      evidence: { quote: "pin 50 giờ", facts: { prices } },
    });
    expect(ctx.shots).toEqual([]);
  });

  it("selection captures add a screenshot of the visible area when the setting is on, uploaded as a blob", async () => {
    await pair(ctx);
    await settle(ctx);
    ctx.browser.scriptable.add(ctx.tab.id);
    await ask(ctx, { type: "settings.set", patch: { selectionScreenshots: true } });
    const r = await ask<CaptureResult>(ctx, { type: "capture.start", kind: "selection" });
    expect(r).toMatchObject({ ok: true, screenshot: "saved" });
    expect(ctx.shots).toEqual([ctx.tab.windowId]);
    await ctx.app.sync.syncNow();
    const saved = ctx.server.observations.get((r as { id: string }).id) as {
      evidence: { quote: string; screenshot: string };
    };
    expect(saved.evidence.quote).toBe("pin 50 giờ");
    const blob = ctx.server.blobs.get(saved.evidence.screenshot);
    // The fake screenshotter writes the crop width in byte 3: 0 = the whole visible area.
    expect(blob?.[3]).toBe(0);
    // Off again: a selection keeps its quote only.
    await ask(ctx, { type: "settings.set", patch: { selectionScreenshots: false } });
    const again = await ask<CaptureResult>(ctx, { type: "capture.start", kind: "selection" });
    expect(again).toMatchObject({ ok: true, screenshot: "none" });
    expect(ctx.shots).toHaveLength(1);
  });

  it("reports missing access instead of failing silently", async () => {
    await pair(ctx);
    expect(await ask(ctx, { type: "capture.start", kind: "selection" })).toEqual({
      ok: false,
      error: "no-permission",
    });
    ctx.browser.tabsById.set(9, {
      id: 9,
      windowId: 1,
      url: "chrome://settings",
      title: "Settings",
    });
    expect(await ask(ctx, { type: "capture.start", kind: "selection", tabId: 9 })).toEqual({
      ok: false,
      error: "restricted",
    });
  });

  it("element picker: the content script submits, the worker screenshots, stores the blob, then writes", async () => {
    await pair(ctx);
    await settle(ctx);
    ctx.browser.scriptable.add(ctx.tab.id);
    expect(await ask(ctx, { type: "capture.start", kind: "element" })).toEqual({
      ok: true,
      started: true,
    });
    expect(ctx.contentLog.at(-1)).toMatchObject({
      type: "content.pick",
      mode: "element",
      hint: expect.stringContaining("Esc"),
    });
    const element = {
      selector: ".price-current",
      text: "1.290.000₫",
      box: { x: 5, y: 6, width: 120, height: 30 },
    };
    const submitted = await submitElement(ctx, element);
    expect(submitted).toMatchObject({ ok: true, screenshot: "saved" });
    expect(ctx.shots).toEqual([ctx.tab.windowId]);
    const status = await ask<SyncStatusView>(ctx, { type: "status.get" });
    expect(status.unsynced).toBe(1);
    await ctx.app.sync.syncNow();
    const saved = ctx.server.observations.get((submitted as { id: string }).id) as {
      evidence: { screenshot: string };
      what: string;
    };
    expect(saved.what).toBe("1.290.000₫");
    const put = ctx.server.log.findIndex(
      (l) => l.method === "PUT" && l.ids.includes(saved.evidence.screenshot),
    );
    const push = ctx.server.log.findIndex(
      (l) => l.path === "/v1/sync/push" && l.ids.includes((submitted as { id: string }).id),
    );
    expect(put).toBeGreaterThanOrEqual(0);
    expect(put).toBeLessThan(push);
  });

  it("content scripts cannot send privileged messages", async () => {
    const fromPage = ctx.browser.send(
      { type: "unpair", understood: 0, confirmed: 0 },
      contentSender(ctx.tab),
    );
    expect(fromPage).toBeUndefined();
    expect(
      ctx.browser.send(
        { type: "status.get" },
        { id: "someone-else", url: "https://evil.example/" },
      ),
    ).toBeUndefined();
  });

  it("event mode: notes with a photo become event observations", async () => {
    await pair(ctx);
    await settle(ctx);
    expect(await ask(ctx, { type: "event.note", text: "Booth demo queue 20 people" })).toEqual({
      ok: false,
      error: "no-event",
    });
    await ask(ctx, {
      type: "settings.set",
      patch: { eventMode: { active: true, eventName: "Vietnam Expo", booth: "B12" } },
    });
    const blobs = await openBlobStorage(`worker-blobs-${ctx.seq}`);
    const photo = await blobs.put(new Uint8Array([9, 9, 9]), "image/jpeg", Date.now());
    expect(await ask(ctx, { type: "event.note", text: "", photo: "f".repeat(64) })).toEqual({
      ok: false,
      error: "photo-missing",
    });
    const r = await ask<{ ok: true; id: string }>(ctx, {
      type: "event.note",
      text: "Hàng dài chờ dùng thử",
      photo,
      competitorId: "c1",
    });
    await ctx.app.sync.syncNow();
    expect(ctx.server.observations.get(r.id)).toMatchObject({
      channel: "event",
      method: "event-visit",
      eventName: "Vietnam Expo",
      booth: "B12",
      competitorId: "c1",
      evidence: { screenshot: photo },
    });
    expect(ctx.server.blobs.has(photo)).toBe(true);
  });

  it("creates the context menus in the chosen language and captures from them", async () => {
    ctx.browser.fire.installed();
    await new Promise((r) => setTimeout(r, 20));
    expect(ctx.browser.menuItems.map((m) => m.title)).toContain("Capture selection");
    await ask(ctx, { type: "settings.set", patch: { locale: "vi" } });
    await new Promise((r) => setTimeout(r, 20));
    expect(ctx.browser.menuItems.map((m) => m.title)).toContain("Ghi lại đoạn đã chọn");
    await pair(ctx);
    await settle(ctx);
    ctx.browser.scriptable.add(ctx.tab.id);
    ctx.browser.fire.menu("capture-selection", ctx.tab);
    await new Promise((r) => setTimeout(r, 50));
    expect((await ask<SyncStatusView>(ctx, { type: "status.get" })).unsynced).toBe(1);
  });
});
