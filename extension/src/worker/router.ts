// The worker's message boundary. Every message is parsed with the zod union
// of messages.ts; unknown or malformed ones are ignored (undefined = "not
// mine", so other listeners and the sender see no answer). Messages that
// change settings, pairing or data must come from our own pages; the
// content-script messages must come from a tab — page scripts share that
// tab, so those are the only ones we accept from there.
import type { MessageSender } from "../browser-api.ts";
import { type ParsedWorkerRequest, parseWorkerRequest, type WorkerResponses } from "../messages.ts";
import type { CaptureService } from "./capture-service.ts";
import type { ObservationService } from "./observation-service.ts";
import type { PageService } from "./page-service.ts";
import type { SettingsStorage } from "./settings-storage.ts";
import type { SyncService } from "./sync-service.ts";
import type { WatchService } from "./watch-service.ts";
import type { WorkerContext } from "./worker-context.ts";

export type RouterDeps = {
  extensionOrigin: string;
  extensionId: string;
  capture: CaptureService;
  observations: ObservationService;
  pages: PageService;
  watches: WatchService;
  sync: SyncService;
  settings: SettingsStorage;
  context: WorkerContext;
  settingsChanged(): void;
};

const FROM_CONTENT = new Set<ParsedWorkerRequest["type"]>([
  "capture.submit",
  "page.hello",
  "page.report",
]);

/** Who sent it: one of our pages, a content script in a tab, or neither. */
export function senderKind(
  sender: MessageSender,
  extensionId: string,
  extensionOrigin: string,
): "page" | "content" | "foreign" {
  if (sender.id !== extensionId) return "foreign";
  if (sender.url?.startsWith(extensionOrigin)) return "page";
  return sender.tab?.id !== undefined ? "content" : "foreign";
}

export function createRouter(d: RouterDeps) {
  async function route(
    m: ParsedWorkerRequest,
    sender: MessageSender,
  ): Promise<WorkerResponses[typeof m.type]> {
    switch (m.type) {
      case "capture.start":
        return d.capture.start(m.kind, m.tabId);
      case "capture.submit":
        return d.capture.submit(m.capture, sender.tab);
      case "observation.update":
        return d.observations.update(m.id, m.fields as Record<string, unknown>);
      case "observation.delete":
        return d.observations.remove(m.id);
      case "observations.list":
        return { items: await d.observations.list(m.filter), config: await d.context.config() };
      case "event.note":
        return d.observations.eventNote(m);
      case "change.record":
        return d.pages.recordChange(m.key, m.tabId);
      case "page.state":
        return d.pages.state(m.tabId);
      case "page.hello":
        return { captures: await d.pages.hello(m.url, m.canonicalUrl) };
      case "page.report":
        if (sender.tab) d.pages.report(sender.tab, m.report);
        return { ok: true };
      case "watch.add":
        return d.watches.add(m.observationId);
      case "watch.remove":
        return d.watches.remove(m.id);
      case "watch.list":
        return { items: await d.watches.list() };
      case "watch.check":
        return { items: await d.watches.checkNow(m.id) };
      case "sync.now":
        return d.sync.syncNow();
      case "status.get":
        return d.sync.status();
      case "pair":
        return d.sync.pair({ serverUrl: m.serverUrl, code: m.code, name: m.name });
      case "reconnect":
        return d.sync.reconnect(m.code);
      case "export.unsent":
        return { files: await d.sync.exportUnsent() };
      case "unpair":
        return d.sync.unpair({ understood: m.understood, confirmed: m.confirmed });
      case "settings.get":
        return d.settings.settings();
      case "settings.set": {
        const s = await d.settings.update(m.patch);
        d.settingsChanged();
        return s;
      }
      default: {
        const never: never = m;
        throw new Error(`unhandled message ${JSON.stringify(never)}`);
      }
    }
  }

  return {
    /** The runtime.onMessage listener body: a promise for ours, undefined otherwise. */
    handle(message: unknown, sender: MessageSender): Promise<unknown> | undefined {
      const m = parseWorkerRequest(message);
      if (!m) return undefined;
      const kind = senderKind(sender, d.extensionId, d.extensionOrigin);
      if (kind === "foreign") return undefined;
      if (kind === "content" && !FROM_CONTENT.has(m.type)) return undefined;
      return route(m, sender);
    },
  };
}
