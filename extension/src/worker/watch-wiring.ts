// The watch service's worker side: where a watched page's capture is read
// (the local mirror), how a page is fetched (the worker's host access, no
// cookies), and how a recorded change becomes an observation in the outbox.
import { isDeviceRevoked, isLive, LocalWriteError, uuidv7 } from "@sightline/shared";
import type { BrowserApi } from "../browser-api.ts";
import { matchCompetitor } from "../capture/competitor-match.ts";
import type { WatchOutcome, WatchTarget } from "../capture/watch-target.ts";
import { fieldsFromChange } from "./observation-fields.ts";
import { originPattern } from "./page-service.ts";
import type { SettingsStorage } from "./settings-storage.ts";
import type { SyncService } from "./sync-service.ts";
import { createWatchService, type FetchedPage, type WatchSource } from "./watch-service.ts";
import type { WatchStorage } from "./watch-storage.ts";
import type { WorkerContext } from "./worker-context.ts";

/** A page larger than this is not read (a product page is far smaller). */
const MAX_PAGE_CHARS = 5_000_000;
const FETCH_TIMEOUT_MS = 20_000;

/** Parse fetched HTML and compare: an offscreen document (Chromium) or this page (Firefox). */
export type PageComparer = (
  html: string,
  url: string,
  targets: WatchTarget[],
) => Promise<WatchOutcome[]>;

export type WatchWiringDeps = {
  api: BrowserApi;
  sync: SyncService;
  settings: SettingsStorage;
  context: WorkerContext;
  storage(): Promise<WatchStorage>;
  compare: PageComparer;
  now(): number;
  changed(): void;
  observationsChanged(): void;
};

/** GET the page as a visitor without cookies would see it. */
export async function fetchWatchedPage(f: typeof fetch, url: string): Promise<FetchedPage> {
  let res: Response;
  try {
    res = await f(url, {
      credentials: "omit",
      cache: "no-store",
      redirect: "follow",
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (e) {
    return {
      ok: false,
      detail: e instanceof Error && e.name === "TimeoutError" ? "timeout" : "network",
    };
  }
  if (!res.ok) return { ok: false, detail: `HTTP ${res.status}` };
  const type = res.headers.get("content-type") ?? "";
  if (!/html/i.test(type)) return { ok: false, detail: "not-html" };
  const html = await res.text();
  if (html.length > MAX_PAGE_CHARS) return { ok: false, detail: "too-large" };
  return { ok: true, html };
}

export function createWatchWiring(d: WatchWiringDeps) {
  return createWatchService({
    storage: d.storage,
    async source(id) {
      const session = await d.sync.session();
      const e = await session?.storage.entity(id);
      return e && isLive(e) ? (e.fields as WatchSource) : null;
    },
    async active() {
      const p = await d.settings.pairing();
      return p !== null && p.revokedAt === undefined;
    },
    async hasAccess(url) {
      const pattern = originPattern(url);
      return pattern !== null && d.api.permissions.contains([pattern]);
    },
    fetchPage: (url) => fetchWatchedPage(d.api.fetch, url),
    compare: d.compare,
    async fields(w, change, facts) {
      const t = await d.context.t();
      const config = await d.context.config();
      const match =
        config.competitors.find((c) => c.id === w.competitorId) ??
        matchCompetitor(w.url, config.competitors);
      const fields = fieldsFromChange({
        change: { key: `watch:${w.id}`, observationId: w.observationId, ...change },
        page: { url: w.url, title: facts.title ?? w.title, facts },
        competitor: match ? { id: match.id, name: match.name } : null,
        now: new Date(d.now()),
        t,
      });
      // Said in the note, so nobody reads it as a visit someone made.
      fields.note = `${String(fields.note ?? "")}\n${t("watch.note")}`.slice(0, 4000);
      return fields;
    },
    async write(id, fields) {
      const session = await d.sync.session();
      if (!session) return "unpaired";
      if (await session.storage.entity(id)) return "ok";
      try {
        await session.engine.write({ op: "obs.create", id, fields });
      } catch (e) {
        if (isDeviceRevoked(e)) return "revoked";
        if (e instanceof LocalWriteError) return "refused";
        throw e;
      }
      session.scheduler.request("write");
      d.observationsChanged();
      return "ok";
    },
    newId: () => uuidv7(d.now()),
    now: d.now,
    changed: d.changed,
  });
}
