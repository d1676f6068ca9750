// @vitest-environment happy-dom
// A tablet a manager revoked, on the real worker service (memory storage,
// fake server): it says what happened in the staff's language, refuses taps
// instead of confirming them, keeps and exports its queue, reconnects with a
// new code, and shows customers only a neutral out-of-service screen.
import { UnsentExportSchema } from "@sightline/shared/sync/messages/unsent-export";
import { describe, expect, it, vi } from "vitest";
import { TEST_CONFIG } from "../../test/support/fake-server.ts";
import {
  click,
  fakePlatform,
  kioskService,
  renderUi,
  settle,
  type,
} from "../../test/support/render.tsx";
import { storeTapFields } from "../core/observation-fields.ts";
import { createSuspectRule } from "../core/suspect.ts";
import { App } from "./app.tsx";
import { FeedbackMode } from "./feedback-mode.tsx";

const store = TEST_CONFIG.store as NonNullable<typeof TEST_CONFIG.store>;

/** Paired, `queued` taps made offline, then revoked by a manager. */
async function revoked(queued: number) {
  const { service, server } = await kioskService();
  server.down = true;
  const ids: string[] = [];
  for (let i = 0; i < queued; i++) {
    const fields = storeTapFields({
      storeId: "s1",
      at: Date.now(),
      behaviour: "browsed",
      what: "Browsed",
      segment: {},
    });
    ids.push((await service.write({ op: "obs.create", id: crypto.randomUUID(), fields })).id);
  }
  const { deviceId } = await service.status();
  server.revoke(deviceId);
  server.down = false;
  expect(await service.syncNow()).toMatchObject({ ok: false, failure: "unauthorized" });
  return { service, server, ids, deviceId };
}

const device = (el: HTMLElement, label: string) =>
  click([...el.querySelectorAll(".top-bar button")].find((b) => b.textContent === label));

