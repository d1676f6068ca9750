// @vitest-environment happy-dom
// The panel against a scripted WorkerClient: status strip, capture → the
// 5W1H form prefilled from the saved observation, save as a patch, language
// toggle. (Rendered with the extension's own Preact 10.)
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import type {
  ObservationView,
  SyncStatusView,
  UiEvent,
  WatchView,
  WorkerRequest,
} from "../../messages.ts";
import { Client } from "../client-context.ts";
import type { WorkerClient } from "../worker-client.ts";
import { PanelApp } from "./PanelApp.tsx";

const status: SyncStatusView = {
  paired: true,
  serverUrl: "https://s.example.vn",
  workspaceName: "Demo",
  unsynced: 2,
  oldestUnsyncedAt: Date.now() - 5 * 60_000,
  lastSyncAt: Date.now() - 60 * 60_000,
  pendingBlobs: 1,
  state: "waiting",
  lastError: "network",
  rejected: 0,
};
const obs: ObservationView = {
  id: "0193-obs",
  createdBy: "d",
  pending: true,
  fields: {
    channel: "web",
    what: "pin 50 giờ",
    who: "ĐiệnMáyXanhLá",
    competitorId: "c1",
    capturedAt: "2026-03-01T09:00:00+07:00",
    url: "https://dienmayxanhla.vn/p",
    where: "Tai nghe — https://dienmayxanhla.vn/p",
  },
};

/** A price capture whose page is watched but could not be re-checked. */
const priced: ObservationView = {
  id: "0193-priced",
  createdBy: "d",
  pending: false,
  fields: {
    channel: "web",
    what: "1.290.000₫",
    url: "https://dienmayxanhla.vn/p",
    capturedAt: "2026-03-01T09:05:00+07:00",
    evidence: { facts: { element: { selector: ".price", text: "1.290.000₫" } } },
  },
};

