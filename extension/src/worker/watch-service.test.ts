// @vitest-environment happy-dom
// Watched pages: the scheduler (due watches, one request a minute per site,
// granted origins only) and the compare step (the real one, on the shop
// fixture parsed from HTML), over real IndexedDB storage (fake-indexeddb), a
// fake clock and a fake site that counts its requests.
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { fixtureHtml } from "../../test/fixtures/load-fixture.ts";
import { compareWatchedHtml } from "../capture/watch-compare.ts";
import {
  CHECK_INTERVAL_MS,
  createWatchService,
  SITE_GAP_MS,
  type WatchSource,
  type WriteResult,
} from "./watch-service.ts";
import { openWatchStorage, type WatchStorage } from "./watch-storage.ts";

const SHOP = "https://shop-a.vn";
const OTHER = "https://shop-b.vn";
const PAGE = fixtureHtml("vi-shop.html");

let dbCount = 0;

function world() {
  let now = Date.parse("2026-12-03T08:00:00Z");
  let ids = 0;
  /** What each URL serves now; a missing URL answers 404. */
  const pages = new Map<string, string>();
  const requests: string[] = [];
  const granted = new Set<string>([SHOP, OTHER]);
  const sources = new Map<string, WatchSource>();
  const outbox = new Map<string, Record<string, unknown>>();
  let writeAnswer: WriteResult = "ok";
  let compareFails = false;
  const storage = openWatchStorage(`watch-test-${dbCount++}`);
  const service = createWatchService({
    storage: () => storage,
    source: async (id) => sources.get(id) ?? null,
    active: async () => true,
    hasAccess: async (url) => granted.has(new URL(url).origin),
    async fetchPage(url) {
      requests.push(url);
      const html = pages.get(url);
      return html === undefined ? { ok: false, detail: "HTTP 404" } : { ok: true, html };
    },
    compare: async (html, url, targets) => {
      if (compareFails) throw new Error("offscreen document did not answer");
      return compareWatchedHtml(html, url, targets);
    },
    fields: async (_w, change) => ({ channel: "web", what: `${change.before} → ${change.after}` }),
    async write(id, fields) {
      if (writeAnswer !== "ok") return writeAnswer;
      if (!outbox.has(id)) outbox.set(id, fields);
      return "ok";
    },
    newId: () => `id-${++ids}`,
    now: () => now,
    changed: () => undefined,
  });
  /** A capture of the price element on `url` (as the panel's Watch button finds it). */
  const capture = (id: string, url: string) => {
    sources.set(id, {
      channel: "web",
      url,
      pageTitle: "Sony WH-CH520",
      evidence: {
        facts: { element: { selector: '[data-testid="product-price"]', text: "1.290.000₫" } },
      },
    });
  };
  return {
    service,
    storage,
    pages,
    requests,
    granted,
    outbox,
    capture,
    sources,
    advance: (ms: number) => {
      now += ms;
    },
    setWrite: (r: WriteResult) => {
      writeAnswer = r;
    },
    failCompare: (on: boolean) => {
      compareFails = on;
    },
  };
}

type World = ReturnType<typeof world>;
let w: World;
beforeEach(() => {
  w = world();
});

async function watch(id: string, url: string): Promise<string> {
  w.capture(id, url);
  w.pages.set(url, PAGE);
  const r = await w.service.add(id);
  if (!r.ok) throw new Error(r.error);
  return r.watch.id;
}

