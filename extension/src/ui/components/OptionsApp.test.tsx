// @vitest-environment happy-dom
// The options page against a scripted WorkerClient: a revoked install's
// notice, Export unsent data and Reconnect (with the 409 device-id-taken
// answer explained), and unpairing over unsent changes, which takes two
// separate confirmations naming the count. (Rendered with the extension's
// own Preact 10.)
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import type { PairResult, SyncStatusView, WorkerRequest } from "../../messages.ts";
import { Client } from "../client-context.ts";
import type { WorkerClient } from "../worker-client.ts";
import { OptionsApp } from "./OptionsApp.tsx";

const base: SyncStatusView = {
  paired: true,
  serverUrl: "https://s.example.vn",
  workspaceName: "Demo",
  unsynced: 2,
  oldestUnsyncedAt: Date.now() - 60_000,
  lastSyncAt: Date.now() - 60 * 60_000,
  pendingBlobs: 0,
  state: "waiting",
  lastError: "network",
  rejected: 0,
};

/** A worker that holds `unsynced` changes and unpairs only when both confirmations name them. */
function fakeClient(o: { status: SyncStatusView; locale?: "vi" | "en"; reconnect?: PairResult }) {
  const sent: WorkerRequest[] = [];
  let current = o.status;
  const client: WorkerClient = {
    async request(r) {
      sent.push(r);
      const answer = (): unknown => {
        switch (r.type) {
          case "status.get":
            return current;
          case "sync.now":
            return current;
          case "settings.get":
            return {
              locale: o.locale ?? "en",
              eventMode: { active: false, eventName: "", booth: "" },
            };
          case "observations.list":
            return { items: [], config: { competitors: [], tags: [] } };
          case "export.unsent":
            return {
              files: [
                { name: "sightline-unsent-0193a1b2-2026-03-01.json", text: "{}", mutations: 2 },
              ],
            };
          case "reconnect":
            return o.reconnect ?? { ok: true, workspaceId: "ws1" };
          case "unpair": {
            const lost = current.unsynced + current.pendingBlobs;
            if (lost > 0 && (r.understood !== lost || r.confirmed !== lost))
              return { ok: false, unsynced: lost };
            current = { ...current, paired: false, state: "unpaired" };
            return { ok: true };
          }
          default:
            return null;
        }
      };
      return answer() as never;
    },
    subscribe: () => () => undefined,
  };
  return {
    client,
    sent,
    setStatus: (s: SyncStatusView) => {
      current = s;
    },
  };
}

const downloads: { name: string; text: string }[] = [];
const actions = {
  requestOrigins: async () => false,
  hasOrigins: async () => false,
  defaultDeviceName: "Chrome · Linux",
  download: (name: string, text: string) => void downloads.push({ name, text }),
};

const flush = async () => {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
};
const byId = (root: HTMLElement, id: string) =>
  root.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
