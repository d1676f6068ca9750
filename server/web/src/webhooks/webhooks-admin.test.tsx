// @vitest-environment happy-dom
// The webhooks tab against a fake API: add one (what was typed is sent, the
// secret never shown back), send a test and read the receiver's answer in
// words, open the delivery log (status codes, attempts, next retry), delete
// after confirming — in Vietnamese and in English.

import { createTranslator } from "@sightline/shared/i18n/translate";
import type { WebhookDeliveryView } from "@sightline/shared/schema/webhook";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fire, renderUi, settle } from "../../test/support/render.tsx";
import type { Api } from "../api/client.ts";
import { ApiError } from "../api/problem.ts";
import { catalog } from "../i18n/i18n.tsx";
import { attemptOutcome, WebhooksAdmin } from "./webhooks-admin.tsx";

const HOOK = {
  id: "01900000-0000-7000-8000-0000000000aa",
  url: "https://bridge.example.vn/sightline",
  events: [],
  language: "vi" as const,
  createdAt: "2026-03-10T08:00:00.000Z",
  createdBy: "u1",
};
const delivery = (o: Partial<WebhookDeliveryView>): WebhookDeliveryView => ({
  id: crypto.randomUUID(),
  eventId: crypto.randomUUID(),
  type: "alert.fired",
  status: "pending",
  attempts: 3,
  lastStatusCode: null,
  lastError: "network error: ECONNREFUSED",
  nextAttemptAt: "2026-03-10T08:05:00.000Z",
  createdAt: "2026-03-10T08:00:00.000Z",
  deliveredAt: null,
  ...o,
});

function fakeApi(over: Partial<Api> = {}): Partial<Api> {
  return {
    webhooks: vi.fn(async () => ({ items: [HOOK] })),
    createWebhook: vi.fn(async () => ({ id: "new" })),
    deleteWebhook: vi.fn(async () => undefined),
    testWebhook: vi.fn(async () =>
      delivery({
        type: "webhook.test",
        status: "failed",
        attempts: 1,
        lastStatusCode: 503,
        lastError: "HTTP 503",
        nextAttemptAt: null,
      }),
    ),
    webhookDeliveries: vi.fn(async () => ({
      items: [
        delivery({}),
        delivery({
          status: "delivered",
          attempts: 2,
          lastStatusCode: 200,
          lastError: null,
          nextAttemptAt: null,
        }),
      ],
    })),
    ...over,
  };
}

const button = (el: HTMLElement, text: string) =>
  [...el.querySelectorAll("button")].find((b) => b.textContent?.trim() === text);

afterEach(() => vi.restoreAllMocks());

describe("webhooks tab", () => {
  it("says a refused URL in the user's language and keeps what was typed", async () => {
    const api = fakeApi({
      createWebhook: vi.fn(async () => {
        throw new ApiError(
          400,
          "Webhook URL refused",
          "link-local and metadata addresses are not allowed",
          [{ path: "url", message: "link-local and metadata addresses are not allowed" }],
          "urn:sightline:problem:webhook-url",
        );
      }),
    });
    const el = renderUi(<WebhooksAdmin />, { api, locale: "vi" });
    await settle();
    const [url, secret] = [...el.querySelectorAll("input")];
    fire("input", url, { target: { value: "http://169.254.169.254/latest" } });
    fire("input", secret, { target: { value: "0123456789abcdef-secret" } });
    fire("submit", el.querySelector("form"));
    await settle();
    expect(el.textContent).toContain("Địa chỉ này không dùng được");
    expect(el.textContent).not.toContain("link-local and metadata");
    expect((el.querySelectorAll("input")[0] as HTMLInputElement).value).toBe(
      "http://169.254.169.254/latest",
    );
  });

  it("adds a webhook with what was typed, tests it and shows the log in English", async () => {
    const api = fakeApi();
    const el = renderUi(<WebhooksAdmin />, { api, locale: "en" });
    await settle();
    expect(el.textContent).toContain(HOOK.url);
    const [url, secret] = [...el.querySelectorAll("input")];
    fire("input", url, { target: { value: "https://hooks.example.com/x" } });
    fire("input", secret, { target: { value: "0123456789abcdef-secret" } });
    const select = el.querySelector("select");
    fire("change", select, { target: { value: "en" } });
    fire("submit", el.querySelector("form"));
    await settle();
    expect(api.createWebhook).toHaveBeenCalledWith({
      url: "https://hooks.example.com/x",
      secret: "0123456789abcdef-secret",
      language: "en",
    });
    expect(el.textContent).toContain("Added https://hooks.example.com/x.");
    expect(el.textContent).not.toContain("0123456789abcdef-secret");

    fire("click", button(el, "Send test"));
    await settle(6);
    expect(el.textContent).toContain("The receiver answered HTTP 503");
    // The log opened with the test: a retry waiting, a delivered one.
    expect(el.textContent).toContain("Could not reach the receiver");
    expect(el.textContent).toContain("Received (HTTP 200)");
    expect(el.textContent).toContain("Next retry");
  });

  it("deletes after confirming, and speaks Vietnamese", async () => {
    const api = fakeApi();
    const confirm = vi.fn(() => true);
    Object.defineProperty(window, "confirm", { value: confirm, configurable: true });
    const el = renderUi(<WebhooksAdmin />, { api, locale: "vi" });
    await settle();
    fire("click", button(el, "Nhật ký gửi"));
    await settle(6);
    expect(el.textContent).toContain("Không kết nối được nơi nhận");
    fire("click", button(el, "Xoá"));
    await settle();
    expect(confirm).toHaveBeenCalledWith(`Xoá webhook ${HOOK.url} và nhật ký gửi của nó?`);
    expect(api.deleteWebhook).toHaveBeenCalledWith(HOOK.id);
    expect(el.textContent).toContain(`Đã xoá ${HOOK.url}.`);
  });
});

describe("attempt outcomes", () => {
  it("an address the server refused reads as such, in both languages, never the raw log text", () => {
    const refused = delivery({
      status: "failed",
      attempts: 1,
      lastError: "refused: loopback address 127.0.0.1",
      nextAttemptAt: null,
    });
    const en = attemptOutcome(refused, createTranslator(catalog, "en"));
    const vi = attemptOutcome(refused, createTranslator(catalog, "vi"));
    expect(en).toMatch(/^Not sent: the receiver's address is an internal one/);
    expect(vi).toMatch(/^Không gửi: địa chỉ của nơi nhận là địa chỉ nội bộ/);
    expect(en).not.toContain("127.0.0.1");
  });
});
