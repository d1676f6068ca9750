// @vitest-environment happy-dom
// One's notification settings against a fake API: the saved choice shows,
// a change is sent as chosen, a server without email says so — vi and en.
import { afterEach, describe, expect, it, vi } from "vitest";
import { fire, renderUi, settle } from "../../test/support/render.tsx";
import type { Api } from "../api/client.ts";
import { NotificationPrefsCard } from "./prefs-card.tsx";

afterEach(() => vi.restoreAllMocks());

describe("notification settings", () => {
  it("shows the saved choice and sends the new one", async () => {
    const api: Partial<Api> = {
      notificationPrefs: vi.fn(async () => ({
        language: "en" as const,
        weeklyDigest: true,
        emailEnabled: true,
      })),
      setNotificationPrefs: vi.fn(async (p) => ({ ...p, emailEnabled: true })),
    };
    const el = renderUi(<NotificationPrefsCard />, { api, locale: "en" });
    await settle();
    const select = el.querySelector("select") as HTMLSelectElement;
    expect(select.value).toBe("en");
    const box = el.querySelector('input[type="checkbox"]') as HTMLInputElement;
    expect(box.checked).toBe(true);
    fire("change", select, { target: { value: "" } });
    fire("change", box, { target: { checked: false } });
    fire("submit", el.querySelector("form"));
    await settle();
    expect(api.setNotificationPrefs).toHaveBeenCalledWith({ language: null, weeklyDigest: false });
    expect(el.textContent).toContain("Saved.");
    expect(el.textContent).not.toContain("not set up to send email");
  });

  it("says when the server sends no email, in Vietnamese", async () => {
    const api: Partial<Api> = {
      notificationPrefs: vi.fn(async () => ({
        language: null,
        weeklyDigest: true,
        emailEnabled: false,
      })),
    };
    const el = renderUi(<NotificationPrefsCard />, { api, locale: "vi" });
    await settle();
    expect(el.textContent).toContain("Máy chủ này chưa được cấu hình gửi email");
    expect((el.querySelector("select") as HTMLSelectElement).value).toBe("");
  });
});
