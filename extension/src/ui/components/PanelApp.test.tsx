// @vitest-environment happy-dom
// The panel against a scripted WorkerClient: status strip, capture → the
// 5W1H form prefilled from the saved observation, save as a patch, language
// toggle. (Rendered with the extension's own Preact 10.)
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import type { ObservationView, SyncStatusView, UiEvent, WorkerRequest } from "../../messages.ts";
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

function fakeClient() {
  const sent: WorkerRequest[] = [];
  const listeners = new Set<(e: UiEvent) => void>();
  let locale: "vi" | "en" = "en";
  const client: WorkerClient = {
    async request(r) {
      sent.push(r);
      const answer = (): unknown => {
        switch (r.type) {
          case "status.get":
            return status;
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
            return { ok: true, id: obs.id, screenshot: "none", elapsedMs: 42 };
          case "observation.update":
            return { ok: true };
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
const actions = {
  requestSiteAccess: async () => true,
  openOptions: () => undefined,
  storePhoto: async () => null,
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
});
