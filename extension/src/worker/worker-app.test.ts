// The whole worker on fakes: the BrowserApi seam (fake tabs whose content
// script is a function), fake-indexeddb for the sync database and blob
// storage, and a scripted server. Exercises the real routing, capture, sync
// and page-review paths end to end, without a browser.
import "fake-indexeddb/auto";
import { openIdbStorage } from "@sightline/browser/idb-storage";
import { UnsentExportSchema } from "@sightline/shared";
import { deleteDB } from "idb";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  contentSender,
  createFakeBrowser,
  type FakeBrowser,
  type FakeTab,
  pageSender,
} from "../../test/support/fake-browser-api.ts";
import { createFakeServer, type FakeServer } from "../../test/support/fake-server.ts";
import type { CaptureResult, ContentRequest, PageReport, SyncStatusView } from "../messages.ts";
import { openBlobStorage } from "./blob-storage.ts";
import type { Screenshotter } from "./screenshot.ts";
import { WATCH_ALARM, WATCH_PERIOD_MINUTES } from "./watch-service.ts";
import { openWatchStorage } from "./watch-storage.ts";
import { createWorkerApp, type WorkerApp } from "./worker-app.ts";

const URL_ = "https://dienmayxanhla.vn/tai-nghe/sony-wh-ch520";
const viewport = { width: 1280, height: 800, devicePixelRatio: 1 };
const prices = [{ amount: 1290000, currency: "VND", source: "json-ld" as const, raw: "1290000" }];
let dbSeq = 0;

type Ctx = {
  seq: number;
  /** The competitor's pages as the worker's fetch sees them (watched pages). */
  shop: Map<string, string>;
  browser: FakeBrowser;
  server: FakeServer;
  app: WorkerApp;
  tab: FakeTab;
  shots: number[];
  contentLog: ContentRequest[];
  /** Added to the real time the worker reads (a watch becomes due an hour after its last check). */
  clock: { offsetMs: number };
};

/** A worker on fakes; `from`: the same browser profile (storage, databases) after a worker restart. */
async function setup(from?: Ctx): Promise<Ctx> {
  const seq = from?.seq ?? ++dbSeq;
  const server = from?.server ?? createFakeServer();
  const shop = from?.shop ?? new Map<string, string>();
  const browser = createFakeBrowser(async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const html = shop.get(url);
    if (html !== undefined)
      return new Response(html, { headers: { "content-type": "text/html; charset=utf-8" } });
    return server.fetch(input, init);
  });
  if (from) for (const [k, v] of from.browser.storageLocal) browser.storageLocal.set(k, v);
  const blobs = await openBlobStorage(`worker-blobs-${seq}`);
  const watches = openWatchStorage(`worker-watches-${seq}`);
  const shots: number[] = [];
  const clock = from?.clock ?? { offsetMs: 0 };
  const screenshots: Screenshotter = {
    capture: async (windowId, _viewport, box) => {
      shots.push(windowId);
      return {
        bytes: new Uint8Array([1, 2, 3, box ? Math.round(box.width) : 0, shots.length]),
        type: "image/png",
      };
    },
  };
  const app = createWorkerApp({
    api: browser,
    blobs,
    openStorage: (name) => openIdbStorage(`${name}-${seq}`),
    deleteStorage: (name) => deleteDB(`${name}-${seq}`),
    screenshots,
    openWatchStorage: () => watches,
    // The compare step itself (DOM) is tested in capture/watch-compare.test.ts; here a
    // stand-in reads the element's text from <b id="p">…</b>, so the wiring is what is tested.
    comparePages: async (html, _url, targets) =>
      targets.map((t) => {
        const now = /<b id="p">([^<]*)<\/b>/.exec(html)?.[1];
        if (t.kind !== "element" || now === undefined) return { state: "gone" as const };
        const target = { ...t, text: now };
        if (now === t.text) return { state: "same" as const, target };
        return {
          state: "changed" as const,
          change: { kind: "price" as const, before: t.text, after: now },
          target,
          facts: { title: "Tai nghe Sony", prices: [] },
        };
      }),
    languages: ["en-US"],
    now: () => Date.now() + clock.offsetMs,
  });
  app.install();
  const tab: FakeTab = { id: 7, windowId: 1, url: URL_, title: "Tai nghe Sony", active: true };
  browser.tabsById.set(tab.id, tab);
  browser.active = tab.id;
  const contentLog: ContentRequest[] = [];
  browser.contentFor(tab.id, () => (m) => {
    const request = m as ContentRequest;
    contentLog.push(request);
    const base = {
      url: URL_,
      title: "Tai nghe Sony",
      viewport,
      facts: { title: "Tai nghe Sony", prices },
    };
    switch (request.type) {
      case "content.ping":
        return "pong";
      case "content.selection":
        return {
          ...base,
          kind: "selection",
          quote: "pin 50 giờ",
          selectors: [{ type: "TextQuoteSelector", exact: "pin 50 giờ" }],
          box: { x: 10, y: 10, width: 80, height: 16 },
        };
      case "content.page":
        return { ...base, kind: "visible" };
      case "content.pick":
        return { started: true };
      default:
        return { ok: true };
    }
  });
  return { seq, shop, browser, server, app, tab, shots, contentLog, clock };
}

