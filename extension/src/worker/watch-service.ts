// Watched pages: a marketer watches a captured price or element, and the
// worker re-checks the page on a schedule without anyone visiting it. On each
// tick (the `watch` alarm, or "Check now"):
//   - a change decided earlier but not yet in the outbox is written first;
//   - due watches are grouped by site; a site gets at most one request per
//     SITE_GAP_MS (one a minute), one page per request, every watch of that
//     page compared on the same response; other pages of the site wait;
//   - only origins the user granted are fetched (no permission: the watch says
//     so and no request goes out);
//   - a changed price or text becomes ONE `web` observation through the sync
//     outbox (offline-safe), and the watch's target becomes the new value in
//     the same step, so the next check does not record it again.
// Fetching and parsing are seams: the worker fetches with its host access,
// and the compare step runs where a DOMParser exists (an offscreen document in
// Chromium, the event page in Firefox).
import type { PageFacts, Price } from "@sightline/shared";
import { mainPrice } from "@sightline/shared/main-price";
import {
  formatAmount,
  type WatchChange,
  type WatchOutcome,
  type WatchTarget,
} from "../capture/watch-target.ts";
import type { WatchAddResult, WatchView } from "../messages.ts";
import type { Watch, WatchStorage } from "./watch-storage.ts";

/** How often a watched page is re-checked. */
export const CHECK_INTERVAL_MS = 60 * 60_000;
/** At most one request per site in this time. */
export const SITE_GAP_MS = 60_000;
/** The `watch` alarm's period (Chromium's minimum is 30 s). */
export const WATCH_ALARM = "watch";
export const WATCH_PERIOD_MINUTES = 1;

/**
 * `detail` says why a fetch failed, as a code the panel translates
 * (timeout, network, not-html, too-large) or "HTTP <status>".
 */
export type FetchedPage = { ok: true; html: string } | { ok: false; detail: string };

/** The capture a watch starts from (its stored fields). */
export type WatchSource = {
  url?: string | undefined;
  pageTitle?: string | undefined;
  competitorId?: string | undefined;
  channel?: string | undefined;
  evidence?: {
    facts?: {
      element?: { selector: string; text?: string } | undefined;
      prices?: Price[] | undefined;
    };
  };
};

export type WriteResult = "ok" | "unpaired" | "revoked" | "refused";

export type WatchServiceDeps = {
  storage(): Promise<WatchStorage>;
  /** The stored fields of a capture, or null when it is not in the local mirror. */
  source(observationId: string): Promise<WatchSource | null>;
  /** Paired and not revoked: otherwise nothing is fetched or recorded. */
  active(): Promise<boolean>;
  hasAccess(url: string): Promise<boolean>;
  fetchPage(url: string): Promise<FetchedPage>;
  compare(html: string, url: string, targets: WatchTarget[]): Promise<WatchOutcome[]>;
  /** The observation a recorded change becomes. */
  fields(w: Watch, change: WatchChange, facts: PageFacts): Promise<Record<string, unknown>>;
  /** Into the outbox; "ok" too when an observation with this id is already there. */
  write(id: string, fields: Record<string, unknown>): Promise<WriteResult>;
  newId(): string;
  now(): number;
  changed(): void;
  intervalMs?: number;
  siteGapMs?: number;
};