describe("revoked tablet", () => {
  it("says what happened, that its changes are kept, and whom to ask — in English and Vietnamese", async () => {
    const { service } = await revoked(3);
    const { el } = renderUi(<App initialLocale="en" />, { api: service });
    await vi.waitFor(() => expect(el.querySelector('[data-testid="revoked"]')).not.toBeNull());
    const notice = () => el.querySelector('[data-testid="revoked"]')?.textContent ?? "";
    expect(notice()).toContain("This tablet was disconnected");
    expect(notice()).toContain("A manager disconnected this tablet from Sightline");
    expect(notice()).toContain("Its 3 unsent changes are kept safe on this tablet.");
    expect(notice()).toContain("Ask a manager for a new pairing code");
    const strip = el.querySelector('[data-testid="status-strip"]');
    expect(strip?.textContent).toContain("A manager disconnected this device");
    expect(strip?.querySelector("button")).toBeNull();

    click(el.querySelector('[data-testid="lang-toggle"]'));
    expect(notice()).toContain("Máy này đã bị ngắt kết nối");
    expect(notice()).toContain("Một quản lý đã ngắt kết nối máy tính bảng này");
    expect(notice()).toContain("3 thay đổi chưa gửi vẫn được giữ an toàn trên máy này.");
    expect(notice()).toContain("Hãy nhờ quản lý cấp mã ghép nối mới");
  });

  it("refuses a tap with that message and never shows Saved", async () => {
    const { service } = await revoked(1);
    const { el } = renderUi(<App initialLocale="en" />, { api: service });
    await vi.waitFor(() => expect(el.querySelector('[data-testid="revoked"]')).not.toBeNull());
    const total = el.querySelector('[data-testid="today-total"]')?.textContent;
    click(el.querySelector('button.behaviour[data-code="purchased"]'));
    await vi.waitFor(() =>
      expect(el.querySelector('[data-testid="toast"]')?.textContent).toBe(
        "Not saved: a manager disconnected this tablet. Ask a manager for a new code.",
      ),
    );
    expect(el.textContent).not.toContain("Saved:");
    expect(el.querySelector('[data-testid="today-total"]')?.textContent).toBe(total);
    expect((await service.status()).unsynced).toBe(1);
  });

  it("Device panel: exports the unsent taps, explains a refused re-admission, then reconnects and sends them", async () => {
    const { service, server, ids, deviceId } = await revoked(2);
    const platform = fakePlatform();
    const { el } = renderUi(<App initialLocale="en" />, { api: service, platform });
    await vi.waitFor(() => expect(el.querySelector('[data-testid="revoked"]')).not.toBeNull());
    device(el, "Device");
    const panel = () => el.querySelector(".device-panel") as HTMLElement;
    expect(panel().textContent).toContain("Its 2 unsent changes are kept safe on this tablet.");

    click(panel().querySelector('[data-testid="export-unsent"]'));
    await vi.waitFor(() => expect(platform.downloads).toHaveLength(1));
    const file = UnsentExportSchema.parse(JSON.parse(platform.downloads[0]?.text ?? ""));
    expect(file.deviceId).toBe(deviceId);
    expect(file.mutations.map((m) => m.id)).toEqual(ids);
    expect(platform.downloads[0]?.type).toBe("application/json");

    // The id is held by a device that is not revoked: say so, change nothing.
    server.devices.set(deviceId, { token: "clone", revoked: false, lastSeq: 0 });
    server.codes.add("NEWC0DE9");
    click(panel().querySelector('[data-testid="reconnect"]'));
    type(panel().querySelector('input[name="code"]'), "NEWC0DE9");
    click(panel().querySelector('[data-testid="reconnect-form"] button[type="submit"]'));
    await vi.waitFor(() =>
      expect(panel().querySelector('[data-testid="reconnect-error"]')?.textContent).toBe(
        "The server refused: this tablet's device id belongs to a device that is still connected. Ask a manager to check Admin → Devices. Nothing was deleted. Not reconnected; every unsent change is still on this tablet.",
      ),
    );
    expect(await service.status()).toMatchObject({ sync: "unauthorized", unsynced: 2 });

    // The manager revokes the clone and hands over a fresh code: back, queue sent.
    server.revoke(deviceId);
    click(panel().querySelector('[data-testid="reconnect-form"] button[type="submit"]'));
    await vi.waitFor(() => expect(el.querySelector('[data-testid="revoked"]')).toBeNull());
    await vi.waitFor(async () => expect((await service.status()).unsynced).toBe(0));
    expect(server.mutations.map((m) => m.id)).toEqual(ids);
  });

  it("unpairing a revoked tablet offers export, no Sync now, and still needs both confirmations", async () => {
    const { service } = await revoked(2);
    const { el } = renderUi(<App initialLocale="vi" />, { api: service });
    await vi.waitFor(() => expect(el.querySelector('[data-testid="revoked"]')).not.toBeNull());
    device(el, "Thiết bị");
    click(el.querySelector('[data-testid="unpair"]'));
    expect(el.querySelector('[data-testid="unpair-warning"]')?.textContent).toContain(
      "trước hết hãy Xuất dữ liệu chưa gửi",
    );
    expect(el.querySelector('[data-testid="export-unsent"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="unpair-sync"]')).toBeNull();
    expect(el.querySelector('[data-testid="unpair-confirm"]')).toBeNull();
    click(el.querySelector('[data-testid="unpair-ack"]'));
    click(el.querySelector('[data-testid="unpair-continue"]'));
    expect(el.querySelector('[data-testid="unpair-final"]')?.textContent).toContain(
      "hãy nhập số 2",
    );
    const confirm = el.querySelector('[data-testid="unpair-confirm"]') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    click([...el.querySelectorAll(".dialog button")].find((b) => b.textContent === "Giữ lại"));
    await settle();
    expect(await service.status()).toMatchObject({ paired: true, unsynced: 2 });
  });

  it("customers see a neutral out-of-service screen, never sync details", async () => {
    const { service } = await revoked(2);
    const status = await service.status();
    const { el } = renderUi(
      <FeedbackMode
        store={store}
        status={status}
        kioskLocale="vi"
        suspectRule={createSuspectRule()}
        onExit={() => {}}
      />,
      { api: service, locale: "vi" },
    );
    await settle();
    const screen = el.querySelector('[data-testid="out-of-service"]');
    expect(screen?.textContent).toBe(
      "Tạm ngưng phục vụXin vui lòng hỏi nhân viên cửa hàng. Cảm ơn bạn!",
    );
    expect(el.querySelector(".face-button")).toBeNull();
    expect(el.querySelector('[data-testid="status-strip"]')).toBeNull();
    expect(el.textContent).not.toMatch(/đồng bộ|ngắt kết nối|chưa gửi/i);
    expect(el.querySelector('[data-testid="staff-exit"]')).not.toBeNull();
    click(el.querySelector('[data-testid="lang-toggle"]'));
    expect(el.querySelector('[data-testid="out-of-service"]')?.textContent).toBe(
      "Out of servicePlease ask a member of staff. Thank you!",
    );
    expect(el.textContent).not.toMatch(/sync|disconnected|unsent/i);
  });

  it("an unfinished answer refused by a revoked tablet stays pending for after re-admission", async () => {
    const { service, server } = await revoked(0);
    const pending = { id: crypto.randomUUID(), rating: 2, at: Date.now(), suspect: false };
    const settings = new Map([["kiosk.pendingAnswer", JSON.stringify(pending)]]);
    const mode = () => (
      <FeedbackMode
        store={store}
        status={status}
        kioskLocale="en"
        suspectRule={createSuspectRule()}
        onExit={() => {}}
      />
    );
    let status = await service.status();
    const first = renderUi(mode(), { api: service, platform: fakePlatform(settings) });
    await settle();
    expect(settings.has("kiosk.pendingAnswer")).toBe(true);
    first.unmount();

    server.codes.add("NEWC0DE9");
    expect(await service.reconnect("NEWC0DE9")).toEqual({ ok: true });
    status = await service.status();
    renderUi(mode(), { api: service, platform: fakePlatform(settings) });
    await settle();
    expect(settings.has("kiosk.pendingAnswer")).toBe(false);
    await vi.waitFor(() =>
      expect(server.mutations.map((m) => [m.id, m.fields?.reasons])).toEqual([
        [pending.id, ["timeout"]],
      ]),
    );
  });
});