const ask = <T>(ctx: Ctx, message: unknown) => ctx.browser.send(message, pageSender) as Promise<T>;
const pair = (ctx: Ctx) =>
  ask(ctx, { type: "pair", serverUrl: "https://s.example.vn", code: ctx.server.pairCode });
async function settle(ctx: Ctx) {
  const s = await ctx.app.sync.session();
  await s?.scheduler.idle();
}

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

  it("a watched element: the worker fetches the granted page, and one change becomes one observation on the server", async () => {
    await pair(ctx);
    await settle(ctx);
    ctx.browser.scriptable.add(ctx.tab.id);
    await ask(ctx, { type: "capture.start", kind: "element" });
    const element = {
      selector: "#p",
      text: "1.290.000₫",
      box: { x: 5, y: 6, width: 120, height: 30 },
    };
    const captured = (await ctx.browser.send(
      {
        type: "capture.submit",
        capture: {
          kind: "element",
          url: URL_,
          title: "Tai nghe Sony",
          box: element.box,
          viewport,
          facts: { prices, element },
        },
      },
      contentSender(ctx.tab),
    )) as { id: string };
    const added = await ask<{ ok: boolean; watch: { id: string; problem: string | null } }>(ctx, {
      type: "watch.add",
      observationId: captured.id,
    });
    // No access to the shop yet: said at once, and checking sends no request.
    expect(added).toMatchObject({ ok: true, watch: { problem: "no-permission" } });
    ctx.shop.set(URL_, '<html><body><b id="p">1.190.000₫</b></body></html>');
    ctx.browser.granted.add("https://dienmayxanhla.vn/*");
    const ui = ctx.browser.connectUi();
    const checked = await ask<{
      items: { changes: number; value: string; problem: string | null }[];
    }>(ctx, { type: "watch.check", id: added.watch.id });
    expect(checked.items[0]).toMatchObject({ changes: 1, value: "1.190.000₫", problem: null });
    expect(ui.events).toContainEqual({ type: "ui.watches" });
    await ctx.app.sync.syncNow();
    const recorded = [...ctx.server.observations.values()].filter((o) =>
      String((o as { what?: string }).what).includes("1.190.000₫"),
    );
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      channel: "web",
      method: "competitor-audit",
      what: "Price changed: 1.290.000₫ → 1.190.000₫",
      who: "ĐiệnMáyXanhLá",
      competitorId: "c1",
      url: URL_,
      needs: ["price"],
      note: expect.stringContaining("Found by Sightline re-checking a watched page."),
    });
    // Listed as watched, and removing the watch keeps the recorded observation.
    expect((await ask<{ items: unknown[] }>(ctx, { type: "watch.list" })).items).toHaveLength(1);
    await ask(ctx, { type: "watch.remove", id: added.watch.id });
    expect((await ask<{ items: unknown[] }>(ctx, { type: "watch.list" })).items).toEqual([]);
    expect(ctx.server.observations.size).toBeGreaterThanOrEqual(2);
  });

  it("the watch alarm is created every minute, and firing it runs the watch service's tick", async () => {
    expect(ctx.browser.alarmsCreated.get(WATCH_ALARM)).toBe(WATCH_PERIOD_MINUTES);
    await pair(ctx);
    await settle(ctx);
    const element = {
      selector: "#p",
      text: "1.290.000₫",
      box: { x: 5, y: 6, width: 120, height: 30 },
    };
    ctx.browser.scriptable.add(ctx.tab.id);
    await ask(ctx, { type: "capture.start", kind: "element" });
    const captured = (await ctx.browser.send(
      {
        type: "capture.submit",
        capture: {
          kind: "element",
          url: URL_,
          title: "Tai nghe Sony",
          box: element.box,
          viewport,
          facts: { prices, element },
        },
      },
      contentSender(ctx.tab),
    )) as { id: string };
    ctx.browser.granted.add("https://dienmayxanhla.vn/*");
    await ask(ctx, { type: "watch.add", observationId: captured.id });
    ctx.shop.set(URL_, '<html><body><b id="p">1.190.000₫</b></body></html>');
    const tick = vi.spyOn(ctx.app.watches, "tick");
    // Another alarm is not the watch's.
    ctx.browser.fire.alarm("sync");
    expect(tick).not.toHaveBeenCalled();
    // An hour later the watch is due: the alarm checks it without anyone asking.
    ctx.clock.offsetMs = 61 * 60_000;
    ctx.browser.fire.alarm(WATCH_ALARM);
    expect(tick).toHaveBeenCalledTimes(1);
    await tick.mock.results[0]?.value;
    const items = (
      await ask<{ items: { changes: number; value: string }[] }>(ctx, { type: "watch.list" })
    ).items;
    expect(items).toEqual([expect.objectContaining({ changes: 1, value: "1.190.000₫" })]);
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
    const submitted = await ctx.browser.send(
      {
        type: "capture.submit",
        capture: {
          kind: "element",
          url: URL_,
          title: "Tai nghe Sony",
          box: element.box,
          viewport,
          facts: { prices, element },
        },
      },
      contentSender(ctx.tab),
    );
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

  it("re-anchoring also serves teammates' captures of the page, which the server answers", async () => {
    await pair(ctx);
    await settle(ctx);
    ctx.browser.scriptable.add(ctx.tab.id);
    const mine = (await ask<CaptureResult>(ctx, { type: "capture.start", kind: "selection" })) as {
      id: string;
    };
    const teammate = {
      id: "0190a000-0000-7000-8000-0000000000aa",
      capturedAt: "2099-01-01T09:00:00+07:00",
      prices: [{ ...prices[0], amount: 1190000, raw: "1190000" }],
      element: { selector: "#summary", text: "Mua ngay" },
    };
    ctx.server.pageCaptures = [teammate];
    const hello = (await ctx.browser.send(
      { type: "page.hello", url: `${URL_}#specs` },
      contentSender(ctx.tab),
    )) as { captures: { id: string; quote?: string; prices?: unknown[] }[] };
    expect(ctx.server.pageCaptureQueries).toEqual([`${URL_}#specs`]);
    // The teammate's newer prices are what the page is compared with; mine keeps its quote.
    expect(hello.captures).toEqual([
      {
        id: teammate.id,
        capturedAt: teammate.capturedAt,
        selectors: [],
        elementSelector: "#summary",
        text: "Mua ngay",
        prices: teammate.prices,
      },
      expect.objectContaining({ id: mine.id, quote: "pin 50 giờ" }),
    ]);
    expect(hello.captures[1]?.prices).toBeUndefined();
    // Offline: this person's captures alone, no error.
    ctx.server.offline = true;
    const offline = (await ctx.browser.send(
      { type: "page.hello", url: `${URL_}#again` },
      contentSender(ctx.tab),
    )) as { captures: { id: string; prices?: unknown[] }[] };
    expect(offline.captures).toEqual([expect.objectContaining({ id: mine.id, prices })]);
  });

  it("re-anchoring: serves earlier captures of the page and records a detected change", async () => {
    await pair(ctx);
    await settle(ctx);
    ctx.browser.scriptable.add(ctx.tab.id);
    const r = (await ask<CaptureResult>(ctx, { type: "capture.start", kind: "selection" })) as {
      id: string;
    };
    const hello = (await ctx.browser.send(
      { type: "page.hello", url: `${URL_}#specs` },
      contentSender(ctx.tab),
    )) as { captures: { id: string; quote?: string; prices?: unknown[] }[] };
    expect(hello.captures).toEqual([
      expect.objectContaining({ id: r.id, quote: "pin 50 giờ", prices }),
    ]);
    const report: PageReport = {
      url: URL_,
      found: [],
      notFound: [r.id],
      changes: [
        {
          key: `${r.id}:price:0`,
          observationId: r.id,
          kind: "price",
          before: "1.290.000 ₫",
          after: "1.190.000 ₫",
        },
      ],
      facts: {
        title: "Tai nghe Sony",
        prices: [{ ...prices[0], amount: 1190000, raw: "1190000" }] as never,
      },
    };
    await ctx.browser.send({ type: "page.report", report }, contentSender(ctx.tab));
    const state = await ask<{ report: PageReport }>(ctx, { type: "page.state", tabId: ctx.tab.id });
    expect(state.report.notFound).toEqual([r.id]);
    expect(state.report.changes).toHaveLength(1);
    const recorded = await ask<{ ok: boolean; id: string }>(ctx, {
      type: "change.record",
      key: `${r.id}:price:0`,
      tabId: ctx.tab.id,
    });
    expect(recorded.ok).toBe(true);
    // Recorded changes are not offered again, and the new capture is the price baseline.
    expect(
      (await ask<{ report: PageReport }>(ctx, { type: "page.state", tabId: ctx.tab.id })).report
        .changes,
    ).toEqual([]);
    const again = (await ctx.browser.send(
      { type: "page.hello", url: URL_ },
      contentSender(ctx.tab),
    )) as { captures: { id: string; prices?: { amount: number }[] }[] };
    expect(again.captures.find((c) => c.prices)?.id).toBe(recorded.id);
    await ctx.app.sync.syncNow();
    expect(ctx.server.observations.get(recorded.id)).toMatchObject({
      what: "Price changed: 1.290.000 ₫ → 1.190.000 ₫",
      needs: ["price"],
    });
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
    const blobs = await openBlobStorage(`worker-blobs-${dbSeq}`);
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
