// @vitest-environment happy-dom
// Right after pairing, the options page asks once for the workspace's
// competitor sites, saying why; answered (allowed or "Not now") it does not
// ask again. And the selection-screenshot setting. Against a scripted worker
// whose settings persist, and browser permission actions that record what was
// asked.
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import type { Settings, SyncStatusView, WorkerRequest } from "../../messages.ts";
import { Client } from "../client-context.ts";
import type { WorkerClient } from "../worker-client.ts";
import { type OptionsActions, OptionsApp } from "./OptionsApp.tsx";

const paired: SyncStatusView = {
  paired: true,
  serverUrl: "https://s.example.vn",
  workspaceName: "Demo",
  unsynced: 0,
  oldestUnsyncedAt: null,
  lastSyncAt: Date.now(),
  pendingBlobs: 0,
  state: "idle",
  lastError: null,
  rejected: 0,
};

function world(o: { competitors?: { id: string; name: string; domains: string[] }[] } = {}) {
  const sent: WorkerRequest[] = [];
  let settings: Settings = { locale: "en", eventMode: { active: false, eventName: "", booth: "" } };
  const granted = new Set<string>();
  const asked: string[][] = [];
  let answer = true;
  const client: WorkerClient = {
    async request(r) {
      sent.push(r);
      const reply = (): unknown => {
        switch (r.type) {
          case "status.get":
            return paired;
          case "settings.get":
            return settings;
          case "settings.set":
            settings = { ...settings, ...(r.patch as Partial<Settings>) };
            return settings;
          case "observations.list":
            return {
              items: [],
              config: {
                competitors: o.competitors ?? [
                  { id: "c1", name: "ĐiệnMáyXanhLá", domains: ["dienmayxanhla.vn"] },
                ],
                tags: [],
              },
            };
          default:
            return null;
        }
      };
      return reply() as never;
    },
    subscribe: () => () => undefined,
  };
  const actions: OptionsActions = {
    async requestOrigins(origins) {
      asked.push(origins);
      if (answer) for (const x of origins) granted.add(x);
      return answer;
    },
    hasOrigins: async (origins) => origins.every((x) => granted.has(x)),
    defaultDeviceName: "Firefox · Linux",
    download: () => undefined,
  };
  return {
    client,
    actions,
    sent,
    asked,
    settings: () => settings,
    refuse: () => {
      answer = false;
    },
  };
}

const flush = async () => {
  for (let i = 0; i < 6; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
};

describe("options: after pairing, one prompt for the competitors' sites", () => {
  const root = document.createElement("div");
  document.body.append(root);
  afterEach(() => render(null, root));

  async function show(w: ReturnType<typeof world>) {
    await act(() => {
      render(
        <Client.Provider value={w.client}>
          <OptionsApp actions={w.actions} />
        </Client.Provider>,
        root,
      );
    });
    await flush();
  }
  const card = () => root.querySelector('[data-testid="onboarding-access"]');
  const click = async (id: string) => {
    await act(() => (root.querySelector(`[data-testid="${id}"]`) as HTMLElement).click());
    await flush();
  };

  it("says why and which sites; Allow asks for exactly those origins and the prompt is gone", async () => {
    const w = world();
    await show(w);
    expect(card()?.textContent).toContain("let Sightline read your competitors' sites");
    expect(card()?.textContent).toContain("tells you which prices or texts changed");
    expect(card()?.textContent).toContain("re-check the pages you watch");
    expect(card()?.textContent).toContain(
      "Only your workspace's competitor sites: dienmayxanhla.vn",
    );
    await click("onboarding-allow");
    expect(w.asked).toEqual([["*://*.dienmayxanhla.vn/*"]]);
    expect(w.settings().accessPrompted).toBe(true);
    expect(card()).toBeNull();
    // Opened again later: not asked again.
    render(null, root);
    await show(w);
    expect(card()).toBeNull();
  });

  it("the browser refusing keeps the prompt (nothing recorded as answered)", async () => {
    const w = world();
    w.refuse();
    await show(w);
    await click("onboarding-allow");
    expect(w.asked).toHaveLength(1);
    expect(w.settings().accessPrompted).toBeUndefined();
    expect(card()).not.toBeNull();
  });

  it("Not now is an answer: no request, not asked again", async () => {
    const w = world();
    await show(w);
    await click("onboarding-later");
    expect(w.asked).toEqual([]);
    expect(w.settings().accessPrompted).toBe(true);
    expect(card()).toBeNull();
  });

  it("with no competitor sites yet it says so and offers nothing to allow", async () => {
    const w = world({ competitors: [] });
    await show(w);
    expect(card()?.textContent).toContain("no competitor sites yet");
    expect(
      (root.querySelector('[data-testid="onboarding-allow"]') as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it("in Vietnamese too", async () => {
    const w = world();
    await show(w);
    await act(async () => {
      await w.client.request({ type: "settings.set", patch: { locale: "vi" } });
    });
    render(null, root);
    await show(w);
    expect(card()?.textContent).toContain("cho phép Sightline đọc trang của đối thủ");
  });

  it("the selection-screenshot setting is saved when ticked", async () => {
    const w = world();
    await show(w);
    const box = root.querySelector('[data-testid="selection-screenshots"]') as HTMLInputElement;
    expect(box.checked).toBe(false);
    await act(() => box.click());
    await flush();
    expect(w.sent).toContainEqual({
      type: "settings.set",
      patch: { selectionScreenshots: true },
    });
    expect(w.settings().selectionScreenshots).toBe(true);
  });
});
