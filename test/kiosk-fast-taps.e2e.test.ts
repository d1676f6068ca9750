// Fast logging never loses or undoes a tap, in real Chromium against the real
// server: every behaviour button, bottom row included, tapped twice < 1 s
// apart with blind pointer clicks at the button's centre (as a finger does —
// no actionability checks that would dodge an overlay), at 1280×800 and at
// 800×1280 → the server holds exactly those observations, none deleted.
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type adminApi,
  artifacts,
  E2E_STORE,
  type KioskServer,
  startKioskWorld,
} from "./kiosk-harness.ts";

const PIN = "8642";
const BEHAVIOURS = E2E_STORE.behaviours.map((b) => b.code);

let server: KioskServer;
let admin: Awaited<ReturnType<typeof adminApi>>;
let storeId: string;
let context: BrowserContext;
let page: Page;
const tapped: string[] = [];

async function tapEveryButtonTwice(label: string) {
  for (const code of BEHAVIOURS) {
    const b = page.locator(`button.behaviour[data-code="${code}"]`);
    await b.scrollIntoViewIfNeeded();
    const box = await b.boundingBox();
    if (!box) throw new Error(`${code}: not on screen`);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    const t0 = Date.now();
    await page.mouse.click(x, y);
    await page.waitForTimeout(250);
    await page.mouse.click(x, y);
    expect(Date.now() - t0, `${label} ${code}: two taps < 1 s apart`).toBeLessThan(1000);
    tapped.push(code, code);
  }
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid="today-total"]')?.textContent?.includes(` ${n} `),
    tapped.length,
  );
  await page.screenshot({ path: join(artifacts, `kiosk-fast-taps-${label}.png`) });
}

beforeAll(async () => {
  ({ server, admin, storeId, context, page } = await startKioskWorld("kiosk-fast-taps", {
    locale: "vi-VN",
    width: 1280,
    height: 800,
  }));
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

describe("fast taps on the staff pad (Chromium, real server)", () => {
  it("landscape 1280×800: every button tapped twice quickly is recorded twice", async () => {
    await tapEveryButtonTwice("1280x800");
  }, 60_000);

  it("portrait 800×1280: every button tapped twice quickly is recorded twice", async () => {
    await page.setViewportSize({ width: 800, height: 1280 });
    await tapEveryButtonTwice("800x1280");
  }, 60_000);

  it("the server holds exactly those observations, with the right behaviours, none deleted", async () => {
    await page.waitForSelector('[data-testid="status-strip"][data-unsynced="0"]', {
      timeout: 60_000,
    });
    const all = await admin.observations(storeId);
    expect(all).toHaveLength(BEHAVIOURS.length * 4);
    const count = (xs: unknown[]) =>
      xs.reduce<Record<string, number>>((m, x) => {
        m[x as string] = (m[x as string] ?? 0) + 1;
        return m;
      }, {});
    expect(count(all.map((o) => o.behaviour))).toEqual(count(tapped));
    expect(Object.values(count(tapped))).toEqual(BEHAVIOURS.map(() => 4));
    // No tombstone: the device's own pull sees only puts.
    const devices = await admin.devices();
    expect(devices.find((d) => d.kind === "kiosk")?.lastSeq).toBe(BEHAVIOURS.length * 4);
  }, 90_000);
});
