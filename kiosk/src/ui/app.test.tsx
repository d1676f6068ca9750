// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import {
  click,
  fakePlatform,
  kioskService,
  renderUi,
  settle,
  type,
} from "../../test/support/render.tsx";
import { App } from "./app.tsx";

const field = (el: HTMLElement, name: string) =>
  el.querySelector(`input[name="${name}"]`) as HTMLInputElement;

describe("kiosk app", () => {
  it("pairs on first run: code, PIN, then the store's pad", async () => {
    const { service } = await kioskService({ paired: false });
    const platform = { ...fakePlatform(), pairingCodeFromUrl: () => "ABCD2345" };
    const { el } = renderUi(<App initialLocale="vi" />, { api: service, platform });
    await vi.waitFor(() => expect(el.textContent).toContain("Ghép nối máy tính bảng"));
    expect(el.querySelector("label .field__label")?.textContent).toBe("Mã ghép nối");
    expect(field(el, "code").value).toBe("ABCD2345");
    expect(field(el, "server").value).toBe("http://kiosk.test");

    type(field(el, "pin"), "2468");
    type(field(el, "pin2"), "2469");
    click(el.querySelector('button[type="submit"]'));
    expect(el.querySelector('[role="alert"]')?.textContent).toBe("Hai mã PIN không khớp");

    type(field(el, "pin2"), "2468");
    click(el.querySelector('button[type="submit"]'));
    await vi.waitFor(() => expect(el.textContent).toContain("Cửa hàng Quận 1"), { timeout: 5000 });
    expect(platform.persistStorage).toHaveBeenCalled();
    expect(el.querySelector("button.behaviour")).not.toBeNull();
    expect(el.querySelector('[data-testid="status-strip"]')).not.toBeNull();
  });

  it("shows the server's refusal of a bad code", async () => {
    const { service } = await kioskService({ paired: false });
    const { el } = renderUi(<App initialLocale="en" />, { api: service });
    await vi.waitFor(() => expect(field(el, "code")).not.toBeNull());
    type(field(el, "code"), "nope1234");
    type(field(el, "pin"), "2468");
    type(field(el, "pin2"), "2468");
    click(el.querySelector('button[type="submit"]'));
    await vi.waitFor(() =>
      expect(el.querySelector('[role="alert"]')?.textContent).toBe(
        "The pairing code is wrong, used or expired",
      ),
    );
  });

  it("stays in feedback mode across a reload (the lock survives)", async () => {
    const { service } = await kioskService();
    const platform = fakePlatform();
    const first = renderUi(<App initialLocale="en" />, { api: service, platform });
    await vi.waitFor(() =>
      expect(first.el.querySelector('[data-testid="customer-mode"]')).not.toBeNull(),
    );
    click(first.el.querySelector('[data-testid="customer-mode"]'));
    expect(first.el.querySelector('[data-testid="feedback-mode"]')).not.toBeNull();
    first.unmount();
    const again = renderUi(<App initialLocale="en" />, { api: service, platform });
    await vi.waitFor(() =>
      expect(again.el.querySelector('[data-testid="feedback-mode"]')).not.toBeNull(),
    );
  });

  it("the language toggle changes the staff screens and is remembered", async () => {
    const { service } = await kioskService();
    const platform = fakePlatform();
    const { el } = renderUi(<App initialLocale="vi" />, { api: service, platform });
    await vi.waitFor(() => expect(el.textContent).toContain("Ghi quan sát"));
    click(el.querySelector('[data-testid="lang-toggle"]'));
    expect(el.textContent).toContain("Observation pad");
    expect(el.querySelector("button.behaviour .behaviour__label")?.textContent).toBe("Browsed");
    expect(platform.saved.get("kiosk.locale")).toBe('"en"');
  });

  it("shows unsynced count and Sync now in the status strip", async () => {
    const { service, server } = await kioskService();
    const requestSync = vi.spyOn(service, "requestSync");
    const { el } = renderUi(<App initialLocale="en" />, { api: service });
    await vi.waitFor(() => expect(el.querySelector("button.behaviour")).not.toBeNull());
    server.down = true;
    click(el.querySelector('button.behaviour[data-code="browsed"]'));
    const strip = () => el.querySelector('[data-testid="status-strip"]') as HTMLElement;
    await vi.waitFor(() => expect(strip().dataset.unsynced).toBe("1"));
    expect(strip().textContent).toContain("1 not synced");
    expect(strip().textContent).toContain("Last synced");
    server.down = false;
    click([...strip().querySelectorAll("button")].find((b) => b.textContent === "Sync now"));
    expect(requestSync).toHaveBeenCalledWith("manual");
    await vi.waitFor(() => expect(strip().dataset.unsynced).toBe("0"), { timeout: 5000 });
    expect(strip().textContent).toContain("All synced");
  });

  it("unpairing over unsynced data offers export first, then takes two separate confirmations", async () => {
    const { service, server } = await kioskService();
    const platform = fakePlatform();
    const { el } = renderUi(<App initialLocale="en" />, { api: service, platform });
    await vi.waitFor(() => expect(el.querySelector("button.behaviour")).not.toBeNull());
    server.down = true;
    click(el.querySelector('button.behaviour[data-code="browsed"]'));
    await vi.waitFor(async () => expect((await service.status()).unsynced).toBe(1));
    await settle();
    click([...el.querySelectorAll(".top-bar button")].find((b) => b.textContent === "Device"));
    click(el.querySelector('[data-testid="unpair"]'));
    const warning = el.querySelector('[data-testid="unpair-warning"]');
    expect(warning?.textContent).toContain("1 change is NOT on the server yet");
    expect(warning?.textContent).toContain("first Export unsent data");
    // No single button deletes anything on this screen.
    expect(el.querySelector('[data-testid="unpair-confirm"]')).toBeNull();

    click(el.querySelector('[data-testid="export-unsent"]'));
    await vi.waitFor(() => expect(platform.downloads).toHaveLength(1));
    expect(el.querySelector('[data-testid="export-result"]')?.textContent).toContain(
      "Saved 1 change to sightline-unsent-",
    );

    // Sync now really runs a round and says how it went (still offline).
    click(el.querySelector('[data-testid="unpair-sync"]'));
    await vi.waitFor(() =>
      expect(el.querySelector('[data-testid="unpair-sync-result"]')?.textContent).toBe(
        "Cannot reach the server. The 1 change stays on this device; try again when the network is back.",
      ),
    );

    const next = el.querySelector('[data-testid="unpair-continue"]') as HTMLButtonElement;
    expect(next.disabled).toBe(true);
    click(el.querySelector('[data-testid="unpair-ack"]'));
    expect(el.querySelector('[data-testid="unpair-ack"]')?.parentElement?.textContent).toBe(
      "I understand 1 change will be lost",
    );
    click(el.querySelector('[data-testid="unpair-continue"]'));
    const confirm = el.querySelector('[data-testid="unpair-confirm"]') as HTMLButtonElement;
    expect(el.querySelector('[data-testid="unpair-final"]')?.textContent).toContain(
      "type the number 1",
    );
    expect(confirm.textContent).toBe("Delete 1 change and unpair");
    expect(confirm.disabled).toBe(true);
    type(el.querySelector('input[name="confirm-count"]'), "2");
    expect(confirm.disabled).toBe(true);
    type(el.querySelector('input[name="confirm-count"]'), "1");
    expect(confirm.disabled).toBe(false);
    click(confirm);
    await vi.waitFor(() => expect(el.textContent).toContain("Pair this tablet"));
    expect((await service.status()).paired).toBe(false);
  });

  it("Sync now in the unpair dialog sends the changes and then unpairing is one step", async () => {
    const { service, server } = await kioskService();
    const { el } = renderUi(<App initialLocale="vi" />, { api: service });
    await vi.waitFor(() => expect(el.querySelector("button.behaviour")).not.toBeNull());
    server.down = true;
    click(el.querySelector('button.behaviour[data-code="browsed"]'));
    click(el.querySelector('button.behaviour[data-code="purchased"]'));
    await vi.waitFor(async () => expect((await service.status()).unsynced).toBe(2));
    await settle();
    click([...el.querySelectorAll(".top-bar button")].find((b) => b.textContent === "Thiết bị"));
    click(el.querySelector('[data-testid="unpair"]'));
    expect(el.querySelector('[data-testid="unpair-warning"]')?.textContent).toContain(
      "Còn 2 thay đổi CHƯA lên máy chủ",
    );
    server.down = false;
    click(el.querySelector('[data-testid="unpair-sync"]'));
    await vi.waitFor(() => expect(el.querySelector('[data-testid="unpair-warning"]')).toBeNull());
    expect(server.mutations).toHaveLength(2);
    expect(el.textContent).toContain("Mọi dữ liệu đã được đồng bộ");
    click(el.querySelector('[data-testid="unpair-confirm"]'));
    await vi.waitFor(() => expect(el.textContent).toContain("Ghép nối máy tính bảng"));
  });

  it("unpairs without a warning when everything is synced", async () => {
    const { service } = await kioskService();
    const { el } = renderUi(<App initialLocale="en" />, { api: service });
    await vi.waitFor(() => expect(el.querySelector("button.behaviour")).not.toBeNull());
    click([...el.querySelectorAll(".top-bar button")].find((b) => b.textContent === "Device"));
    click(el.querySelector('[data-testid="unpair"]'));
    expect(el.querySelector('[data-testid="unpair-warning"]')).toBeNull();
    click(el.querySelector('[data-testid="unpair-confirm"]'));
    await vi.waitFor(() => expect(el.textContent).toContain("Pair this tablet"));
  });
});

