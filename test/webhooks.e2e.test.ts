// The Webhooks tab end to end (issue 19), in real Chromium against the real
// server process and a real local receiver: a manager adds a webhook, sends a
// test (the receiver gets it signed; the page says what it answered), five
// very-unhappy kiosk answers arrive and the log shows the alert delivered; in
// Vietnamese the log reads in Vietnamese; deleting asks first.
import { join } from "node:path";
import { uuidv7 } from "@sightline/shared";
import { type Browser, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Receiver,
  signedWith,
  startReceiver,
  waitFor,
} from "../server/test/support/webhook-receiver.ts";
import {
  ADMIN,
  adminSession,
  ROOT,
  type ServerProcess,
  startServerProcess,
} from "./support/server-process.ts";

const SECRET = "e2e-browser-webhook-secret";
let server: ServerProcess;
let browser: Browser;
let receiver: Receiver;
let page: Page;

beforeAll(async () => {
  await build({ configFile: join(ROOT, "server/web/vite.config.ts"), logLevel: "error" });
  server = await startServerProcess({
    env: { SIGHTLINE_WEBHOOK_RETRY_BASE_MS: "200", SIGHTLINE_WEBHOOK_ALLOW_PRIVATE: "1" },
  });
  receiver = await startReceiver();
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  page = await (await browser.newContext({ locale: "en-GB" })).newPage();
  page.on("pageerror", (e) => console.error("page error:", e));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  await receiver?.stop();
});

describe("webhooks in the web app (real server, real Chromium, real receiver)", () => {
  it("adds a webhook and sends a signed test; the page says the receiver took it", async () => {
    await page.goto(server.base);
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Insight journals" }).waitFor();
    await page.goto(`${server.base}/#/admin/webhooks`);
    const form = page.locator("form", { hasText: "Add webhook" });
    await form.getByLabel("URL").fill(receiver.url);
    await form.getByLabel("Secret").fill(SECRET);
    await form.getByRole("button", { name: "Add webhook" }).click();
    const row = page.locator("tbody tr", { hasText: receiver.url });
    await row.waitFor();
    expect(await page.content()).not.toContain(SECRET);
    await row.getByRole("button", { name: "Send test" }).click();
    await page.getByText("Received (HTTP 200)").first().waitFor();
    expect(receiver.received).toHaveLength(1);
    const test = receiver.received[0];
    expect(signedWith(SECRET, test)).toBe(true);
    expect(JSON.parse(test?.body ?? "{}")).toMatchObject({ type: "webhook.test" });
  });

  it("an alert from five very-unhappy kiosk answers shows delivered in the log", async () => {
    const admin = await adminSession(server.base);
    const store = await admin.api<{ id: string }>("POST", "/v1/stores", {
      name: "Quận 1",
      timeZone: "Asia/Ho_Chi_Minh",
      zones: ["Cửa vào"],
      behaviours: [],
      feedbackQuestion: { vi: "Bạn hài lòng không?", en: "Are you happy?" },
      reasons: [],
    });
    await admin.api("POST", "/v1/alert-rules", {
      kind: "feedback-negative-share",
      storeId: store.id,
      deliver: ["app", "webhook"],
    });
    const deviceId = uuidv7();
    const kiosk = await admin.pair("staff", deviceId, store.id);
    const mutations = [1, 2, 3, 4, 5].map((seq) => ({
      seq,
      op: "obs.create",
      id: uuidv7(),
      hlc: `${String(Date.now()).padStart(15, "0")}-${String(seq).padStart(4, "0")}-${deviceId}`,
      fields: {
        channel: "feedback",
        method: "feedback",
        storeId: store.id,
        rating: 1,
        capturedAt: new Date().toISOString(),
        what: "1",
      },
    }));
    const res = await fetch(`${server.base}/v1/sync/push`, {
      method: "POST",
      headers: { authorization: `Bearer ${kiosk.token}`, "content-type": "application/json" },
      body: JSON.stringify({
        protocol: 1,
        deviceId,
        clientSchema: 1,
        appVersion: "e2e",
        mutations,
      }),
    });
    expect(res.status).toBe(200);
    const alert = await waitFor(
      "the alert webhook",
      () => receiver.received.find((r) => JSON.parse(r.body).type === "alert.fired"),
      30_000,
    );
    expect(signedWith(SECRET, alert)).toBe(true);

    const row = page.locator("tbody tr", { hasText: receiver.url });
    const log = page.getByRole("region", { name: "Delivery log" });
    if (!(await log.isVisible())) await row.getByRole("button", { name: "Delivery log" }).click();
    await log.getByRole("button", { name: "Refresh" }).click();
    await log.locator("tbody tr", { hasText: "Alert" }).getByText("Received (HTTP 200)").waitFor();
  });

  it("reads in Vietnamese, and deleting asks first", async () => {
    await page.locator("button.lang").click(); // the top bar's language switch
    await page.getByRole("heading", { name: "Webhook" }).first().waitFor();
    const row = page.locator("tbody tr", { hasText: receiver.url });
    const log = page.getByRole("region", { name: "Nhật ký gửi" });
    if (!(await log.isVisible())) await row.getByRole("button", { name: "Nhật ký gửi" }).click();
    await log.getByText("Đã nhận (HTTP 200)").first().waitFor();
    page.once("dialog", (d) => void d.accept());
    await row.getByRole("button", { name: "Xoá" }).click();
    await page.getByText(`Đã xoá ${receiver.url}.`).waitFor();
    expect(await page.locator("tbody tr", { hasText: receiver.url }).count()).toBe(0);
  });
});
