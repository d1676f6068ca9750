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
} from "../../test/support/render.tsx";
import { FEEDBACK_IDLE_MS } from "../core/idle-timer.ts";
import { createSuspectRule } from "../core/suspect.ts";
import { FeedbackMode, THANKS_MS } from "./feedback-mode.tsx";

const store = TEST_CONFIG.store as NonNullable<typeof TEST_CONFIG.store>;

async function setup(
  o: { reasons?: boolean; now?: () => number; settings?: Map<string, string> } = {},
) {
  const { service } = await kioskService();
  const { api, writes } = recordWrites(service);
  const platform = { ...fakePlatform(o.settings), ...(o.now ? { now: o.now } : {}) };
  const onExit = vi.fn();
  const status = await service.status();
  const ui = renderUi(
    <FeedbackMode
      store={o.reasons === false ? { ...store, reasons: [] } : store}
      status={status}
      kioskLocale="vi"
      suspectRule={createSuspectRule()}
      onExit={onExit}
    />,
    { api, platform, locale: "vi" },
  );
  await settle();
  const root = () => ui.el.querySelector('[data-testid="feedback-mode"]') as HTMLElement;
  const face = (r: number) => ui.el.querySelector(`button.face-button[data-rating="${r}"]`);
  const reason = (code: string) =>
    ui.el.querySelector(`[data-testid="reasons"] button[data-value="${code}"]`);
  const byTestId = (id: string) => ui.el.querySelector(`[data-testid="${id}"]`);
  return { ...ui, api, writes, onExit, platform, root, face, reason, byTestId };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("customer feedback mode", () => {
  it("asks the store's question with four faces", async () => {
    const { el } = await setup();
    expect(el.querySelector(".feedback__question")?.textContent).toBe("Bạn có hài lòng hôm nay?");
    expect(
      [...el.querySelectorAll(".face-button")].map((b) => b.getAttribute("data-rating")),
    ).toEqual(["1", "2", "3", "4"]);
    expect(el.querySelectorAll(".face-button svg.face")).toHaveLength(4);
  });

  it("face → reasons → send: one feedback observation, then thank-you, then the start", async () => {
    const { face, reason, byTestId, writes, root } = await setup();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    click(face(2));
    expect(root().dataset.step).toBe("reasons");
    expect(writes).toHaveLength(0);
    click(reason("slow-checkout"));
    click(reason("friendly-staff"));
    click(byTestId("fb-send"));
    await settle();
    expect(writes).toHaveLength(1);
    expect(writes[0]?.fields).toMatchObject({
      channel: "feedback",
      method: "feedback",
      storeId: "s1",
      rating: 2,
      question: "Bạn có hài lòng hôm nay?",
      reasons: ["slow-checkout", "friendly-staff"],
      needs: ["efficiency", "empathy"],
      suspect: false,
      what: "Khách đánh giá 2/4: Không hài lòng",
    });
    expect(root().dataset.step).toBe("thanks");
    vi.advanceTimersByTime(THANKS_MS);
    await settle();
    expect(root().dataset.step).toBe("question");
  });

  it("Skip keeps the answer with no reasons", async () => {
    const { face, byTestId, writes } = await setup();
    click(face(4));
    click(byTestId("fb-skip"));
    await settle();
    expect(writes[0]?.fields).toMatchObject({ rating: 4, reasons: [] });
    expect(writes[0]?.fields?.needs).toBeUndefined();
  });

  it("without store reasons a face is the whole answer", async () => {
    const { face, writes, root } = await setup({ reasons: false });
    click(face(3));
    await settle();
    expect(writes[0]?.fields).toMatchObject({ rating: 3, reasons: [] });
    expect(root().dataset.step).toBe("thanks");
  });

  it("resets after 20 s idle and keeps the answer with the reason tapped, then timeout", async () => {
    const { face, reason, writes, root, byTestId } = await setup();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    click(byTestId("lang-toggle"));
    click(face(1));
    click(reason("slow-checkout")); // chosen but never sent
    vi.advanceTimersByTime(FEEDBACK_IDLE_MS - 1000);
    await settle();
    expect(writes).toHaveLength(0);
    vi.advanceTimersByTime(1000);
    await settle();
    expect(writes).toHaveLength(1);
    expect(writes[0]?.fields).toMatchObject({
      rating: 1,
      reasons: ["slow-checkout", "timeout"],
      question: "Were you happy today?",
    });
    expect(root().dataset.step).toBe("question");
    // The customer's language does not stick.
    expect(root().querySelector(".feedback__question")?.textContent).toBe(
      "Bạn có hài lòng hôm nay?",
    );
  });

  it("each touch restarts the idle count", async () => {
    const { face, reason, writes } = await setup();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    click(face(3));
    for (let i = 0; i < 3; i++) {
      vi.advanceTimersByTime(15_000);
      click(reason("good-price"));
      await settle();
    }
    expect(writes).toHaveLength(0);
  });

  it("marks an answer suspect when its face came < 2 s after the previous one", async () => {
    let now = Date.UTC(2026, 2, 1, 3, 0, 0);
    const { face, byTestId, writes } = await setup({ now: () => now });
    const answer = async (r: number, after: number) => {
      now += after;
      click(face(r));
      click(byTestId("fb-skip"));
      await settle();
      click(byTestId("thank-you"));
    };
    await answer(4, 0);
    await answer(4, 1200);
    await answer(4, 500);
    await answer(3, 2500);
    expect(writes.map((w) => w.fields?.suspect)).toEqual([false, true, true, false]);
  });

  it("keeps a pressed face across a page death and writes it as a timeout at the next start", async () => {
    const settings = new Map<string, string>();
    const first = await setup({ settings });
    click(first.face(3));
    click(first.reason("good-price"));
    const pending = JSON.parse(settings.get("kiosk.pendingAnswer") ?? "null");
    // The reason is kept as it is tapped.
    expect(pending).toMatchObject({ rating: 3, reasons: ["good-price"] });
    first.unmount(); // the page dies before the customer finishes
    expect(first.writes).toHaveLength(0);
    const next = await setup({ settings });
    await settle();
    expect(next.writes).toHaveLength(1);
    expect(next.writes[0]).toMatchObject({
      id: pending.id,
      fields: { rating: 3, reasons: ["good-price", "timeout"] },
    });
    expect(settings.has("kiosk.pendingAnswer")).toBe(false);
  });

  it("forgets the pending answer once it is written", async () => {
    const settings = new Map<string, string>();
    const { face, byTestId } = await setup({ settings });
    click(face(4));
    expect(settings.has("kiosk.pendingAnswer")).toBe(true);
    click(byTestId("fb-skip"));
    await settle();
    expect(settings.has("kiosk.pendingAnswer")).toBe(false);
  });

  it("switches language for the customer on every screen", async () => {
    const { el, face, byTestId } = await setup();
    click(byTestId("lang-toggle"));
    expect(el.querySelector(".feedback__question")?.textContent).toBe("Were you happy today?");
    expect(el.querySelector(".face-button__label")?.textContent).toBe("Very unhappy");
    click(face(2));
    expect(el.querySelector(".chip-group__label")?.textContent).toBe(
      "What made you feel this way?",
    );
    click(byTestId("lang-toggle"));
    expect(el.querySelector(".chip-group__label")?.textContent).toBe("Điều gì khiến bạn thấy vậy?");
    expect(byTestId("fb-send")?.textContent).toBe("Gửi");
  });

  it("keeps the screen awake while open", async () => {
    const { platform, unmount } = await setup();
    expect(platform.wake.acquire).toHaveBeenCalled();
    unmount();
    expect(platform.wake.release).toHaveBeenCalled();
  });
});

describe("PIN lock", () => {
  const enter = (byTestId: (id: string) => Element | null, pin: string) => {
    for (const d of pin) click(byTestId(`pin-key-${d}`));
    click(byTestId("pin-key-ok"));
  };

  it("stays locked on a wrong PIN and unlocks with the right one", async () => {
    const { el, byTestId, onExit } = await setup();
    click(byTestId("staff-exit"));
    expect(el.querySelector('[role="dialog"]')).not.toBeNull();
    enter(byTestId, "1111");
    await vi.waitFor(() =>
      expect(el.querySelector('[role="alert"]')?.textContent).toBe("Sai mã PIN"),
    );
    expect(onExit).not.toHaveBeenCalled();
    enter(byTestId, "2468");
    await vi.waitFor(() => expect(onExit).toHaveBeenCalledOnce());
  });

  it("locks the keypad for 30 s after five wrong PINs", async () => {
    let now = Date.UTC(2026, 2, 1, 3, 0, 0);
    const { el, byTestId, onExit } = await setup({ now: () => now });
    click(byTestId("staff-exit"));
    for (let i = 0; i < 5; i++) {
      enter(byTestId, "0000");
      await vi.waitFor(() =>
        expect((byTestId("pin-key-1") as HTMLButtonElement).disabled).toBe(false),
      );
    }
    expect(el.querySelector('[role="alert"]')?.textContent).toBe("Thử lại sau 30 giây");
    enter(byTestId, "2468");
    await settle();
    expect(onExit).not.toHaveBeenCalled();
    now += 30_000;
    enter(byTestId, "2468");
    await vi.waitFor(() => expect(onExit).toHaveBeenCalledOnce());
  });

  it("OK needs at least four digits; Cancel closes the keypad", async () => {
    const { el, byTestId } = await setup();
    click(byTestId("staff-exit"));
    click(byTestId("pin-key-1"));
    expect((byTestId("pin-key-ok") as HTMLButtonElement).disabled).toBe(true);
    click([...el.querySelectorAll(".pin-prompt button")].find((b) => b.textContent === "Huỷ"));
    expect(el.querySelector('[role="dialog"]')).toBeNull();
  });
});

describe("customer-mode lockdown", () => {
  const enter = (byTestId: (id: string) => Element | null, pin: string) => {
    for (const d of pin) click(byTestId(`pin-key-${d}`));
    click(byTestId("pin-key-ok"));
  };

  it("a lockout after five wrong PINs survives a remount (reload), with a countdown", async () => {
    let now = Date.UTC(2026, 2, 1, 3, 0, 0);
    const settings = new Map<string, string>();
    const first = await setup({ now: () => now, settings });
    click(first.byTestId("staff-exit"));
    for (let i = 0; i < 5; i++) {
      enter(first.byTestId, "0000");
      await vi.waitFor(() =>
        expect((first.byTestId("pin-key-1") as HTMLButtonElement).disabled).toBe(false),
      );
    }
    first.unmount();

    now += 10_000;
    const again = await setup({ now: () => now, settings });
    click(again.byTestId("staff-exit"));
    const message = () => again.byTestId("pin-message") as HTMLElement;
    expect(message().dataset.locked).toBe("true");
    expect(message().textContent).toBe("Thử lại sau 20 giây");
    enter(again.byTestId, "2468");
    await settle();
    expect(again.onExit).not.toHaveBeenCalled();
    // The countdown moves by itself.
    now += 5_000;
    await vi.waitFor(() => expect(message().textContent).toBe("Thử lại sau 15 giây"), {
      timeout: 2500,
    });
    now += 15_000;
    enter(again.byTestId, "2468");
    await vi.waitFor(() => expect(again.onExit).toHaveBeenCalledOnce());
  });

  it("Back stays in customer mode: the trap entry is pushed again", async () => {
    const { root, onExit } = await setup();
    expect((history.state as { sightlineKiosk?: string } | null)?.sightlineKiosk).toBe("feedback");
    const push = vi.spyOn(history, "pushState");
    window.dispatchEvent(new PopStateEvent("popstate", { state: null }));
    expect(push).toHaveBeenCalledOnce();
    expect(root()).not.toBeNull();
    expect(onExit).not.toHaveBeenCalled();
    push.mockRestore();
  });

  it("customers see no sync details: no status strip, no Sync now", async () => {
    const { el } = await setup();
    expect(el.querySelector('[data-testid="status-strip"]')).toBeNull();
    expect(el.textContent).not.toContain("Đồng bộ");
  });
});
