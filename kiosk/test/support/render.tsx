// Component-test harness. Renders with the kiosk's own Preact (the hoisted
// @testing-library/preact would bind the repo root's Preact 11, a different
// instance from kiosk's Preact 10, and hooks would break); queries and events
// come from @testing-library/dom, which is what @testing-library/preact
// re-exports. The API is the real worker service (memory storage, fake
// server), so a "write" really goes through the sync engine.
import { createMemoryStorage } from "@sightline/shared/sync/memory-storage";
import { fireEvent, within } from "@testing-library/dom";
import { type ComponentChildren, render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, vi } from "vitest";
import { I18nProvider } from "../../src/ui/i18n.tsx";
import { KioskContext, type Platform } from "../../src/ui/kiosk-context.ts";
import type { KioskApi } from "../../src/worker/api.ts";
import { createMemoryDeviceRecordStorage } from "../../src/worker/device-record.ts";
import { createKioskService, type KioskService } from "../../src/worker/kiosk-service.ts";
import { createFakeServer, type FakeServer } from "./fake-server.ts";

const mounted: HTMLElement[] = [];
const services: KioskService[] = [];

afterEach(async () => {
  for (const el of mounted.splice(0)) {
    act(() => render(null, el));
    el.remove();
  }
  for (const s of services.splice(0)) await s.close();
});

export type FakePlatform = Platform & {
  saved: Map<string, string>;
  downloads: { name: string; text: string; type: string }[];
  wake: { acquire: ReturnType<typeof vi.fn>; release: ReturnType<typeof vi.fn> };
};

export function fakePlatform(saved = new Map<string, string>()): FakePlatform {
  const wake = { acquire: vi.fn(async () => {}), release: vi.fn(async () => {}) };
  const downloads: FakePlatform["downloads"] = [];
  return {
    saved,
    wake,
    downloads,
    download: (name, text, type) => void downloads.push({ name, text, type }),
    now: () => Date.now(),
    persistStorage: vi.fn(async () => true),
    persisted: async () => true,
    wakeLock: wake,
    settings: {
      get: (k) => saved.get(k) ?? null,
      set: (k, v) => (v === null ? saved.delete(k) : saved.set(k, v)),
    },
    origin: "http://kiosk.test",
    pairingCodeFromUrl: () => null,
    clearPairingCodeFromUrl: () => {},
  };
}

/** A kiosk service on memory storage talking to a fake server; optionally paired. */
export async function kioskService(opts: { paired?: boolean; server?: FakeServer } = {}) {
  const server = opts.server ?? createFakeServer();
  const service = createKioskService({
    deviceRecord: createMemoryDeviceRecordStorage(),
    openStorage: async () => createMemoryStorage(),
    deleteStorage: async () => {},
    fetch: server.fetch,
    appVersion: "test",
    pokes: false,
    pinIterations: 1000,
  });
  services.push(service);
  if (opts.paired !== false) {
    const r = await service.pair({ serverUrl: "http://kiosk.test", code: "ABCD2345", pin: "2468" });
    if (!r.ok) throw new Error(`pairing failed: ${r.error}`);
    await service.requestSync("manual");
    await vi.waitFor(async () => {
      if (!(await service.status()).config) throw new Error("no config yet");
    });
  }
  return { service, server };
}

/** Every write the UI makes, in order, passed through to `api`. */
export function recordWrites(api: KioskApi) {
  const writes: Parameters<KioskApi["write"]>[0][] = [];
  const wrapped: KioskApi = {
    ...api,
    status: () => api.status(),
    subscribe: (l) => api.subscribe(l),
    pair: (i) => api.pair(i),
    requestSync: (r) => api.requestSync(r),
    tally: (d, z) => api.tally(d, z),
    checkPin: (p) => api.checkPin(p),
    syncNow: () => api.syncNow(),
    exportUnsent: () => api.exportUnsent(),
    reconnect: (c) => api.reconnect(c),
    unpair: (c) => api.unpair(c),
    alerts: () => api.alerts(),
    write: (w) => {
      writes.push(w);
      return api.write(w);
    },
  };
  return { api: wrapped, writes };
}

export function renderUi(
  ui: ComponentChildren,
  {
    api,
    platform = fakePlatform(),
    locale = "en",
  }: { api: KioskApi; platform?: Platform; locale?: "vi" | "en" },
) {
  const el = document.createElement("div");
  document.body.append(el);
  mounted.push(el);
  const setLocale: (l: "vi" | "en") => void = () => {};
  function Root({ children }: { children: ComponentChildren }) {
    return (
      <I18nProvider locale={locale} setLocale={(l) => setLocale(l)}>
        {children}
      </I18nProvider>
    );
  }
  act(() =>
    render(
      <KioskContext.Provider value={{ api, platform }}>
        <Root>{ui}</Root>
      </KioskContext.Provider>,
      el,
    ),
  );
  return { el, q: within(el), unmount: () => act(() => render(null, el)) };
}

/** Let pending promises (worker calls) and effects settle inside act(). */
export async function settle(times = 5): Promise<void> {
  for (let i = 0; i < times; i++) {
    await act(async () => {
      await Promise.resolve();
      await new Promise((r) => queueMicrotask(() => r(undefined)));
    });
  }
}

/** Click inside act(), so Preact re-renders before the next assertion. */
export function click(el: Element | null | undefined): void {
  if (!el) throw new Error("click: no element");
  act(() => {
    fireEvent.click(el);
  });
}

export function type(el: Element | null | undefined, value: string): void {
  if (!el) throw new Error("type: no element");
  act(() => {
    fireEvent.input(el, { target: { value } });
  });
}

export { act, fireEvent };
