// @vitest-environment happy-dom
// Event mode's quick note: the basis (observed / inferred / heard) is chosen
// while writing and sent with the note; after saving, the text, competitor
// and basis start fresh for the next note.
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import type { Settings, WorkerRequest } from "../../messages.ts";
import { Client } from "../client-context.ts";
import type { WorkerClient } from "../worker-client.ts";
import { EventPanel } from "./EventPanel.tsx";

const settings = {
  locale: "en",
  eventMode: { active: true, eventName: "Vietnam Expo 2026", booth: "B12" },
} as Settings;
const config = { competitors: [{ id: "c1", name: "ĐiệnMáyXanhLá", domains: [] }], tags: [] };

const flush = async () => {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
};

describe("EventPanel", () => {
  const root = document.createElement("div");
  document.body.append(root);
  afterEach(() => render(null, root));

  it("sends the chosen basis and clears competitor and basis after saving", async () => {
    const sent: WorkerRequest[] = [];
    const client: WorkerClient = {
      async request(r) {
        sent.push(r);
        if (r.type === "event.note") return { ok: true, id: "n1" } as never;
        return null as never;
      },
      subscribe: () => () => undefined,
    };
    await act(() => {
      render(
        <Client.Provider value={client}>
          <EventPanel
            settings={settings}
            config={config}
            updateSettings={async () => undefined}
            savePhoto={async () => null}
          />
        </Client.Provider>,
        root,
      );
    });
    const textarea = root.querySelector("textarea") as HTMLTextAreaElement;
    const select = root.querySelector("select") as HTMLSelectElement;
    const radio = (v: string) =>
      root.querySelector(`input[type=radio][value=${v}]`) as HTMLInputElement;
    expect(radio("observed").checked).toBe(true);
    await act(() => {
      textarea.value = "Họ nói sắp giảm giá 20%";
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
      select.value = "c1";
      select.dispatchEvent(new Event("change", { bubbles: true }));
      radio("heard").click();
    });
    await act(() => {
      (root.querySelector("form") as HTMLFormElement).dispatchEvent(
        new Event("submit", { bubbles: true, cancelable: true }),
      );
    });
    await flush();
    expect(sent.filter((r) => r.type === "event.note")).toEqual([
      { type: "event.note", text: "Họ nói sắp giảm giá 20%", competitorId: "c1", basis: "heard" },
    ]);
    expect(textarea.value).toBe("");
    expect((root.querySelector("select") as HTMLSelectElement).value).toBe("");
    expect(radio("observed").checked).toBe(true);
  });
});