describe("watched pages: schedule and rate limit", () => {
  it("checks nothing before the interval; then each due page once", async () => {
    await watch("o1", `${SHOP}/p1`);
    await w.service.tick();
    expect(w.requests).toEqual([]);
    w.advance(CHECK_INTERVAL_MS);
    await w.service.tick();
    expect(w.requests).toEqual([`${SHOP}/p1`]);
    await w.service.tick();
    expect(w.requests).toHaveLength(1); // checked: not due again for an interval
  });

  it("one request a minute per site: two pages of one site are fetched a minute apart", async () => {
    await watch("o1", `${SHOP}/p1`);
    await watch("o2", `${SHOP}/p2`);
    await watch("o3", `${OTHER}/p3`);
    w.advance(CHECK_INTERVAL_MS);
    await w.service.tick();
    // One page of each site.
    expect(w.requests.sort()).toEqual([`${SHOP}/p1`, `${OTHER}/p3`]);
    w.advance(SITE_GAP_MS - 1);
    await w.service.tick();
    expect(w.requests).toHaveLength(2);
    w.advance(1);
    await w.service.tick();
    expect(w.requests).toHaveLength(3);
    expect(w.requests[2]).toBe(`${SHOP}/p2`);
  });

  it("watches of the same page share one request", async () => {
    await watch("o1", `${SHOP}/p1`);
    w.sources.set("o2", {
      channel: "web",
      url: `${SHOP}/p1`,
      evidence: { facts: { element: { selector: "ul.promo", text: "x" } } },
    });
    expect((await w.service.add("o2")).ok).toBe(true);
    w.advance(CHECK_INTERVAL_MS);
    await w.service.tick();
    expect(w.requests).toEqual([`${SHOP}/p1`]);
    const views = await w.service.list();
    expect(views.every((v) => v.lastCheckedAt !== null)).toBe(true);
  });

  it("Check now still respects the site's minute", async () => {
    const id = await watch("o1", `${SHOP}/p1`);
    await w.service.checkNow(id);
    expect(w.requests).toHaveLength(1);
    const [v] = await w.service.checkNow(id);
    expect(w.requests).toHaveLength(1);
    expect(v?.nextCheckAt).toBeGreaterThan(Date.parse("2026-12-03T08:00:00Z"));
    w.advance(SITE_GAP_MS);
    await w.service.checkNow(id);
    expect(w.requests).toHaveLength(2);
  });

  it("watching a page on a site without access says so at once; granting it checks at the next tick", async () => {
    w.granted.clear();
    await watch("o1", `${SHOP}/p1`);
    expect((await w.service.list())[0]).toMatchObject({ problem: "no-permission" });
    await w.service.tick();
    expect(w.requests).toEqual([]);
    w.granted.add(SHOP);
    w.advance(60_000);
    await w.service.tick();
    expect(w.requests).toEqual([`${SHOP}/p1`]);
    expect((await w.service.list())[0]).toMatchObject({ problem: null });
  });

  it("an origin the user has not granted is never requested, and the watch says why", async () => {
    const id = await watch("o1", `${SHOP}/p1`);
    w.granted.clear();
    await w.service.checkNow(id);
    expect(w.requests).toEqual([]);
    expect((await w.service.list())[0]).toMatchObject({ problem: "no-permission" });
    w.granted.add(SHOP);
    w.advance(CHECK_INTERVAL_MS);
    await w.service.tick();
    expect(w.requests).toHaveLength(1);
    expect((await w.service.list())[0]).toMatchObject({ problem: null });
  });

  it("a page that could not be parsed is said for its watches; other sites are still checked", async () => {
    const a = await watch("o1", `${SHOP}/p1`);
    await watch("o3", `${OTHER}/p3`);
    w.failCompare(true);
    w.advance(CHECK_INTERVAL_MS);
    await w.service.tick();
    expect(w.requests).toHaveLength(2);
    const views = await w.service.list();
    expect(views.every((v) => v.problem === "fetch-failed")).toBe(true);
    expect(views.find((v) => v.id === a)?.problemDetail).toBe("unreadable");
    w.failCompare(false);
    w.advance(CHECK_INTERVAL_MS);
    await w.service.tick();
    expect((await w.service.list()).every((v) => v.problem === null)).toBe(true);
  });

  it("a failed fetch and a vanished element are said, not recorded", async () => {
    const a = await watch("o1", `${SHOP}/p1`);
    const b = await watch("o3", `${OTHER}/p3`);
    w.pages.delete(`${SHOP}/p1`);
    w.pages.set(`${OTHER}/p3`, PAGE.replace('data-testid="product-price"', ""));
    await w.service.checkNow(a);
    await w.service.checkNow(b);
    const byId = new Map((await w.service.list()).map((v) => [v.id, v]));
    expect(byId.get(a)).toMatchObject({ problem: "fetch-failed", problemDetail: "HTTP 404" });
    expect(byId.get(b)).toMatchObject({ problem: "gone" });
    expect(w.outbox.size).toBe(0);
  });
});

describe("watched pages: a change is recorded once", () => {
  it("the price changed: one observation; the next checks of the same page record nothing", async () => {
    const id = await watch("o1", `${SHOP}/p1`);
    w.pages.set(`${SHOP}/p1`, PAGE.replaceAll("1.290.000₫", "1.190.000₫"));
    await w.service.checkNow(id);
    expect(w.outbox.size).toBe(1);
    expect([...w.outbox.values()][0]?.what).toMatch(/1\.290\.000.*→.*1\.190\.000/);
    for (let i = 0; i < 3; i++) {
      w.advance(CHECK_INTERVAL_MS);
      await w.service.tick();
    }
    expect(w.requests).toHaveLength(4);
    expect(w.outbox.size).toBe(1);
    const [v] = await w.service.list();
    expect(v).toMatchObject({ changes: 1, problem: null });
    expect(v?.value).toBe("1.190.000₫");
    // A second real change is a second observation.
    w.pages.set(`${SHOP}/p1`, PAGE.replaceAll("1.290.000₫", "990.000₫"));
    w.advance(CHECK_INTERVAL_MS);
    await w.service.tick();
    expect(w.outbox.size).toBe(2);
  });

  it("a change decided while writes are refused (revoked) is kept and written once later", async () => {
    const id = await watch("o1", `${SHOP}/p1`);
    w.pages.set(`${SHOP}/p1`, PAGE.replaceAll("1.290.000₫", "1.190.000₫"));
    w.setWrite("revoked");
    await w.service.checkNow(id);
    expect(w.outbox.size).toBe(0);
    w.setWrite("ok");
    w.advance(SITE_GAP_MS);
    await w.service.tick(); // not due: only the pending write goes out
    await w.service.tick();
    expect(w.outbox.size).toBe(1);
    expect(w.requests).toHaveLength(1);
    const stored = await (await w.storage).list();
    expect(stored[0]?.pending).toBeUndefined();
  });

  it("survives a worker restart: the storage keeps the new value and the site's last request", async () => {
    const id = await watch("o1", `${SHOP}/p1`);
    w.pages.set(`${SHOP}/p1`, PAGE.replaceAll("1.290.000₫", "1.190.000₫"));
    await w.service.checkNow(id);
    const s: WatchStorage = await w.storage;
    const [stored] = await s.list();
    expect(stored?.target).toMatchObject({ kind: "element", text: "1.190.000₫" });
    expect(await s.lastRequestAt(SHOP)).toBe(Date.parse("2026-12-03T08:00:00Z"));
  });

  it("a capture with nothing to follow (no element, no price) cannot be watched", async () => {
    w.sources.set("o9", { channel: "web", url: `${SHOP}/p9`, evidence: { facts: {} } });
    expect(await w.service.add("o9")).toEqual({ ok: false, error: "nothing-to-watch" });
    expect(await w.service.add("missing")).toEqual({ ok: false, error: "not-found" });
  });
});