function fakeClient(current: SyncStatusView = status, watches: WatchView[] = []) {
  const sent: WorkerRequest[] = [];
  const listeners = new Set<(e: UiEvent) => void>();
  let locale: "vi" | "en" = "en";
  const revoked = current.state === "unauthorized";
  const client: WorkerClient = {
    async request(r) {
      sent.push(r);
      const answer = (): unknown => {
        switch (r.type) {
          case "status.get":
            return current;
          case "settings.get":
            return { locale, eventMode: { active: false, eventName: "", booth: "" } };
          case "settings.set":
            locale = r.patch.locale ?? locale;
            return { locale, eventMode: { active: false, eventName: "", booth: "" } };
          case "page.state":
            return {
              tabId: 1,
              url: "https://dienmayxanhla.vn/p",
              report: { url: "", found: [obs.id], notFound: [], changes: [], facts: {} },
              unavailable: null,
            };
          case "observations.list":
            return {
              items: [obs],
              config: {
                competitors: [{ id: "c1", name: "ĐiệnMáyXanhLá", domains: [] }],
                tags: ["promo"],
              },
            };
          case "capture.start":
            return revoked
              ? { ok: false, error: "revoked" }
              : { ok: true, id: obs.id, screenshot: "none", elapsedMs: 42 };
          case "export.unsent":
            return { files: [{ name: "sightline-unsent-x.json", text: "{}", mutations: 2 }] };
          case "observation.update":
            return { ok: true };
          case "watch.list":
          case "watch.check":
            return { items: watches };
          case "watch.add":
            return { ok: false, error: "nothing-to-watch" };
          default:
            return null;
        }
      };
      return answer() as never;
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  const emit = (e: UiEvent) => {
    for (const l of listeners) l(e);
  };
  return { client, sent, emit };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
};
const downloads: string[] = [];
const actions = {
  requestSiteAccess: async () => true,
  openOptions: () => undefined,
  savePhoto: async () => null,
  download: (name: string) => void downloads.push(name),
};

describe("PanelApp", () => {
  const root = document.createElement("div");
  document.body.append(root);
  afterEach(() => render(null, root));

  it("shows the sync status, captures, and opens the prefilled 5W1H form; saves a patch", async () => {
    const { client, sent } = fakeClient();
    await act(() => {
      render(
        <Client.Provider value={client}>
          <PanelApp actions={actions} />
        </Client.Provider>,
        root,
      );
    });
    await flush();
    const summary = root.querySelector('[data-testid="sync-summary"]')?.textContent ?? "";
    expect(summary).toContain("2 not synced");
    expect(summary).toContain("oldest 5 min ago");
    expect(summary).toContain("Offline");
    expect(root.querySelector('[data-testid="page-captures"]')?.textContent).toContain(
      "pin 50 giờ",
    );

    await act(() =>
      (root.querySelector('[data-testid="capture-selection"]') as HTMLButtonElement).click(),
    );
    await flush();
    expect(root.querySelector('[data-testid="capture-result"]')?.textContent).toContain(
      "Saved in 42 ms",
    );
    const what = root.querySelector('[data-testid="form-what"]') as HTMLTextAreaElement;
    expect(what.value).toBe("pin 50 giờ");

    const why = root.querySelectorAll<HTMLTextAreaElement>(
      ".obs-form textarea",
    )[1] as HTMLTextAreaElement;
    await act(() => {
      why.value = "Muốn pin lâu";
      why.dispatchEvent(new Event("input", { bubbles: true }));
    });
    const chip = [...root.querySelectorAll<HTMLButtonElement>(".chip")].find(
      (b) => b.textContent === "Price",
    );
    await act(() => chip?.click());
    await act(() => (root.querySelector('[data-testid="form-save"]') as HTMLButtonElement).click());
    await flush();
    expect(sent.find((r) => r.type === "observation.update")).toEqual({
      type: "observation.update",
      id: obs.id,
      fields: { why: "Muốn pin lâu", needs: ["price"] },
    });
  });

  it("switches language", async () => {
    const { client } = fakeClient();
    await act(() => {
      render(
        <Client.Provider value={client}>
          <PanelApp actions={actions} />
        </Client.Provider>,
        root,
      );
    });
    await flush();
    expect(root.textContent).toContain("This page");
    await act(() =>
      (root.querySelector('[data-testid="locale-toggle"]') as HTMLButtonElement).click(),
    );
    await flush();
    expect(root.textContent).toContain("Trang này");
  });

  it("a revoked install says what happened and whom to ask, refuses a capture with that message, offers export — in both languages", async () => {
    const { client } = fakeClient({
      ...status,
      state: "unauthorized",
      lastError: "unauthorized",
      unsynced: 2,
      pendingBlobs: 0,
    });
    await act(() => {
      render(
        <Client.Provider value={client}>
          <PanelApp actions={actions} />
        </Client.Provider>,
        root,
      );
    });
    await flush();
    const notice = () => root.querySelector('[data-testid="revoked"]')?.textContent ?? "";
    expect(notice()).toContain("This browser was disconnected");
    expect(notice()).toContain("A manager disconnected this browser from Sightline");
    expect(notice()).toContain("Its 2 unsent changes are kept safe in this browser.");
    expect(notice()).toContain("Ask a manager for a new pairing code");
    expect(root.querySelector('[data-testid="sync-summary"]')?.textContent).toContain(
      "A manager disconnected this device",
    );
    expect(root.querySelector('[data-testid="sync-now"]')).toBeNull();

    await act(() =>
      (root.querySelector('[data-testid="capture-selection"]') as HTMLButtonElement).click(),
    );
    await flush();
    expect(root.querySelector('[data-testid="capture-result"]')?.textContent).toBe(
      "Not saved: a manager disconnected this browser. Ask a manager for a new code (see Settings).",
    );
    expect(root.textContent).not.toContain("Saved in");

    await act(() =>
      (root.querySelector('[data-testid="export-unsent"]') as HTMLButtonElement).click(),
    );
    await flush();
    expect(downloads).toContain("sightline-unsent-x.json");
    expect(root.querySelector('[data-testid="export-result"]')?.textContent).toBe(
      "Saved 2 changes to sightline-unsent-x.json. Give the file to a manager.",
    );

    await act(() =>
      (root.querySelector('[data-testid="locale-toggle"]') as HTMLButtonElement).click(),
    );
    await flush();
    expect(notice()).toContain("Trình duyệt này đã bị ngắt kết nối");
    expect(notice()).toContain("2 thay đổi chưa gửi vẫn được giữ an toàn trong trình duyệt này.");
    expect(notice()).toContain("Hãy nhờ quản lý cấp mã ghép nối mới");
    expect(root.querySelector('[data-testid="capture-result"]')?.textContent).toBe(
      "Chưa lưu: quản lý đã ngắt kết nối trình duyệt này. Hãy nhờ quản lý cấp mã mới (xem Cài đặt).",
    );
  });

  it("watched pages: Watch on a capture with an element, and the Watched tab says why a page cannot be re-checked", async () => {
    const watch: WatchView = {
      id: "w1",
      observationId: priced.id,
      url: "https://dienmayxanhla.vn/p",
      title: "Tai nghe Sony",
      kind: "element",
      value: "1.290.000₫",
      lastCheckedAt: Date.now() - 2 * 60_000,
      lastChangedAt: null,
      nextCheckAt: Date.now() + 58 * 60_000,
      changes: 0,
      problem: "fetch-failed",
      problemDetail: "HTTP 503",
    };
    const timedOut: WatchView = { ...watch, id: "w2", problemDetail: "timeout" };
    const { client, sent } = fakeClient(status, [watch, timedOut]);
    await act(() => {
      render(
        <Client.Provider value={client}>
          <PanelApp actions={actions} />
        </Client.Provider>,
        root,
      );
    });
    await flush();
    // "pin 50 giờ" has no element and no price: nothing to watch, no button.
    const item = root.querySelector(`[data-id="${obs.id}"]`);
    expect(item?.querySelector('[data-testid="watch"]')).toBeNull();

    await act(() =>
      (root.querySelector('[data-testid="tab-watched"]') as HTMLButtonElement).click(),
    );
    await flush();
    const list = root.querySelector('[data-testid="watched-list"]');
    expect(list?.textContent).toContain("1.290.000₫");
    expect(list?.textContent).toContain("Last checked 2 min ago");
    expect(
      [...(list?.querySelectorAll('[data-testid="watch-problem"]') ?? [])].map(
        (p) => p.textContent,
      ),
    ).toEqual([
      "Cannot re-check: the page could not be loaded (HTTP 503)",
      "Cannot re-check: the page could not be loaded (it took too long)",
    ]);
    await act(() =>
      (root.querySelector('[data-testid="watch-check"]') as HTMLButtonElement).click(),
    );
    await flush();
    expect(sent).toContainEqual({ type: "watch.check", id: "w1" });
  });

  it("Watch appears on a capture of an element and asks the worker", async () => {
    const { client, sent } = fakeClient();
    const withPriced = {
      ...client,
      async request(r: WorkerRequest) {
        if (r.type === "observations.list") {
          sent.push(r);
          return { items: [obs, priced], config: { competitors: [], tags: [] } } as never;
        }
        return client.request(r);
      },
    } as typeof client;
    await act(() => {
      render(
        <Client.Provider value={withPriced}>
          <PanelApp actions={actions} />
        </Client.Provider>,
        root,
      );
    });
    await flush();
    const button = root.querySelector(
      `[data-id="${priced.id}"] [data-testid="watch"]`,
    ) as HTMLButtonElement;
    expect(button.textContent).toBe("Watch");
    await act(() => button.click());
    await flush();
    expect(sent).toContainEqual({ type: "watch.add", observationId: priced.id });
    // The fake answers nothing-to-watch: said, not swallowed.
    expect(root.querySelector(`[data-id="${priced.id}"] .error`)?.textContent).toBe(
      "This capture has no price or element to watch",
    );
  });
});
