// The one seam over the browser's extension APIs (as hypothesis/client's
// chrome-api.ts): worker and UI code take a `BrowserApi` and never touch
// `chrome`/`browser` directly, so unit tests pass a fake
// (worker/fake-browser-api.ts) and both browsers share one code path.
//
// The type is deliberately narrow — only what Sightline calls — and the real
// implementation is created lazily in composition roots (background.ts,
// ui/*-main.tsx) because webextension-polyfill throws outside an extension.
/// <reference types="chrome" />
import type Browser from "webextension-polyfill";

export type Tab = {
  id?: number | undefined;
  windowId?: number | undefined;
  url?: string | undefined;
  title?: string | undefined;
  active?: boolean | undefined;
  status?: string | undefined;
};

export type MessageSender = {
  id?: string | undefined;
  tab?: Tab | undefined;
  url?: string | undefined;
  frameId?: number | undefined;
};

export interface PortLike {
  readonly name: string;
  postMessage(message: unknown): void;
  onDisconnect(listener: () => void): void;
}

export type MenuItem = {
  id: string;
  title: string;
  contexts: ("selection" | "page" | "image" | "link" | "editable")[];
};

export interface BrowserApi {
  readonly runtime: {
    readonly id: string;
    version(): string;
    getURL(path: string): string;
    /** A listener that answers with a promise (or undefined = not mine). */
    onMessage(
      listener: (message: unknown, sender: MessageSender) => Promise<unknown> | undefined,
    ): void;
    onConnect(listener: (port: PortLike) => void): void;
    onInstalled(listener: () => void): void;
    onStartup(listener: () => void): void;
    sendMessage(message: unknown): Promise<unknown>;
    connect(name: string): PortLike & { onMessage(listener: (message: unknown) => void): void };
    openOptionsPage(): Promise<void>;
  };
  readonly storage: {
    get<T>(key: string): Promise<T | undefined>;
    set(key: string, value: unknown): Promise<void>;
    remove(key: string): Promise<void>;
  };
  readonly tabs: {
    query(q: {
      active?: boolean;
      lastFocusedWindow?: boolean;
      currentWindow?: boolean;
    }): Promise<Tab[]>;
    get(tabId: number): Promise<Tab>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
    /** A PNG data URL of the visible area of `windowId`'s active tab. */
    captureVisibleTab(windowId: number): Promise<string>;
    create(url: string): Promise<Tab>;
    onUpdated(
      listener: (tabId: number, change: { status?: string | undefined }, tab: Tab) => void,
    ): void;
    onActivated(listener: (info: { tabId: number; windowId: number }) => void): void;
    onRemoved(listener: (tabId: number) => void): void;
  };
  readonly scripting: {
    executeFile(tabId: number, file: string): Promise<void>;
    insertCss(tabId: number, file: string): Promise<void>;
  };
  readonly alarms: {
    create(name: string, periodInMinutes: number): Promise<void>;
    onAlarm(listener: (name: string) => void): void;
  };
  readonly menus: {
    create(item: MenuItem): void;
    removeAll(): Promise<void>;
    onClicked(listener: (menuItemId: string, tab: Tab | undefined) => void): void;
  };
  readonly commands: {
    onCommand(listener: (command: string, tab: Tab | undefined) => void): void;
  };
  readonly permissions: {
    contains(origins: string[]): Promise<boolean>;
    request(origins: string[]): Promise<boolean>;
  };
  /** Chrome's side panel or Firefox's sidebar. */
  readonly panel: {
    /** Must run inside a user gesture. */
    open(windowId: number): Promise<void>;
    /** Chrome: let the toolbar button keep its popup (the panel opens from it). */
    configure(): Promise<void>;
  };
  readonly fetch: typeof fetch;
}

