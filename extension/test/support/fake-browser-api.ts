// A BrowserApi for unit tests: in-memory storage, tabs whose "content
// script" is a function the test supplies, recorded permissions, and hooks to
// fire the events the worker listens to. Mirrors what the real seam promises
// (src/browser-api.ts), nothing more.
import type { BrowserApi, MenuItem, MessageSender, PortLike, Tab } from "../../src/browser-api.ts";

export type ContentHandler = (message: unknown) => unknown;

export type FakeTab = Tab & { id: number; windowId: number; url: string; title: string };

export type FakeBrowser = BrowserApi & {
  readonly tabsById: Map<number, FakeTab>;
  readonly granted: Set<string>;
  readonly menuItems: MenuItem[];
  readonly storageLocal: Map<string, unknown>;
  /** Alarms the worker created: name → period in minutes. */
  readonly alarmsCreated: Map<string, number>;
  /** Content handler installed when the worker injects into a permitted tab. */
  contentFor(tabId: number, make: () => ContentHandler): void;
  /** Tabs the worker may script (activeTab or host permission). */
  readonly scriptable: Set<number>;
  active: number | null;
  send(message: unknown, sender: MessageSender): Promise<unknown> | undefined;
  connectUi(): { events: unknown[]; disconnect(): void };
  fire: {
    installed(): void;
    alarm(name: string): void;
    menu(id: string, tab: Tab): void;
    command(name: string, tab?: Tab): void;
    tabUpdated(tabId: number, status: string): void;
  };
};

export const FAKE_ID = "fakeextensionid";
export const FAKE_ORIGIN = `chrome-extension://${FAKE_ID}/`;

export function createFakeBrowser(fetchImpl: typeof fetch): FakeBrowser {
  const storageLocal = new Map<string, unknown>();
  const tabsById = new Map<number, FakeTab>();
  const injected = new Map<number, ContentHandler>();
  const factories = new Map<number, () => ContentHandler>();
  const scriptable = new Set<number>();
  const granted = new Set<string>();
  const menuItems: MenuItem[] = [];
  const alarmsCreated = new Map<string, number>();
  const listeners = {
    message: [] as ((m: unknown, s: MessageSender) => Promise<unknown> | undefined)[],
    connect: [] as ((p: PortLike) => void)[],
    installed: [] as (() => void)[],
    alarm: [] as ((n: string) => void)[],
    menu: [] as ((id: string, tab: Tab | undefined) => void)[],
    command: [] as ((c: string, tab: Tab | undefined) => void)[],
    updated: [] as ((id: number, c: { status?: string }, tab: Tab) => void)[],
  };
  const getTab = (id: number) => {
    const t = tabsById.get(id);
    if (!t) throw new Error(`No tab with id: ${id}`);
    return t;
  };
  const fake: FakeBrowser = {
    tabsById,
    granted,
    menuItems,
    storageLocal,
    alarmsCreated,
    scriptable,
    active: null,
    contentFor: (tabId, make) => factories.set(tabId, make),
    runtime: {
      id: FAKE_ID,
      version: () => "0.1.0",
      getURL: (p) => `${FAKE_ORIGIN}${p}`,
      onMessage: (l) => listeners.message.push(l),
      onConnect: (l) => listeners.connect.push(l),
      onInstalled: (l) => listeners.installed.push(l),
      onStartup: () => undefined,
      sendMessage: async () => undefined,
      connect: () => {
        throw new Error("not in the worker");
      },
      openOptionsPage: async () => undefined,
    },
    storage: {
      get: async <T>(k: string) => structuredClone(storageLocal.get(k)) as T | undefined,
      set: async (k, v) => void storageLocal.set(k, structuredClone(v)),
      remove: async (k) => void storageLocal.delete(k),
    },
    tabs: {
      query: async () => (fake.active === null ? [] : [getTab(fake.active)]),
      get: async (id) => getTab(id),
      sendMessage: async (id, m) => {
        const h = injected.get(id);
        if (!h) throw new Error("Could not establish connection. Receiving end does not exist.");
        return h(structuredClone(m));
      },
      captureVisibleTab: async () => "data:image/png;base64,",
      create: async (url) => ({ url }),
      onUpdated: (l) => listeners.updated.push(l),
      onActivated: () => undefined,
      onRemoved: () => undefined,
    },
    scripting: {
      executeFile: async (tabId) => {
        if (!scriptable.has(tabId)) throw new Error("Cannot access contents of the page.");
        const make = factories.get(tabId);
        if (make) injected.set(tabId, make());
      },
      insertCss: async (tabId) => {
        if (!scriptable.has(tabId)) throw new Error("Cannot access contents of the page.");
      },
    },
    alarms: {
      create: async (name, periodInMinutes) => void alarmsCreated.set(name, periodInMinutes),
      onAlarm: (l) => listeners.alarm.push(l),
    },
    menus: {
      create: (item) => void menuItems.push(item),
      removeAll: async () => void menuItems.splice(0),
      onClicked: (l) => listeners.menu.push(l),
    },
    commands: { onCommand: (l) => listeners.command.push(l) },
    permissions: {
      contains: async (origins) =>
        origins.every((o) => granted.has(o) || granted.has("<all_urls>")),
      request: async (origins) => {
        for (const o of origins) granted.add(o);
        return true;
      },
    },
    panel: { open: async () => undefined, configure: async () => undefined },
    fetch: fetchImpl,
    send(message, sender) {
      for (const l of listeners.message) {
        const r = l(structuredClone(message), sender);
        if (r) return r.then((x) => structuredClone(x));
      }
      return undefined;
    },
    connectUi() {
      const events: unknown[] = [];
      const onDisc: (() => void)[] = [];
      const port: PortLike = {
        name: "ui",
        postMessage: (m) => events.push(structuredClone(m)),
        onDisconnect: (l) => onDisc.push(l),
      };
      for (const l of listeners.connect) l(port);
      return {
        events,
        disconnect: () => {
          for (const l of onDisc) l();
        },
      };
    },
    fire: {
      installed: () => {
        for (const l of listeners.installed) l();
      },
      alarm: (n) => {
        for (const l of listeners.alarm) l(n);
      },
      menu: (id, tab) => {
        for (const l of listeners.menu) l(id, tab);
      },
      command: (c, tab) => {
        for (const l of listeners.command) l(c, tab);
      },
      tabUpdated: (id, status) => {
        for (const l of listeners.updated) l(id, { status }, getTab(id));
      },
    },
  };
  return fake;
}

/** A sender as a UI page of the extension. */
export const pageSender: MessageSender = { id: FAKE_ID, url: `${FAKE_ORIGIN}panel.html` };
/** A sender as the content script in `tab`. */
export const contentSender = (tab: Tab): MessageSender => ({
  id: FAKE_ID,
  url: tab.url,
  tab,
  frameId: 0,
});
