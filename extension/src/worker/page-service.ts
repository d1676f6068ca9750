// "This page": what the content script found when it re-anchored earlier
// captures (found / not found / changed), kept per tab for the side panel,
// and the automatic injection on page load for sites the user allowed.
// Reports live in memory: when the worker restarts, the panel's next
// `page.state` asks the content script for a fresh one.
import { isDeviceRevoked, LocalWriteError, uuidv7 } from "@sightline/shared";
import type { BrowserApi, Tab } from "../browser-api.ts";
import { matchCompetitor } from "../capture/competitor-match.ts";
import type { EarlierCapture, PageReport, PageStateView } from "../messages.ts";
import type { ContentChannel } from "./content-injector.ts";
import { capturesOfPage } from "./earlier-captures.ts";
import { fieldsFromChange } from "./observation-fields.ts";
import type { SyncService } from "./sync-service.ts";
import type { TeamCaptures } from "./team-captures.ts";
import type { WorkerContext } from "./worker-context.ts";

export type PageServiceDeps = {
  api: BrowserApi;
  channel: ContentChannel;
  sync: SyncService;
  context: WorkerContext;
  now(): number;
  pageChanged(tabId: number): void;
  observationsChanged(): void;
  /** Teammates' captures of a page (the server's; none when offline). */
  teamCaptures?: TeamCaptures;
};

type TabPage = { report: PageReport; title: string; recorded: Set<string> };

/** The origin pattern a host permission is granted for. */
export function originPattern(url: string): string | null {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? `${u.origin}/*` : null;
  } catch {
    return null;
  }
}

export function createPageService(d: PageServiceDeps) {
  const pages = new Map<number, TabPage>();

  async function activeTab(tabId?: number): Promise<Tab | null> {
    if (tabId !== undefined) return d.api.tabs.get(tabId).catch(() => null);
    const [tab] = await d.api.tabs.query({ active: true, lastFocusedWindow: true });
    return tab ?? null;
  }

  return {
    async hello(url: string, canonicalUrl: string | undefined): Promise<EarlierCapture[]> {
      const session = await d.sync.session();
      if (!session) return [];
      const page = { url, canonicalUrl };
      const [entities, team] = await Promise.all([
        session.storage.entities(),
        d.teamCaptures?.(page) ?? [],
      ]);
      return capturesOfPage(entities, page, team);
    },
    report(tab: Tab, report: PageReport) {
      if (tab.id === undefined) return;
      const before = pages.get(tab.id);
      const recorded = before?.report.url === report.url ? before.recorded : new Set<string>();
      pages.set(tab.id, { report, title: tab.title ?? report.facts.title ?? "", recorded });
      d.pageChanged(tab.id);
    },
    async state(tabId?: number): Promise<PageStateView> {
      const tab = await activeTab(tabId);
      if (tab?.id === undefined)
        return { tabId: null, url: null, report: null, unavailable: "no-tab" };
      const page = pages.get(tab.id);
      const url = tab.url ?? page?.report.url ?? null;
      if (page && (!tab.url || tab.url === page.report.url)) {
        const changes = page.report.changes.filter((c) => !page.recorded.has(c.key));
        return { tabId: tab.id, url, report: { ...page.report, changes }, unavailable: null };
      }
      // No report yet: reach the page if we may; its report arrives as a UI event.
      const reach = await d.channel.ensure(tab.id);
      if (reach === "ok")
        void d.channel.send(tab.id, { type: "content.review" }).catch(() => undefined);
      return { tabId: tab.id, url, report: null, unavailable: reach === "ok" ? null : reach };
    },
    async recordChange(
      key: string,
      tabId?: number,
    ): Promise<{ ok: true; id: string } | { ok: false; error: string }> {
      const tab = await activeTab(tabId);
      const page = tab?.id === undefined ? undefined : pages.get(tab.id);
      const change = page?.report.changes.find((c) => c.key === key);
      const session = await d.sync.session();
      if (!page || !change || !session || tab?.id === undefined)
        return { ok: false, error: "not-found" };
      const config = await d.context.config();
      const match = matchCompetitor(page.report.url, config.competitors);
      const fields = fieldsFromChange({
        change,
        page: { url: page.report.url, title: page.title, facts: page.report.facts },
        competitor: match && { id: match.id, name: match.name },
        now: new Date(d.now()),
        t: await d.context.t(),
      });
      const id = uuidv7(d.now());
      try {
        await session.engine.write({ op: "obs.create", id, fields });
      } catch (e) {
        if (isDeviceRevoked(e)) return { ok: false, error: "revoked" };
        if (e instanceof LocalWriteError) return { ok: false, error: e.message };
        throw e;
      }
      session.scheduler.request("write");
      page.recorded.add(key);
      d.observationsChanged();
      d.pageChanged(tab.id);
      return { ok: true, id };
    },
    /** A tab finished loading: inject where the user allowed it, so earlier captures are checked. */
    async tabLoaded(tabId: number, tab: Tab) {
      pages.delete(tabId);
      const pattern = tab.url ? originPattern(tab.url) : null;
      if (!pattern || !(await d.sync.session())) return;
      if (!(await d.api.permissions.contains([pattern]).catch(() => false))) return;
      await d.channel.ensure(tabId);
    },
    /** Re-check a tab after something about it changed (a new capture). */
    review(tabId: number) {
      void d.channel.send(tabId, { type: "content.review" }).catch(() => undefined);
    },
    forget(tabId: number) {
      pages.delete(tabId);
    },
  };
}

export type PageService = ReturnType<typeof createPageService>;
