// @vitest-environment happy-dom
// The staff pad shows the open alerts of its store, read by the real worker
// service from the (fake) server with the kiosk's token, as one line each in
// the staff's language; a malformed answer or none shows nothing.
import type { Alert } from "@sightline/shared/schema/alert";
import { describe, expect, it } from "vitest";
import { createFakeServer, TEST_CONFIG } from "../../test/support/fake-server.ts";
import { kioskService, renderUi, settle } from "../../test/support/render.tsx";
import { StaffPad } from "./staff-pad.tsx";

const store = TEST_CONFIG.store as NonNullable<typeof TEST_CONFIG.store>;
const ALERT: Alert = {
  id: "a1",
  ruleId: "r1",
  kind: "feedback-negative-share",
  storeId: store.id,
  competitorId: null,
  deviceId: null,
  status: "open",
  openedAt: "2026-03-10T08:00:00.000Z",
  lastFiredAt: "2026-03-10T08:00:00.000Z",
  firings: 1,
  ackedAt: null,
  ackedBy: null,
  ackNote: null,
  figures: { count: 5, negative: 5, share: 100, suspect: 0, windowMinutes: 15 },
  observationIds: [],
  text: {
    vi: "Quận 1: 5/5 phản hồi tiêu cực (100%) trong 15 phút",
    en: "Quận 1: 5 of 5 answers negative (100%) in 15 min",
  },
};

async function padWith(answer: unknown) {
  const server = createFakeServer();
  const plain = server.fetch;
  const seen: (string | null)[] = [];
  server.fetch = async (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    if (url.pathname === "/v1/devices/me/alerts") {
      seen.push(new Headers(init?.headers).get("authorization"));
      return Response.json(answer);
    }
    return plain(input, init);
  };
  const { service } = await kioskService({ server });
  const ui = renderUi(<StaffPad store={store} onCustomerMode={() => {}} onDevice={() => {}} />, {
    api: service,
  });
  await settle(8);
  return { ...ui, seen };
}

describe("staff alerts", () => {
  it("shows the store's open alerts with the kiosk's token", async () => {
    const { el, seen } = await padWith({ items: [ALERT] });
    const strip = el.querySelector('[data-testid="staff-alerts"]');
    expect(strip?.textContent).toContain("Quận 1: 5 of 5 answers negative (100%) in 15 min");
    expect(strip?.textContent).toContain("1 open alert — tell a manager");
    expect(seen[0]).toMatch(/^Bearer /);
  });

  it("shows nothing for no alerts or a malformed answer", async () => {
    expect(
      (await padWith({ items: [] })).el.querySelector('[data-testid="staff-alerts"]'),
    ).toBeNull();
    expect(
      (await padWith({ items: [{ ...ALERT, text: { vi: 1 } }] })).el.querySelector(
        '[data-testid="staff-alerts"]',
      ),
    ).toBeNull();
  });
});
