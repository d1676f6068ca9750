// Two drivers for one extension scenario (test/extension-scenarios.ts): Debian
// Chromium through playwright-core (CDP) and Debian Firefox ESR through
// puppeteer-core (WebDriver BiDi). A scenario only sees `ExtensionDriver` and
// `DriverPage`: open a web page or an extension page, click, type, drag with
// the mouse, press keys, evaluate a function in the page. Everything the
// scenario reads from a page it reads with `evaluate`, so both drivers answer
// the same way.
//
// Firefox quirks handled here, not in the scenario:
// - the extension's UUID is fixed with the pref `extensions.webextensions.uuids`;
// - BiDi refuses to navigate to moz-extension:// URLs, so an extension page is
//   opened by a web page of the fixture site setting `location.href` to it
//   (the test build makes the pages web-accessible: buildExtension's
//   `exposePages`); puppeteer's page.url() then stays the web page's, which
//   the scenario never reads;
// - an optional-permission request never answers in headless Firefox: the pref
//   `extensions.webextOptionalPermissionPrompts: false` grants it as the user's
//   Allow would.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page as PwPage } from "playwright-core";
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from "puppeteer-core";
import { buildExtension } from "./extension-harness.ts";

export const FIREFOX = "/usr/bin/firefox-esr";
export const CHROMIUM = "/usr/bin/chromium";
/** A HiDPI screen in both browsers, so crops must convert CSS px to device px. */
export const DPR = 2;
const VIEWPORT = { width: 1280, height: 900 };
const GECKO_ID = "sightline@sightline.invalid";
const FIREFOX_UUID = "5e1f0c3a-7d2b-4c55-9a11-3e0d2b7c9f41";

export interface DriverPage {
  click(selector: string): Promise<void>;
  fill(selector: string, value: string): Promise<void>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  mouseMove(x: number, y: number, steps?: number): Promise<void>;
  mouseDown(): Promise<void>;
  mouseUp(): Promise<void>;
  mouseClick(x: number, y: number): Promise<void>;
  /** A chord such as ["Alt", "Shift", "KeyD"]: modifiers held, the last key pressed. */
  chord(keys: string[]): Promise<void>;
  bringToFront(): Promise<void>;
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionDriver {
  readonly name: "chromium" | "firefox";
  /** The built extension loaded, with host access granted or not. */
  launch(): Promise<void>;
  /** A web page in a new tab. */
  openPage(url: string): Promise<DriverPage>;
  /** One of the extension's pages (options.html, panel.html?tab=…) in a new tab. */
  openExtensionPage(path: string): Promise<DriverPage>;
  close(): Promise<void>;
}

export type DriverOptions = {
  /** A page on a web origin the test serves: Firefox opens extension pages from it. */
  launchPage: () => string;
  /** Host access as if the user had allowed all sites (default true), or only these patterns. */
  grantHosts?: boolean | string[];
};

function playwrightPage(page: PwPage): DriverPage {
  return {
    click: (s) => page.locator(s).first().click({ timeout: 15_000 }),
    fill: (s, v) => page.locator(s).first().fill(v, { timeout: 15_000 }),
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      page.evaluate(fn as never, arg as never) as Promise<R>,
    mouseMove: (x, y, steps) => page.mouse.move(x, y, steps ? { steps } : undefined),
    mouseDown: () => page.mouse.down(),
    mouseUp: () => page.mouse.up(),
    mouseClick: (x, y) => page.mouse.click(x, y),
    chord: (keys) =>
      page.keyboard.press(keys.map((k) => (k.startsWith("Key") ? k.slice(3) : k)).join("+")),
    bringToFront: () => page.bringToFront(),
    reload: async () => {
      await page.reload();
    },
    close: () => page.close(),
  };
}

export function chromiumDriver(o: DriverOptions): ExtensionDriver {
  let context: BrowserContext | undefined;
  let extensionId = "";
  return {
    name: "chromium",
    async launch() {
      const dir = await buildExtension({ target: "chrome", grantHosts: o.grantHosts ?? true });
      context = await chromium.launchPersistentContext(
        mkdtempSync(join(tmpdir(), "sightline-e2e-profile-")),
        {
          executablePath: CHROMIUM,
          headless: true,
          locale: "en-US",
          viewport: VIEWPORT,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            `--force-device-scale-factor=${DPR}`,
            `--disable-extensions-except=${dir}`,
            `--load-extension=${dir}`,
          ],
        },
      );
      const worker =
        context.serviceWorkers()[0] ??
        (await context.waitForEvent("serviceworker", { timeout: 20_000 }));
      extensionId = new URL(worker.url()).host;
    },
    async openPage(url) {
      if (!context) throw new Error("not launched");
      const page = await context.newPage();
      await page.goto(url);
      return playwrightPage(page);
    },
    async openExtensionPage(path) {
      if (!context) throw new Error("not launched");
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return playwrightPage(page);
    },
    close: async () => {
      await context?.close();
    },
  };
}

