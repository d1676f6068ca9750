// The whole extension worker on fakes, shared by the worker-app.*.test.ts
// files: the BrowserApi seam (fake tabs whose content script is a function),
// fake-indexeddb for the sync database and blob storage, and a scripted
// server. One tab (id 7) on a competitor's product page is open and active.
import "fake-indexeddb/auto";
import { openIdbStorage } from "@sightline/browser/idb-storage";
import { deleteDB } from "idb";
import type { ContentRequest } from "../../src/messages.ts";
import { openBlobStorage } from "../../src/worker/blob-storage.ts";
import type { Screenshotter } from "../../src/worker/screenshot.ts";
import { openWatchStorage } from "../../src/worker/watch-storage.ts";
import { createWorkerApp, type WorkerApp } from "../../src/worker/worker-app.ts";
import {
  contentSender,
  createFakeBrowser,
  type FakeBrowser,
  type FakeTab,
  pageSender,
} from "./fake-browser-api.ts";
import { createFakeServer, type FakeServer } from "./fake-server.ts";

export const URL_ = "https://dienmayxanhla.vn/tai-nghe/sony-wh-ch520";
export const viewport = { width: 1280, height: 800, devicePixelRatio: 1 };
export const prices = [
  { amount: 1290000, currency: "VND", source: "json-ld" as const, raw: "1290000" },
];
let dbSeq = 0;

export type Ctx = {
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
export async function setup(from?: Ctx): Promise<Ctx> {
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

/** A message from an extension page (popup, side panel) and the worker's answer. */
export const ask = <T>(ctx: Ctx, message: unknown) =>
  ctx.browser.send(message, pageSender) as Promise<T>;
/** Pairs with the fake server's code. */
export const pair = (ctx: Ctx) =>
  ask(ctx, { type: "pair", serverUrl: "https://s.example.vn", code: ctx.server.pairCode });
/** Waits until the sync session has nothing scheduled (a pull after pairing, a push). */
export async function settle(ctx: Ctx) {
  const s = await ctx.app.sync.session();
  await s?.scheduler.idle();
}

/** An element the user picked on the page. */
export type PickedElement = {
  selector: string;
  text: string;
  box: { x: number; y: number; width: number; height: number };
};

/** What the content script's element picker sends the worker for `element` on the open tab. */
export const submitElement = (ctx: Ctx, element: PickedElement) =>
  ctx.browser.send(
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
