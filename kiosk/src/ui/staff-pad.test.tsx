// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { TEST_CONFIG } from "../../test/support/fake-server.ts";
import {
  click,
  fakePlatform,
  kioskService,
  recordWrites,
  renderUi,
  settle,
  type,
} from "../../test/support/render.tsx";
import type { KioskApi } from "../worker/api.ts";
import { StaffPad, UNDO_MS } from "./staff-pad.tsx";

const store = TEST_CONFIG.store as NonNullable<typeof TEST_CONFIG.store>;

async function setup(platform = fakePlatform(), contextIdleMs = 0) {
  const { service } = await kioskService();
  const { api, writes } = recordWrites(service);
  const ui = renderUi(
    <StaffPad
      store={store}
      onCustomerMode={() => {}}
      onDevice={() => {}}
      contextIdleMs={contextIdleMs}
    />,
    { api, platform },
  );
  await settle();
  const behaviour = (code: string) =>
    ui.el.querySelector(`button.behaviour[data-code="${code}"]`) as HTMLButtonElement;
  const chip = (group: string, value: string) =>
    ui.el.querySelector(`[data-testid="${group}"] button[data-value="${value}"]`);
  const toast = () => ui.el.querySelector('[data-testid="toast"]');
  return { ...ui, service, api, writes, behaviour, chip, toast, platform };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("staff pad", () => {
  it("has big touch targets for every behaviour of the store", async () => {
    const { el } = await setup();
    const labels = [...el.querySelectorAll("button.behaviour .behaviour__label")].map(
      (b) => b.textContent,
    );
    expect(labels).toEqual(["Browsed", "Asked price", "Purchased"]);
  });

  it("one tap = one store observation with the selected zone and segment", async () => {
    const { behaviour, chip, writes, service } = await setup();
    click(chip("zones", "Laptop"));
    click(chip("ages", "25-34"));
    click(chip("parties", "couple"));
    click(behaviour("asked-price"));
    await settle();
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({
      op: "obs.create",
      fields: {
        channel: "store",
        method: "shopper-observation",
        storeId: "s1",
        behaviour: "asked-price",
        what: "Asked price",
        zone: "Laptop",
        segment: { ageBand: "25-34", party: "couple" },
      },
    });
    expect(writes[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect((await service.status()).unsynced).toBe(1);
  });

  it("confirms only after the write is durable", async () => {
    const { service } = await kioskService();
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const api: KioskApi = {
      ...service,
      write: async (w) => {
        await gate;
        return service.write(w);
      },
    };
    const { el } = renderUi(
      <StaffPad store={store} onCustomerMode={() => {}} onDevice={() => {}} />,
      { api },
    );
    await settle();
    click(el.querySelector('button.behaviour[data-code="browsed"]'));
    await settle();
    expect(el.querySelector('[data-testid="toast"]')).toBeNull();
    expect(el.querySelector('[data-code="browsed"] .behaviour__count')?.textContent).toBe("0");
    release();
    await settle();
    expect(el.querySelector('[data-testid="toast"]')?.textContent).toContain("Saved: Browsed");
    expect(el.querySelector('[data-code="browsed"] .behaviour__count')?.textContent).toBe("1");
  });

  it("keeps zone and segment selected between taps; note and needs go with one tap only", async () => {
    const { el, behaviour, chip, writes } = await setup();
    click(chip("zones", "Điện thoại"));
    click(chip("parties", "family"));
    click(el.querySelector(".details__toggle"));
    type(el.querySelector('[data-testid="note"]'), "hỏi trả góp");
    click(chip("needs", "price"));
    click(behaviour("asked-price"));
    await settle();
    click(behaviour("browsed"));
    await settle();
    expect(writes.map((w) => w.fields)).toMatchObject([
      {
        zone: "Điện thoại",
        segment: { party: "family" },
        note: "hỏi trả góp",
        what: "Asked price",
        needs: ["price"],
      },
      { zone: "Điện thoại", segment: { party: "family" }, what: "Browsed" },
    ]);
    expect(writes[1]?.fields?.note).toBeUndefined();
    expect(writes[1]?.fields?.needs).toBeUndefined();
    expect(chip("zones", "Điện thoại")?.getAttribute("aria-pressed")).toBe("true");
  });

  it("a second tap on a selected chip clears it", async () => {
    const { chip, behaviour, writes } = await setup();
    click(chip("zones", "Laptop"));
    click(chip("zones", "Laptop"));
    click(behaviour("browsed"));
    await settle();
    expect(writes[0]?.fields?.zone).toBeUndefined();
  });

  it("Undo writes a delete tombstone for that observation and lowers the tally", async () => {
    const { el, behaviour, writes, toast, service } = await setup();
    click(behaviour("purchased"));
    await settle();
    expect(el.querySelector('[data-code="purchased"] .behaviour__count')?.textContent).toBe("1");
    click(toast()?.querySelector('[data-testid="undo"]'));
    await settle();
    // The first press only asks; nothing is deleted yet.
    expect(writes.map((w) => w.op)).toEqual(["obs.create"]);
    expect(toast()?.textContent).toContain("Undo Purchased?");
    click(toast()?.querySelector('[data-testid="undo-confirm"]'));
    await settle();
    expect(writes.map((w) => w.op)).toEqual(["obs.create", "obs.delete"]);
    expect(writes[1]?.id).toBe(writes[0]?.id);
    expect(toast()?.textContent).toContain("Undone: Purchased");
    expect(el.querySelector('[data-code="purchased"] .behaviour__count')?.textContent).toBe("0");
    // Both the create and its tombstone wait in the outbox: the delete syncs too.
    expect((await service.status()).unsynced).toBe(2);
  });

  it("a double tap on Undo lands on Keep: nothing is deleted", async () => {
    const { el, behaviour, writes, toast } = await setup();
    click(behaviour("purchased"));
    await settle();
    const undo = toast()?.querySelector('[data-testid="undo"]') as HTMLElement;
    click(undo);
    await settle();
    const keep = toast()?.querySelector('[data-testid="undo-keep"]') as HTMLElement;
    // Keep is the last button of the strip, where Undo was.
    expect(keep.parentElement?.lastElementChild).toBe(keep);
    click(keep);
    await settle();
    expect(writes.map((w) => w.op)).toEqual(["obs.create"]);
    expect(toast()?.textContent).toContain("Saved: Purchased");
    expect(el.querySelector('[data-code="purchased"] .behaviour__count')?.textContent).toBe("1");
  });

  it("the confirmation has a row of its own above the pad, reserved even when empty", async () => {
    const { el, behaviour, toast } = await setup();
    const strip = () => el.querySelector('[data-testid="confirm-strip"]');
    expect(strip()).not.toBeNull();
    expect(toast()).toBeNull();
    const pad = el.querySelector("main.pad") as HTMLElement;
    // The strip comes before the pad in the flow: it is not an overlay.
    expect(strip()?.compareDocumentPosition(pad)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(pad.contains(strip())).toBe(false);
    click(behaviour("browsed"));
    await settle();
    expect(strip()?.contains(toast())).toBe(true);
  });

  it("clears zone and segment after the idle period, so they never carry to the next shopper", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { chip, behaviour, writes, platform } = await setup(fakePlatform(), 60_000);
    click(chip("zones", "Laptop"));
    click(chip("parties", "couple"));
    vi.advanceTimersByTime(59_000);
    click(behaviour("browsed")); // a touch restarts the count
    await settle();
    vi.advanceTimersByTime(59_000);
    await settle();
    expect(chip("zones", "Laptop")?.getAttribute("aria-pressed")).toBe("true");
    vi.advanceTimersByTime(1_000);
    await settle();
    expect(chip("zones", "Laptop")?.getAttribute("aria-pressed")).toBe("false");
    expect(chip("parties", "couple")?.getAttribute("aria-pressed")).toBe("false");
    expect(platform.saved.get("kiosk.zone")).toBeUndefined();
    click(behaviour("browsed"));
    await settle();
    expect(writes[0]?.fields?.zone).toBe("Laptop");
    expect(writes[1]?.fields?.zone).toBeUndefined();
    expect(writes[1]?.fields?.segment).toBeUndefined();
  });

  it("the dwell timer sits in the head row above the grid (on screen in both orientations)", async () => {
    const { el } = await setup();
    const dwell = el.querySelector('[data-testid="dwell"]') as HTMLElement;
    expect(dwell.parentElement?.classList.contains("pad__head")).toBe(true);
    const grid = el.querySelector(".behaviour-grid") as HTMLElement;
    expect(dwell.compareDocumentPosition(grid)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
  });

  it("offers Undo for 8 seconds", async () => {
    const { behaviour, toast } = await setup();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    click(behaviour("browsed"));
    await settle();
    expect(toast()?.querySelector('[data-testid="undo"]')?.textContent).toBe("Undo");
    vi.advanceTimersByTime(UNDO_MS - 100);
    await settle();
    expect(toast()).not.toBeNull();
    vi.advanceTimersByTime(200);
    await settle();
    expect(toast()).toBeNull();
  });

  it("repeats the last tap with its zone", async () => {
    const { el, behaviour, chip, writes } = await setup();
    const repeat = el.querySelector('[data-testid="repeat-last"]') as HTMLButtonElement;
    expect(repeat.disabled).toBe(true);
    click(chip("zones", "Laptop"));
    click(behaviour("browsed"));
    await settle();
    click(chip("zones", "Cửa vào"));
    expect(repeat.textContent).toBe("Repeat: Browsed · Laptop");
    click(repeat);
    await settle();
    expect(writes).toHaveLength(2);
    expect(writes[1]?.fields).toMatchObject({ behaviour: "browsed", zone: "Laptop" });
    expect(writes[1]?.id).not.toBe(writes[0]?.id);
    expect(el.querySelector('[data-testid="today-total"]')?.textContent).toBe(
      "Today: 2 observations",
    );
  });

  it("shows today's tally from the local mirror when it opens", async () => {
    const { service } = await kioskService();
    const { api } = recordWrites(service);
    const first = renderUi(
      <StaffPad store={store} onCustomerMode={() => {}} onDevice={() => {}} />,
      { api },
    );
    await settle();
    for (let i = 0; i < 3; i++) {
      click(first.el.querySelector('button.behaviour[data-code="browsed"]'));
      await settle();
    }
    first.unmount();
    const again = renderUi(
      <StaffPad store={store} onCustomerMode={() => {}} onDevice={() => {}} />,
      { api },
    );
    await vi.waitFor(() =>
      expect(again.el.querySelector('[data-code="browsed"] .behaviour__count')?.textContent).toBe(
        "3",
      ),
    );
  });

  it("times a dwell and saves its duration", async () => {
    let now = Date.UTC(2026, 2, 1, 3, 0, 0);
    const platform = { ...fakePlatform(), now: () => now };
    const { el, chip, writes } = await setup(platform);
    click(chip("zones", "Laptop"));
    const dwell = () => el.querySelector('[data-testid="dwell"]') as HTMLElement;
    click(dwell().querySelector("button"));
    now += 95_000;
    click([...dwell().querySelectorAll("button")].find((b) => b.textContent === "Stop and save"));
    await settle();
    expect(writes[0]?.fields).toMatchObject({
      channel: "store",
      zone: "Laptop",
      durationSec: 95,
      what: "A shopper stayed 1:35 in Laptop",
    });
    expect(writes[0]?.fields?.behaviour).toBeUndefined();
  });
});
