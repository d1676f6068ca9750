// @vitest-environment happy-dom
// The Alerts and Alert rules pages against a fake API: an open alert reads
// as one line with its base counts in the reader's language, acknowledging
// sends the note; a rule is made with only the fields its kind reads
// (empty numbers take the server's defaults).
import type { Alert, AlertRule } from "@sightline/shared/schema/alert";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fire, renderUi, settle } from "../../test/support/render.tsx";
import type { Api } from "../api/client.ts";
import { AlertRulesPage } from "./alert-rules-page.tsx";
import { AlertsPage } from "./alerts-page.tsx";

const STORE = {
  id: "s1",
  name: "Cửa hàng Quận 1",
  timeZone: "Asia/Ho_Chi_Minh",
  behaviours: [],
  feedbackQuestion: "?",
  feedbackReasons: [],
};
const ALERT: Alert = {
  id: "a1",
  ruleId: "r1",
  kind: "feedback-negative-share",
  storeId: "s1",
  competitorId: null,
  deviceId: null,
  status: "open",
  openedAt: "2026-03-10T08:00:00.000Z",
  lastFiredAt: "2026-03-10T08:02:00.000Z",
  firings: 2,
  ackedAt: null,
  ackedBy: null,
  ackNote: null,
  figures: {
    count: 5,
    negative: 5,
    share: 100,
    suspect: 1,
    windowMinutes: 15,
    minCount: 4,
    threshold: 50,
  },
  observationIds: ["o1"],
  text: { vi: "x", en: "x" },
};

function fakeApi(over: Partial<Api> = {}): Partial<Api> {
  return {
    alerts: vi.fn(async () => ({ items: [ALERT] })),
    ackAlert: vi.fn(async () => ({ ...ALERT, status: "acknowledged" as const })),
    stores: vi.fn(async () => ({ items: [STORE] })) as never,
    competitors: vi.fn(async () => ({ items: [] })) as never,
    alertRules: vi.fn(async () => ({ items: [] as AlertRule[] })),
    createAlertRule: vi.fn(async (input) => ({ ...input, id: "r2" }) as never),
    ...over,
  };
}

afterEach(() => vi.restoreAllMocks());

describe("alerts page", () => {
  it("shows an open alert with its base counts and acknowledges it with a note (English)", async () => {
    const api = fakeApi();
    const el = renderUi(<AlertsPage status="open" />, { api, locale: "en" });
    await settle(6);
    expect(el.textContent).toContain("Cửa hàng Quận 1: 5 of 5 answers negative (100%) in 15 min");
    expect(el.textContent).toContain("2 times");
    expect(el.textContent).toContain("1 suspect tap left out");
    const note = el.querySelector(".ack-form input");
    fire("input", note, { target: { value: "Called the shift lead" } });
    fire("submit", el.querySelector(".ack-form"));
    await settle(6);
    expect(api.ackAlert).toHaveBeenCalledWith("a1", "Called the shift lead");
    expect(el.textContent).toContain("Alert acknowledged.");
  });

  it("names a counted behaviour by the store's own label, else the default one, never its code", async () => {
    const counted = (behaviour: string): Alert => ({
      ...ALERT,
      id: `a-${behaviour}`,
      kind: "behaviour-count-above",
      figures: { count: 3, behaviour, windowMinutes: 30, threshold: 2 },
    });
    const store = {
      ...STORE,
      behaviours: [{ code: "hovered", label_vi: "Đứng xem lâu", label_en: "Lingered" }],
    };
    const api = fakeApi({
      alerts: vi.fn(async () => ({ items: [counted("left-without-buying"), counted("hovered")] })),
      stores: vi.fn(async () => ({ items: [store] })) as never,
    });
    const en = renderUi(<AlertsPage status="open" />, { api, locale: "en" });
    await settle(6);
    expect(en.textContent).toContain("3 × “Left without buying” in 30 min");
    expect(en.textContent).toContain("3 × “Lingered” in 30 min");
    expect(en.textContent).not.toContain("left-without-buying");
    const vi_ = renderUi(<AlertsPage status="open" />, { api, locale: "vi" });
    await settle(6);
    expect(vi_.textContent).toContain("3 lần “Rời đi không mua” trong 30 phút");
    expect(vi_.textContent).toContain("3 lần “Đứng xem lâu” trong 30 phút");
  });

  it("words the server's 'rule deleted' closing in the reader's language, never quoting it", async () => {
    const closed = {
      ...ALERT,
      status: "acknowledged" as const,
      ackedAt: "2026-03-10T09:00:00.000Z",
      ackedBy: null,
      ackNote: "rule deleted",
    };
    const api = fakeApi({ alerts: vi.fn(async () => ({ items: [closed] })) });
    const en = renderUi(<AlertsPage status="acknowledged" />, { api, locale: "en" });
    await settle(6);
    expect(en.textContent).toContain("its alert rule was deleted");
    expect(en.textContent).not.toContain("“rule deleted”");
    const vi_ = renderUi(<AlertsPage status="acknowledged" />, { api, locale: "vi" });
    await settle(6);
    expect(vi_.textContent).toContain("quy tắc cảnh báo đã bị xoá");
  });

  it("speaks Vietnamese", async () => {
    const el = renderUi(<AlertsPage status="open" />, { api: fakeApi(), locale: "vi" });
    await settle(6);
    expect(el.textContent).toContain("Cửa hàng Quận 1: 5/5 phản hồi tiêu cực (100%) trong 15 phút");
    expect(el.textContent).toContain("Xác nhận");
  });
});

