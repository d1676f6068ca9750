// Revocation without loss, in real Chromium against the real server (a child
// process on a temp SQLite folder) serving the built kiosk at /kiosk/:
//
//   pair → 2 taps synced → 5 taps offline → a manager revokes the tablet via
//   the admin API → back online the tablet says it was disconnected and keeps
//   its 5 changes → a tap is refused, not "Saved" → customers see only "out
//   of service" → Export unsent data downloads a file holding exactly the 5
//   taps → Reconnect with a new code (same device id) → the server holds
//   every tap exactly once, and taps are taken again.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { UnsentExportSchema } from "@sightline/shared";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type adminApi, artifacts, type KioskServer, startKioskWorld } from "./kiosk-harness.ts";

const PIN = "1357";

let server: KioskServer;
let admin: Awaited<ReturnType<typeof adminApi>>;
let storeId: string;
let context: BrowserContext;
let page: Page;
let deviceId: string;
let exported: string[] = [];

const unsynced = () =>
  page.getAttribute('[data-testid="status-strip"]', "data-unsynced").then(Number);
const waitUnsynced = (n: number, timeout = 30_000) =>
  page.waitForSelector(`[data-testid="status-strip"][data-unsynced="${n}"]`, { timeout });
const todayTotal = () => page.textContent('[data-testid="today-total"]');
async function tap(code: string, total: number) {
  await page.click(`button.behaviour[data-code="${code}"]`);
  // The tally moves only once the observation is durable in IndexedDB.
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid="today-total"]')?.textContent?.includes(` ${n} `),
    total,
  );
}
const openDevice = () =>
  page.click('.top-bar button:text-is("Device")').then(() => page.waitForSelector(".device-panel"));

beforeAll(async () => {
  ({ server, admin, storeId, context, page } = await startKioskWorld("kiosk-revocation", {
    locale: "en-US",
  }));
}, 180_000);

afterAll(async () => {
  await context?.close();
  await server?.stop();
});

describe("kiosk revocation without loss (Chromium, real server)", () => {
  it("pairs, syncs 2 taps, then keeps 5 taps made offline", async () => {
    const { code } = await admin.pairingCode(storeId);
    await page.goto(`${server.url}/kiosk/`);
    await page.fill('input[name="code"]', code);
    await page.fill('input[name="pin"]', PIN);
    await page.fill('input[name="pin2"]', PIN);
    await page.click('button[type="submit"]');
    await page.waitForSelector("button.behaviour", { timeout: 30_000 });
    const devices = (await admin.devices()).filter((d) => d.kind === "kiosk");
    expect(devices).toHaveLength(1);
    deviceId = devices[0]?.id as string;

    await tap("entered", 1);
    await tap("browsed", 2);
    await waitUnsynced(0);

    await context.setOffline(true);
    for (const [i, code] of [
      "picked-up",
      "asked-price",
      "waited",
      "purchased",
      "browsed",
    ].entries())
      await tap(code, i + 3);
    // The strip counts the queue after the tally moved (its own read of
    // IndexedDB, a moment later under load): wait for it, then hold it at 5.
    await waitUnsynced(5, 10_000);
    expect(await unsynced()).toBe(5);
    expect(await page.textContent(".toast__message")).toBe("Saved: Browsed");
  }, 120_000);

  it("after a manager revokes it, says so plainly and refuses taps instead of saving them", async () => {
    await admin.revokeDevice(deviceId);
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    const notice = await page.waitForSelector('[data-testid="revoked"]', { timeout: 60_000 });
    const text = await notice.textContent();
    expect(text).toContain("This tablet was disconnected");
    expect(text).toContain("A manager disconnected this tablet from Sightline");
    expect(text).toContain("Its 5 unsent changes are kept safe on this tablet.");
    expect(text).toContain("Ask a manager for a new pairing code");
    await page.screenshot({ path: join(artifacts, "kiosk-revoked-en.png") });

    await page.click('button.behaviour[data-code="purchased"]');
    expect(await page.textContent('[data-testid="toast"].toast--error')).toBe(
      "Not saved: a manager disconnected this tablet. Ask a manager for a new code.",
    );
    expect(await page.textContent("body")).not.toContain("Saved:");
    expect(await todayTotal()).toBe("Today: 7 observations");
    expect(await unsynced()).toBe(5);

    await page.click('[data-testid="lang-toggle"]');
    await page.waitForSelector('[data-testid="revoked"]:has-text("Máy này đã bị ngắt kết nối")');
    await page.click('[data-testid="lang-toggle"]');
  }, 90_000);

  it("customers see only a neutral out-of-service screen", async () => {
    await page.click('[data-testid="customer-mode"]');
    await page.waitForSelector('[data-testid="out-of-service"]');
    const customer = (await page.textContent('[data-testid="feedback-mode"]')) ?? "";
    expect(customer).toContain("Out of service");
    expect(customer).not.toMatch(/sync|disconnected|unsent/i);
    expect(await page.$("button.face-button")).toBeNull();
    await page.click('[data-testid="staff-exit"]');
    for (const d of PIN) await page.click(`[data-testid="pin-key-${d}"]`);
    await page.click('[data-testid="pin-key-ok"]');
    await page.waitForSelector('[data-testid="revoked"]');
  }, 60_000);

  it("Export unsent data downloads a file holding exactly the 5 unsent taps", async () => {
    await openDevice();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('.device-panel [data-testid="export-unsent"]'),
    ]);
    const file = UnsentExportSchema.parse(
      JSON.parse(readFileSync((await download.path()) as string, "utf8")),
    );
    expect(download.suggestedFilename()).toBe(
      `sightline-unsent-${deviceId.slice(0, 8)}-${file.exportedAt.slice(0, 10)}.json`,
    );
    expect(file).toMatchObject({ deviceId, kind: "kiosk" });
    expect(file.mutations.map((m) => [m.seq, m.op])).toEqual(
      [3, 4, 5, 6, 7].map((seq) => [seq, "obs.create"]),
    );
    expect(file.mutations.map((m) => m.fields?.behaviour)).toEqual([
      "picked-up",
      "asked-price",
      "waited",
      "purchased",
      "browsed",
    ]);
    exported = file.mutations.map((m) => m.id);
  }, 60_000);

  it("reconnects with a new code under the same id; the server holds every tap exactly once", async () => {
    const { code } = await admin.pairingCode(storeId);
    await page.click('.device-panel [data-testid="reconnect"]');
    await page.fill('.device-panel input[name="code"]', code);
    await page.click('.device-panel [data-testid="reconnect-form"] button[type="submit"]');
    await page.waitForSelector('[data-testid="revoked"]', { state: "detached", timeout: 30_000 });
    await page.click('.device-panel button:text-is("Close")');
    await waitUnsynced(0, 60_000);

    const kiosks = (await admin.devices()).filter((d) => d.kind === "kiosk");
    expect(kiosks.map((d) => d.id)).toEqual([deviceId]);
    expect(kiosks[0]?.lastSeq).toBe(7);
    const all = await admin.observations(storeId);
    expect(all).toHaveLength(7);
    expect(new Set(all.map((o) => o.id)).size).toBe(7);
    for (const id of exported) expect(all.map((o) => o.id)).toContain(id);

    await tap("purchased", 8);
    expect(await page.textContent(".toast__message")).toBe("Saved: Purchased");
    await waitUnsynced(0);
    expect(await admin.observations(storeId)).toHaveLength(8);
  }, 120_000);
});