/** What to follow on a capture: its element, else the page's main price. */
export function watchTargetOf(f: WatchSource): WatchTarget | null {
  if (f.channel !== "web" || !f.url || !/^https?:\/\//i.test(f.url)) return null;
  const element = f.evidence?.facts?.element;
  if (element?.selector && element.text !== undefined)
    return { kind: "element", selector: element.selector, text: element.text };
  // The same price the server's competitor-price-change rule compares.
  const main = mainPrice(f.evidence?.facts?.prices);
  return main ? { kind: "price", price: main } : null;
}

export function siteOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

export function createWatchService(d: WatchServiceDeps) {
  const interval = d.intervalMs ?? CHECK_INTERVAL_MS;
  const gap = d.siteGapMs ?? SITE_GAP_MS;
  let running: Promise<void> = Promise.resolve();

  async function view(s: WatchStorage, w: Watch): Promise<WatchView> {
    const last = await s.lastRequestAt(siteOf(w.url));
    const t = w.target;
    return {
      id: w.id,
      observationId: w.observationId,
      url: w.url,
      title: w.title,
      kind: t.kind,
      value: t.kind === "price" ? formatAmount(t.price) : t.text.slice(0, 300),
      lastCheckedAt: w.lastCheckedAt,
      lastChangedAt: w.lastChangedAt,
      nextCheckAt: Math.max(w.nextCheckAt, last === undefined ? 0 : last + gap),
      changes: w.changes,
      problem: w.problem,
      ...(w.problemDetail ? { problemDetail: w.problemDetail } : {}),
    };
  }

  /** Write a decided change; clear it from the watch once it is in the outbox. */
  async function flush(s: WatchStorage, w: Watch): Promise<Watch> {
    if (!w.pending) return w;
    const r = await d.write(w.pending.id, w.pending.fields);
    if (r === "unpaired" || r === "revoked") return w; // kept for when writes are accepted again
    // "refused" (the engine's own validation): keeping it would retry forever.
    const next = { ...w, pending: undefined };
    await s.put(next);
    return next;
  }

  /** Check one page of a site: one request, every due watch of that page. */
  async function checkPage(s: WatchStorage, url: string, group: Watch[], now: number) {
    const done = (w: Watch, patch: Partial<Watch>): Watch => ({
      ...w,
      lastCheckedAt: now,
      nextCheckAt: now + interval,
      problemDetail: undefined,
      ...patch,
    });
    if (!(await d.hasAccess(url).catch(() => false))) {
      for (const w of group) await s.put(done(w, { problem: "no-permission" }));
      return;
    }
    await s.setLastRequestAt(siteOf(url), now);
    const page = await d.fetchPage(url).catch(() => ({ ok: false as const, detail: "network" }));
    if (!page.ok) {
      for (const w of group)
        await s.put(done(w, { problem: "fetch-failed", problemDetail: page.detail.slice(0, 200) }));
      return;
    }
    let outcomes: WatchOutcome[];
    try {
      outcomes = await d.compare(
        page.html,
        url,
        group.map((w) => w.target),
      );
    } catch {
      for (const w of group)
        await s.put(done(w, { problem: "fetch-failed", problemDetail: "unreadable" }));
      return;
    }
    for (const [i, w] of group.entries()) {
      const o = outcomes[i];
      if (!o || o.state === "gone") {
        await s.put(done(w, { problem: "gone" }));
        continue;
      }
      if (o.state === "same") {
        await s.put(done(w, { problem: null, target: o.target }));
        continue;
      }
      const id = d.newId();
      const fields = await d.fields(w, o.change, o.facts);
      // New target and the pending write in one put: recorded once, never lost.
      const next = done(w, {
        problem: null,
        target: o.target,
        lastChangedAt: now,
        changes: w.changes + 1,
        pending: { id, fields },
      });
      await s.put(next);
      await flush(s, next);
    }
  }

  async function tickNow(): Promise<void> {
    if (!(await d.active())) return;
    const s = await d.storage();
    const now = d.now();
    const all = await s.list();
    let wrote = false;
    for (const [i, w] of all.entries()) {
      if (!w.pending) continue;
      all[i] = await flush(s, w);
      wrote = true;
    }
    // Access granted since a check found none: check now rather than in an hour.
    for (const [i, w] of all.entries()) {
      if (w.problem !== "no-permission" || w.nextCheckAt <= now) continue;
      if (!(await d.hasAccess(w.url).catch(() => false))) continue;
      all[i] = { ...w, nextCheckAt: now };
      await s.put(all[i] as Watch);
    }
    const due = all
      .filter((w) => w.nextCheckAt <= now)
      .sort((a, b) => a.nextCheckAt - b.nextCheckAt);
    const sites = new Map<string, Watch[]>();
    for (const w of due) sites.set(siteOf(w.url), [...(sites.get(siteOf(w.url)) ?? []), w]);
    for (const [site, watches] of sites) {
      const last = await s.lastRequestAt(site);
      if (last !== undefined && now - last < gap) continue; // this site waits for its minute
      const url = (watches[0] as Watch).url;
      await checkPage(
        s,
        url,
        watches.filter((w) => w.url === url),
        now,
      );
      wrote = true;
    }
    if (wrote) d.changed();
  }

  /** Ticks never overlap: two alarms or a click during a check wait their turn. */
  function tick(): Promise<void> {
    running = running.then(tickNow, tickNow).catch(() => undefined);
    return running;
  }

  async function list(): Promise<WatchView[]> {
    const s = await d.storage();
    const all = (await s.list()).sort((a, b) => a.createdAt - b.createdAt);
    return Promise.all(all.map((w) => view(s, w)));
  }

  return {
    tick,
    list,
    async add(observationId: string): Promise<WatchAddResult> {
      const f = await d.source(observationId);
      if (!f) return { ok: false, error: "not-found" };
      const target = watchTargetOf(f);
      if (!target || !f.url) return { ok: false, error: "nothing-to-watch" };
      const s = await d.storage();
      const existing = (await s.list()).find((w) => w.observationId === observationId);
      if (existing) return { ok: true, watch: await view(s, existing) };
      const now = d.now();
      const w: Watch = {
        id: d.newId(),
        observationId,
        url: f.url,
        title: f.pageTitle ?? f.url,
        competitorId: f.competitorId,
        target,
        createdAt: now,
        // The capture is the first value known; the first check comes one interval later.
        nextCheckAt: now + interval,
        lastCheckedAt: null,
        lastChangedAt: null,
        changes: 0,
        // Said at once: without access to the site this watch could never be checked.
        problem: (await d.hasAccess(f.url).catch(() => false)) ? null : "no-permission",
      };
      await s.put(w);
      d.changed();
      return { ok: true, watch: await view(s, w) };
    },
    async remove(id: string): Promise<{ ok: boolean }> {
      const s = await d.storage();
      const w = await s.get(id);
      if (w?.pending) await flush(s, w); // a decided change is still recorded
      await s.remove(id);
      d.changed();
      return { ok: true };
    },
    /** Make a watch due now and tick (the site's one-a-minute limit still holds). */
    async checkNow(id: string): Promise<WatchView[]> {
      const s = await d.storage();
      const w = await s.get(id);
      if (w) await s.put({ ...w, nextCheckAt: Math.min(w.nextCheckAt, d.now()) });
      await tick();
      return list();
    },
  };
}

export type WatchService = ReturnType<typeof createWatchService>;