/** The real API, over webextension-polyfill (plus chrome.sidePanel, which it lacks). */
export function createBrowserApi(browser: Browser.Browser): BrowserApi {
  const chromeGlobal = (globalThis as { chrome?: typeof chrome }).chrome;
  const sidePanel = chromeGlobal?.sidePanel;
  const wrapPort = (p: Browser.Runtime.Port) => ({
    name: p.name,
    postMessage: (m: unknown) => p.postMessage(m),
    onDisconnect: (l: () => void) => p.onDisconnect.addListener(() => l()),
    onMessage: (l: (m: unknown) => void) => p.onMessage.addListener((m: unknown) => l(m)),
  });
  return {
    runtime: {
      id: browser.runtime.id,
      version: () => browser.runtime.getManifest().version,
      getURL: (path) => browser.runtime.getURL(path),
      onMessage: (listener) =>
        browser.runtime.onMessage.addListener(
          // The polyfill turns a returned promise into sendResponse for Chrome.
          ((message: unknown, sender: Browser.Runtime.MessageSender) =>
            listener(message, sender)) as unknown as Parameters<
            typeof browser.runtime.onMessage.addListener
          >[0],
        ),
      onConnect: (listener) => browser.runtime.onConnect.addListener((p) => listener(wrapPort(p))),
      onInstalled: (listener) => browser.runtime.onInstalled.addListener(() => listener()),
      onStartup: (listener) => browser.runtime.onStartup.addListener(() => listener()),
      sendMessage: (m) => browser.runtime.sendMessage(m),
      connect: (name) => wrapPort(browser.runtime.connect({ name })),
      openOptionsPage: () => browser.runtime.openOptionsPage(),
    },
    storage: {
      get: async <T>(key: string) => (await browser.storage.local.get(key))[key] as T | undefined,
      set: (key, value) => browser.storage.local.set({ [key]: value }),
      remove: (key) => browser.storage.local.remove(key),
    },
    tabs: {
      query: (q) => browser.tabs.query(q),
      get: (id) => browser.tabs.get(id),
      sendMessage: (id, m) => browser.tabs.sendMessage(id, m, { frameId: 0 }),
      captureVisibleTab: (windowId) => browser.tabs.captureVisibleTab(windowId, { format: "png" }),
      create: (url) => browser.tabs.create({ url }),
      onUpdated: (l) => browser.tabs.onUpdated.addListener((id, change, tab) => l(id, change, tab)),
      onActivated: (l) => browser.tabs.onActivated.addListener((info) => l(info)),
      onRemoved: (l) => browser.tabs.onRemoved.addListener((id) => l(id)),
    },
    scripting: {
      executeFile: async (tabId, file) => {
        await browser.scripting.executeScript({ target: { tabId }, files: [file] });
      },
      insertCss: (tabId, file) => browser.scripting.insertCSS({ target: { tabId }, files: [file] }),
    },
    alarms: {
      create: async (name, periodInMinutes) => {
        const existing = await browser.alarms.get(name);
        if (existing?.periodInMinutes !== periodInMinutes)
          browser.alarms.create(name, { periodInMinutes });
      },
      onAlarm: (l) => browser.alarms.onAlarm.addListener((a) => l(a.name)),
    },
    menus: {
      create: (item) => {
        browser.contextMenus.create(item);
      },
      removeAll: () => browser.contextMenus.removeAll(),
      onClicked: (l) =>
        browser.contextMenus.onClicked.addListener((info, tab) => l(String(info.menuItemId), tab)),
    },
    commands: {
      onCommand: (l) => browser.commands.onCommand.addListener((command, tab) => l(command, tab)),
    },
    permissions: {
      contains: (origins) => browser.permissions.contains({ origins }),
      request: (origins) => browser.permissions.request({ origins }),
    },
    panel: {
      open: async (windowId) => {
        if (sidePanel) await sidePanel.open({ windowId });
        else await browser.sidebarAction.open();
      },
      configure: async () => {
        await sidePanel?.setPanelBehavior({ openPanelOnActionClick: false });
      },
    },
    fetch: (input, init) => globalThis.fetch(input, init),
  };
}