describe("alert rules page", () => {
  it("explains the kind in words and sends only what the kind reads", async () => {
    const api = fakeApi();
    const el = renderUi(<AlertRulesPage />, { api, locale: "en" });
    await settle(6);
    expect(el.textContent).toContain("share of faces 1–2 reaches the threshold");
    const kind = el.querySelector("select");
    fire("change", kind, { target: { value: "device-silent" } });
    await settle();
    expect(el.textContent).toContain("has not synced for longer than the chosen hours");
    const hours = [...el.querySelectorAll("input[type=number]")];
    expect(hours).toHaveLength(1);
    fire("input", hours[0], { target: { value: "6" } });
    fire("submit", el.querySelector("form"));
    await settle(6);
    expect(api.createAlertRule).toHaveBeenCalledWith({
      kind: "device-silent",
      deliver: ["app"],
      enabled: true,
      storeId: null,
      hours: 6,
    });
    expect(el.textContent).toContain("Rule saved.");
  });

  it("speaks Vietnamese: the list, the kind's words, the fields it reads, the saved note", async () => {
    const listed: AlertRule = {
      id: "r1",
      kind: "behaviour-count-above",
      name: null,
      storeId: "s1",
      competitorId: null,
      windowMinutes: 30,
      minCount: 4,
      threshold: 2,
      behaviour: "left-without-buying",
      hours: 4,
      deliver: ["app", "email"],
      enabled: false,
      createdBy: "u1",
      createdAt: "2026-03-10T08:00:00.000Z",
      updatedAt: "2026-03-10T08:00:00.000Z",
    };
    const api = fakeApi({ alertRules: vi.fn(async () => ({ items: [listed] })) });
    const el = renderUi(<AlertRulesPage />, { api, locale: "vi" });
    await settle(6);
    const text = () => el.textContent ?? "";
    expect(text()).toContain("Quy tắc cảnh báo");
    expect(text()).toContain("Quy tắc được kiểm tra ngay khi có dữ liệu mới và mỗi phút.");
    // The listed rule: its kind and store by name, switched off, explained.
    const item = el.querySelector("[data-testid=alert-rule]");
    expect(item?.textContent).toContain("Hành vi lặp lại nhiều — Cửa hàng Quận 1");
    expect(item?.textContent).toContain("(Đang tắt)");
    expect(item?.textContent).toContain("Báo khi một hành vi (ví dụ: rời đi không mua)");
    expect(item?.textContent).toContain("Sửa");
    expect(item?.textContent).toContain("Xoá");
    // A new rule of that kind: the fields it reads, in Vietnamese.
    expect(text()).toContain("Quy tắc mới");
    fire("change", el.querySelector("select"), { target: { value: "behaviour-count-above" } });
    await settle();
    for (const words of [
      "Loại",
      "Tên (không bắt buộc)",
      "Mọi cửa hàng (từng cửa hàng riêng)",
      "Hành vi",
      "Rời đi không mua",
      "Khoảng thời gian (phút)",
      "Nhiều hơn (lần)",
      "Gửi tới",
      "Ứng dụng",
      "Thêm quy tắc",
    ])
      expect(text()).toContain(words);
    expect(text()).not.toContain("Số phản hồi tối thiểu"); // this kind reads no minimum
    // Nothing left in English.
    for (const english of [
      "Alert rules",
      "New rule",
      "Every store",
      "Threshold",
      "More than",
      "Rule",
    ])
      expect(text()).not.toContain(english);
    const behaviour = [...el.querySelectorAll("select")].find((s) =>
      [...s.options].some((o) => o.value === "left-without-buying"),
    );
    fire("change", behaviour, { target: { value: "left-without-buying" } });
    fire("input", el.querySelectorAll("input[type=number]")[1], { target: { value: "3" } });
    fire("submit", el.querySelector("form"));
    await settle(6);
    expect(api.createAlertRule).toHaveBeenCalledWith({
      kind: "behaviour-count-above",
      deliver: ["app"],
      enabled: true,
      storeId: null,
      behaviour: "left-without-buying",
      threshold: 3,
    });
    expect(text()).toContain("Đã lưu quy tắc.");
  });
});