describe("unattended hygiene", () => {
  const openDevice = (el: HTMLElement) =>
    click([...el.querySelectorAll(".top-bar button")].find((b) => b.textContent === "Device"));

  it("keeps the screen on in staff mode too, unless staff turn the setting off", async () => {
    const { service } = await kioskService();
    const platform = fakePlatform();
    const { el } = renderUi(<App initialLocale="en" />, { api: service, platform });
    await vi.waitFor(() => expect(el.querySelector("button.behaviour")).not.toBeNull());
    expect(platform.wake.acquire).toHaveBeenCalled();
    openDevice(el);
    const box = el.querySelector('[data-testid="staff-wake-lock"]') as HTMLInputElement;
    expect(box.checked).toBe(true);
    box.checked = false;
    box.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    expect(platform.wake.release).toHaveBeenCalled();
    expect(platform.saved.get("kiosk.staffWakeLock")).toBe("false");
  });

  it("asks for persistent storage at every launch until granted, and shows staff the state", async () => {
    const { service } = await kioskService();
    const platform = { ...fakePlatform(), persisted: async () => false };
    platform.persistStorage = vi.fn(async () => false);
    const first = renderUi(<App initialLocale="en" />, { api: service, platform });
    await vi.waitFor(() =>
      expect(first.el.querySelector('[data-testid="not-persisted"]')?.textContent).toBe(
        "Storage not protected from eviction",
      ),
    );
    expect(platform.persistStorage).toHaveBeenCalledTimes(1);
    openDevice(first.el);
    expect(first.el.querySelector('[data-testid="persisted"]')?.className).toBe("warning");
    first.unmount();
    // The next launch asks again.
    const again = renderUi(<App initialLocale="en" />, { api: service, platform });
    await vi.waitFor(() => expect(platform.persistStorage).toHaveBeenCalledTimes(2));
    again.unmount();
    // Once granted, it is not asked any more and the warning is gone.
    const granted = { ...fakePlatform(), persisted: async () => true };
    const third = renderUi(<App initialLocale="en" />, { api: service, platform: granted });
    await vi.waitFor(() => expect(third.el.querySelector("button.behaviour")).not.toBeNull());
    await settle();
    expect(granted.persistStorage).not.toHaveBeenCalled();
    expect(third.el.querySelector('[data-testid="not-persisted"]')).toBeNull();
  });

  it("the idle period that clears zone and segment is a setting", async () => {
    const { service } = await kioskService();
    const platform = fakePlatform();
    const { el } = renderUi(<App initialLocale="en" />, { api: service, platform });
    await vi.waitFor(() => expect(el.querySelector("button.behaviour")).not.toBeNull());
    openDevice(el);
    const select = el.querySelector('[data-testid="context-idle"]') as HTMLSelectElement;
    expect(select.value).toBe("10");
    expect([...select.options].map((o) => o.textContent)).toContain("5 minutes");
    select.value = "30";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    expect(platform.saved.get("kiosk.contextIdleMin")).toBe("30");
  });

  it("zone and segment do not survive unpairing (they never carry to the next pairing)", async () => {
    const { service } = await kioskService();
    const platform = fakePlatform();
    platform.saved.set("kiosk.zone", JSON.stringify("Laptop"));
    platform.saved.set("kiosk.segment", JSON.stringify({ party: "couple" }));
    const { el } = renderUi(<App initialLocale="en" />, { api: service, platform });
    await vi.waitFor(() => expect(el.querySelector("button.behaviour")).not.toBeNull());
    expect(platform.saved.get("kiosk.zone")).toBe('"Laptop"');
    expect((await service.unpair()).ok).toBe(true);
    await vi.waitFor(() => expect(el.querySelector('input[name="code"]')).not.toBeNull());
    expect(platform.saved.has("kiosk.zone")).toBe(false);
    expect(platform.saved.has("kiosk.segment")).toBe(false);
  });
});