async function clickId(root: HTMLElement, id: string) {
  const el = byId(root, id);
  if (!el) throw new Error(`no ${id}`);
  await act(() => el.click());
  await flush();
}
async function typeIn(el: HTMLInputElement | null, value: string) {
  if (!el) throw new Error("no input");
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

describe("OptionsApp", () => {
  const root = document.createElement("div");
  document.body.append(root);
  afterEach(() => render(null, root));

  async function show(client: WorkerClient) {
    await act(() => {
      render(
        <Client.Provider value={client}>
          <OptionsApp actions={actions} />
        </Client.Provider>,
        root,
      );
    });
    await flush();
  }

  it("a revoked install says so, exports its unsent data, and explains a refused re-admission", async () => {
    const revoked = { ...base, state: "unauthorized" as const, lastError: "unauthorized" };
    const { client, sent } = fakeClient({
      status: revoked,
      reconnect: { ok: false, error: "device-id-taken", detail: "HTTP 409" },
    });
    await show(client);
    const notice = byId(root, "revoked")?.textContent ?? "";
    expect(notice).toContain("This browser was disconnected");
    expect(notice).toContain("Its 2 unsent changes are kept safe in this browser.");
    expect(notice).toContain("Ask a manager for a new pairing code");

    await clickId(root, "export-unsent");
    expect(downloads.map((d) => d.name)).toContain("sightline-unsent-0193a1b2-2026-03-01.json");

    await typeIn(byId(root, "reconnect-code") as HTMLInputElement, "NEWC0DE9");
    await act(() => {
      byId(root, "reconnect-form")?.dispatchEvent(new Event("submit", { cancelable: true }));
    });
    await flush();
    expect(sent).toContainEqual({ type: "reconnect", code: "NEWC0DE9" });
    expect(byId(root, "reconnect-error")?.textContent).toBe(
      "The server refused: this browser's device id belongs to a device that is still connected. Ask a manager to check Admin → Devices. Nothing was deleted. Not reconnected; every unsent change is still in this browser.",
    );
  });

  it("shows the revoked state in Vietnamese", async () => {
    const { client } = fakeClient({
      status: { ...base, state: "unauthorized", lastError: "unauthorized", pendingBlobs: 1 },
      locale: "vi",
    });
    await show(client);
    const notice = byId(root, "revoked")?.textContent ?? "";
    expect(notice).toContain("Trình duyệt này đã bị ngắt kết nối");
    expect(notice).toContain("Một quản lý đã ngắt kết nối trình duyệt này khỏi Sightline");
    expect(notice).toContain("2 thay đổi chưa gửi vẫn được giữ an toàn trong trình duyệt này.");
    expect(notice).toContain("1 ảnh chụp chưa tải lên không nằm trong tệp xuất");
    expect(root.textContent).toContain("Kết nối lại bằng mã mới");
  });

  it("unpairing over unsent changes offers export and Sync now, then takes two confirmations", async () => {
    const { client, sent } = fakeClient({ status: base });
    await show(client);
    const unpairButton = [...root.querySelectorAll("button")].find(
      (b) => b.textContent === "Unpair",
    );
    await act(() => unpairButton?.click());
    await flush();
    const warning = byId(root, "unpair-warning")?.textContent ?? "";
    expect(warning).toContain("2 changes are NOT on the server yet");
    expect(warning).toContain("first Export unsent data");
    expect(byId(root, "unpair-confirm")).toBeNull();

    // Sync now runs and reports (still offline here).
    await clickId(root, "unpair-sync");
    expect(sent.filter((r) => r.type === "sync.now")).toHaveLength(1);
    expect(byId(root, "unpair-sync-result")?.textContent).toBe(
      "Cannot reach the server. The 2 changes stay on this device; try again when the network is back.",
    );

    expect((byId(root, "unpair-continue") as HTMLButtonElement).disabled).toBe(true);
    await clickId(root, "unpair-ack");
    await clickId(root, "unpair-continue");
    expect(byId(root, "unpair-final")?.textContent).toContain("type the number 2");
    const confirm = () => byId(root, "unpair-confirm") as HTMLButtonElement;
    expect(confirm().textContent).toBe("Delete 2 changes and unpair");
    expect(confirm().disabled).toBe(true);
    await typeIn(byId(root, "unpair-count") as HTMLInputElement, "2");
    expect(confirm().disabled).toBe(false);
    await clickId(root, "unpair-confirm");
    expect(sent.filter((r) => r.type === "unpair").at(-1)).toEqual({
      type: "unpair",
      understood: 2,
      confirmed: 2,
    });
  });

  it("after Sync now sends everything, unpairing is one step", async () => {
    const { client, sent, setStatus } = fakeClient({ status: { ...base, unsynced: 1 } });
    await show(client);
    const unpairButton = () =>
      [...root.querySelectorAll("button")].find((b) => b.textContent === "Unpair");
    await act(() => unpairButton()?.click());
    await flush();
    expect(byId(root, "unpair-warning")?.textContent).toContain(
      "1 change is NOT on the server yet",
    );
    setStatus({ ...base, unsynced: 0, state: "idle", lastError: null });
    await clickId(root, "unpair-sync");
    expect(byId(root, "unpair-warning")).toBeNull();
    expect(byId(root, "unpair-sync-result")?.textContent).toBe(
      "Synced: every change is on the server.",
    );
    await act(() => unpairButton()?.click());
    await flush();
    expect(sent.filter((r) => r.type === "unpair").at(-1)).toEqual({ type: "unpair" });
    expect(byId(root, "unpair-warning")).toBeNull();
  });
});
