// Assembles the worker from its parts and wires them to browser events.
// Takes every dependency as an argument (the browser API seam, storage
// openers, the screenshotter, a clock) so unit tests run the whole worker on
// fakes and fake-indexeddb; background.ts passes the real ones.
import type { SyncStorage } from "@sightline/shared";
import type { BrowserApi } from "../browser-api.ts";
import type { UiEvent } from "../messages.ts";
import { UI_PORT } from "../ports.ts";
import type { BlobStorage } from "./blob-storage.ts";
import { createCaptureService } from "./capture-service.ts";
import { createContentChannel } from "./content-injector.ts";
import { COMMANDS, createMenus, menuKind } from "./menus.ts";
import { createObservationService } from "./observation-service.ts";
import { createPageService } from "./page-service.ts";
import { createRouter } from "./router.ts";
import type { Screenshotter } from "./screenshot.ts";
import { createSettingsStorage } from "./settings-storage.ts";
import { createSyncService } from "./sync-service.ts";
import { createTeamCaptures } from "./team-captures.ts";
import { createUiHub } from "./ui-hub.ts";
import { WATCH_ALARM, WATCH_PERIOD_MINUTES } from "./watch-service.ts";
import type { WatchStorage } from "./watch-storage.ts";
import { createWatchWiring, type PageComparer } from "./watch-wiring.ts";
import { createWorkerContext } from "./worker-context.ts";

/** `chrome.alarms` minimum period is 30 s. */
export const SYNC_ALARM = "sync";
export const SYNC_PERIOD_MINUTES = 0.5;

export type WorkerDeps = {
  api: BrowserApi;
  blobs: BlobStorage;
  openStorage(name: string): Promise<SyncStorage & { close?(): void }>;
  deleteStorage(name: string): Promise<void>;
  screenshots: Screenshotter;
  /** Watched pages: their storage, and where fetched HTML is parsed and compared. */
  openWatchStorage(): Promise<WatchStorage>;
  comparePages: PageComparer;
  now?: () => number;
  languages?: readonly string[];
};

export function createWorkerApp(d: WorkerDeps) {
  const now = d.now ?? Date.now;
  const { api } = d;
  const hub = createUiHub();
  const emit = (e: UiEvent) => hub.emit(e);
  const settings = createSettingsStorage(api, d.languages);
  const sync = createSyncService({
    settings,
    blobs: d.blobs,
    fetch: api.fetch,
    appVersion: api.runtime.version(),
    openStorage: d.openStorage,
    deleteStorage: d.deleteStorage,
    onStatus: (status) => {
      emit({ type: "ui.status", status });
      // Pulls bring other devices' captures and config: lists may change.
      if (status.state === "idle") emit({ type: "ui.observations" });
    },
  });
  const context = createWorkerContext(sync, settings);
  const channel = createContentChannel(api);
  const teamCaptures = createTeamCaptures({
    fetch: api.fetch,
    now,
    async server() {
      const s = await sync.session();
      return s && !s.revoked() ? { baseUrl: s.pairing.serverUrl, token: s.pairing.token } : null;
    },
  });
  const pages = createPageService({
    api,
    channel,
    sync,
    context,
    now,
    teamCaptures,
    pageChanged: (tabId) => emit({ type: "ui.page", tabId }),
    observationsChanged: () => emit({ type: "ui.observations" }),
  });
  const capture = createCaptureService({
    api,
    channel,
    screenshots: d.screenshots,
    blobs: d.blobs,
    sync,
    context,
    now,
    selectionScreenshots: async () => (await settings.settings()).selectionScreenshots === true,
    saved(saved, tabId) {
      emit({ type: "ui.captured", ...saved });
      emit({ type: "ui.observations" });
      if (tabId !== undefined) pages.review(tabId);
      void sync.status().then((status) => emit({ type: "ui.status", status }));
    },
  });
  const observations = createObservationService({
    sync,
    blobs: d.blobs,
    settings,
    context,
    now,
    changed() {
      emit({ type: "ui.observations" });
      void sync.status().then((status) => emit({ type: "ui.status", status }));
    },
  });
  const watches = createWatchWiring({
    api,
    sync,
    settings,
    context,
    storage: d.openWatchStorage,
    compare: d.comparePages,
    now,
    changed: () => emit({ type: "ui.watches" }),
    observationsChanged: () => {
      emit({ type: "ui.observations" });
      void sync.status().then((status) => emit({ type: "ui.status", status }));
    },
  });
  const menus = async () => {
    const t = await context.t();
    await createMenus(api, (k) => t(k));
  };
  const router = createRouter({
    extensionId: api.runtime.id,
    extensionOrigin: api.runtime.getURL(""),
    capture,
    observations,
    pages,
    watches,
    sync,
    settings,
    context,
    settingsChanged: () => {
      emit({ type: "ui.settings" });
      void menus().catch(() => undefined);
    },
  });

  /** Register every listener. Must run synchronously at worker start-up. */
  function install() {
    api.runtime.onMessage((message, sender) => router.handle(message, sender));
    api.runtime.onConnect((port) => {
      if (port.name !== UI_PORT) return;
      hub.add(port);
      void sync.request("visible");
      void sync
        .status()
        .then((status) => port.postMessage({ type: "ui.status", status } satisfies UiEvent));
    });
    api.runtime.onInstalled(() => {
      void menus().catch(() => undefined);
      void api.panel.configure().catch(() => undefined);
    });
    api.runtime.onStartup(() => void sync.request("start"));
    api.alarms.onAlarm((name) => {
      if (name === SYNC_ALARM) void sync.request("timer");
      if (name === WATCH_ALARM) void watches.tick();
    });
    api.menus.onClicked((id, tab) => {
      const kind = menuKind(id);
      if (!kind || tab?.id === undefined) return;
      if (kind === "context-element") void capture.contextElement(tab.id);
      else void capture.start(kind, tab.id);
    });
    api.commands.onCommand((command, tab) => {
      const kind = COMMANDS[command];
      if (kind) void capture.start(kind, tab?.id);
    });
    api.tabs.onUpdated((tabId, change, tab) => {
      if (change.status === "loading") pages.forget(tabId);
      if (change.status !== "complete") return;
      // The panel follows the tab: refresh it even when the page cannot be reviewed.
      void pages
        .tabLoaded(tabId, tab)
        .catch(() => undefined)
        .finally(() => emit({ type: "ui.page", tabId }));
    });
    api.tabs.onActivated(({ tabId }) => emit({ type: "ui.page", tabId }));
    api.tabs.onRemoved((tabId) => pages.forget(tabId));
    void api.alarms.create(SYNC_ALARM, SYNC_PERIOD_MINUTES).catch(() => undefined);
    void api.alarms.create(WATCH_ALARM, WATCH_PERIOD_MINUTES).catch(() => undefined);
  }

  return { install, router, sync, capture, pages, watches, observations, settings, hub };
}

export type WorkerApp = ReturnType<typeof createWorkerApp>;