const KEY_NAMES: Record<string, string> = { Alt: "Alt", Shift: "Shift", Control: "Control" };

function puppeteerPage(page: PpPage): DriverPage {
  return {
    click: (s) => page.locator(s).setTimeout(15_000).click(),
    fill: (s, v) => page.locator(s).setTimeout(15_000).fill(v),
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      page.evaluate(fn as never, arg as never) as Promise<R>,
    mouseMove: (x, y, steps) => page.mouse.move(x, y, steps ? { steps } : undefined),
    mouseDown: () => page.mouse.down(),
    mouseUp: () => page.mouse.up(),
    mouseClick: (x, y) => page.mouse.click(x, y),
    async chord(keys) {
      const held = keys.slice(0, -1).map((k) => KEY_NAMES[k] ?? k);
      for (const k of held) await page.keyboard.down(k as never);
      await page.keyboard.press(keys.at(-1) as never);
      for (const k of held.reverse()) await page.keyboard.up(k as never);
    },
    bringToFront: () => page.bringToFront(),
    reload: async () => {
      await page.reload();
    },
    close: () => page.close(),
  };
}

export function firefoxDriver(o: DriverOptions): ExtensionDriver {
  let browser: PpBrowser | undefined;
  return {
    name: "firefox",
    async launch() {
      const dir = await buildExtension({
        target: "firefox",
        grantHosts: o.grantHosts ?? true,
        exposePages: true,
      });
      browser = await puppeteer.launch({
        browser: "firefox",
        executablePath: FIREFOX,
        headless: true,
        defaultViewport: { ...VIEWPORT, deviceScaleFactor: DPR },
        extraPrefsFirefox: {
          "extensions.webextensions.uuids": JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
          "extensions.webextOptionalPermissionPrompts": false,
          "intl.accept_languages": "en-US",
          "intl.locale.requested": "en-US",
          "layout.css.devPixelsPerPx": String(DPR),
        },
      });
      await browser.installExtension(dir);
    },
    async openPage(url) {
      if (!browser) throw new Error("not launched");
      const page = await browser.newPage();
      await page.goto(url);
      return puppeteerPage(page);
    },
    async openExtensionPage(path) {
      if (!browser) throw new Error("not launched");
      const page = await browser.newPage();
      await page.goto(o.launchPage());
      const url = `moz-extension://${FIREFOX_UUID}/${path}`;
      await page.evaluate((u) => {
        location.href = u;
      }, url);
      // page.url() keeps the web page's URL; ask the document itself.
      const deadline = Date.now() + 15_000;
      for (;;) {
        const ready = await page
          .evaluate(() => location.href.startsWith("moz-extension:") && document.body !== null)
          .catch(() => false);
        if (ready) break;
        if (Date.now() > deadline) throw new Error(`extension page did not open: ${path}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return puppeteerPage(page);
    },
    close: async () => {
      await browser?.close();
    },
  };
}
