// Customer-mode lockdown in real Chromium against the real server: browser
// Back never leaves customer mode, and the PIN lockout after five wrong PINs
// holds across a reload, with its countdown.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type KioskServer, startKioskWorld } from "./kiosk-harness.ts";

const PIN = "9753";

let server: KioskServer;
let context: BrowserContext;
let page: Page;

const inCustomerMode = () => page.locator('[data-testid="feedback-mode"]').count();
async function enter(pin: string) {
  for (const d of pin) await page.click(`[data-testid="pin-key-${d}"]`);
  await page.click('[data-testid="pin-key-ok"]');
}

beforeAll(async () => {
  const world = await startKioskWorld("kiosk-lockdown", { locale: "vi-VN" });
  ({ server, context, page } = world);
  const { admin, storeId } = world;
  // Something in the history before the kiosk, as on a real tablet.
  await page.goto(`${server.url}/health`);
  const { code } = await admin.pairingCode(storeId);
  await page.goto(`${server.url}/kiosk/`);
  await page.fill('input[name="code"]', code);
  await page.fill('input[name="pin"]', PIN);
  await page.fill('input[name="pin2"]', PIN);
  await page.click('button[type="submit"]');
  await page.waitForSelector("button.behaviour", { timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await server?.stop();
});

describe("customer-mode lockdown (Chromium, real server)", () => {
  it("Back in customer mode stays in customer mode", async () => {
    await page.click('[data-testid="customer-mode"]');
    await page.waitForSelector('[data-testid="feedback-mode"][data-step="question"]');
    const url = page.url();
    for (let i = 0; i < 3; i++) {
      await page.goBack({ timeout: 2000 }).catch(() => null);
      await page.waitForTimeout(300);
      expect(page.url()).toBe(url);
      expect(await inCustomerMode()).toBe(1);
    }
    // Also after touching the screen (a face, then Back).
    await page.click('button.face-button[data-rating="3"]');
    await page.waitForSelector('[data-testid="feedback-mode"][data-step="reasons"]');
    await page.goBack({ timeout: 2000 }).catch(() => null);
    await page.waitForTimeout(300);
    expect(page.url()).toBe(url);
    expect(await inCustomerMode()).toBe(1);
    await page.click('[data-testid="fb-skip"]');
  }, 60_000);

  it("the lockout after five wrong PINs holds across a reload, with a countdown", async () => {
    await page.click('[data-testid="staff-exit"]');
    for (let i = 0; i < 5; i++) {
      await enter("0000");
      await page.waitForFunction(
        () =>
          !(document.querySelector('[data-testid="pin-key-1"]') as HTMLButtonElement | null)
            ?.disabled,
      );
    }
    await page.waitForSelector('[data-testid="pin-message"][data-locked="true"]');
    await page.reload();
    await page.waitForSelector('[data-testid="feedback-mode"]', { timeout: 30_000 });
    await page.click('[data-testid="staff-exit"]');
    const message = page.locator('[data-testid="pin-message"]');
    expect(await message.getAttribute("data-locked")).toBe("true");
    const first = await message.textContent();
    expect(first).toMatch(/^Thử lại sau \d+ giây$/);
    // The right PIN is refused while locked.
    await enter(PIN);
    await page.waitForTimeout(500);
    expect(await inCustomerMode()).toBe(1);
    // The countdown moves.
    await page.waitForFunction(
      (t) => document.querySelector('[data-testid="pin-message"]')?.textContent !== t,
      first,
      { timeout: 3000 },
    );
    // Back after the reload still stays.
    const url = page.url();
    await page.goBack({ timeout: 2000 }).catch(() => null);
    await page.waitForTimeout(300);
    expect(page.url()).toBe(url);
    expect(await inCustomerMode()).toBe(1);
  }, 60_000);
});
