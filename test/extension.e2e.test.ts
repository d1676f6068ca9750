// The extension end to end, in real Chromium with the unpacked build loaded,
// against the real server (a child process) and a local competitor page:
//
//   pair with a code from the server → select text and capture → capture an
//   element with a screenshot → server stopped: capture two more (offline) →
//   server restarted: the server ends with exactly those four observations
//   (quote, selectors, page facts with the price parsed, screenshot blobs
//   retrievable by hash) → the price changes: the revisit detects it.
//
// Captures are driven the way a user drives them from the side panel: the
// panel page (opened in a tab, pinned to the competitor tab with ?tab=) has
// the real "Capture selection" / "Pick element" / "Region" buttons, which go
// through the worker's message API — the same path as the context menu and
// keyboard commands, which headless Chromium cannot trigger.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page, type Worker } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  adminApi,
  buildExtension,
  type FixtureSite,
  fixtureSite,
  freePort,
  pngSize,
  type RealServer,
  realServer,
  sha256,
} from "./extension-harness.ts";

const EMAIL = "admin@e2e.test";
const PASSWORD = "correct horse battery staple";
const QUOTE_1 = "cho thời lượng pin lên đến 50 giờ";
const QUOTE_2 = "Bảo hành chính hãng 12 tháng";
const QUOTE_3 = "Giao nhanh trong 2 giờ tại TP.HCM và Hà Nội";

let server: RealServer;
let site: FixtureSite;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let shop: Page;
let panel: Page;
let admin: Awaited<ReturnType<typeof adminApi>>;
const timings: Record<string, number> = {};
/** A HiDPI screen, so crops must convert CSS px to device px. */
const DPR = 2;

async function selectText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(t);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + t.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`not on the page: ${t}`);
  }, text);
}

/** Captures listed for this page in the panel (found or not). */
const pageItems = () => panel.locator(".page-view .item").count();

/** Click "Capture selection" in the panel; resolve with the worker's and the wall-clock time to saved. */
async function captureSelection(text: string): Promise<{ workerMs: number; wallMs: number }> {
  await selectText(shop, text);
  const before = await pageItems();
  const t0 = performance.now();
  await panel.click('[data-testid="capture-selection"]');
  await expect.poll(pageItems, { timeout: 10_000 }).toBe(before + 1);
  const wallMs = performance.now() - t0;
  const shown = (await panel.locator('[data-testid="capture-result"]').textContent()) ?? "";
  expect(shown).toMatch(/Saved in \d+ ms|Đã lưu sau \d+ ms/);
  const workerMs = Number(/(\d+)\s*ms/.exec(shown)?.[1] ?? Number.NaN);
  return { workerMs, wallMs };
}

async function unsynced(): Promise<number> {
  return Number(await panel.locator(".status").getAttribute("data-unsynced"));
}

beforeAll(async () => {
  const dir = await buildExtension();
  server = realServer({ port: await freePort(), email: EMAIL, password: PASSWORD });
  [site] = await Promise.all([fixtureSite(), server.start()]);
  admin = await adminApi(server.url, EMAIL, PASSWORD);
  await admin.competitor("ĐiệnMáyXanhLá", ["127.0.0.1"]);

  context = await chromium.launchPersistentContext(
    mkdtempSync(join(tmpdir(), "sightline-e2e-profile-")),
    {
      executablePath: "/usr/bin/chromium",
      headless: true,
      locale: "en-US",
      viewport: { width: 1280, height: 900 },
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
  worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent("serviceworker", { timeout: 20_000 }));
  extensionId = new URL(worker.url()).host;
}, 240_000);

afterAll(async () => {
  console.log("extension e2e timings (ms):", JSON.stringify(timings));
  await context?.close();
  await server?.stop();
  await site?.close();
});

describe("extension end to end (Chromium + real server)", () => {
  it("pairs with a one-time code from the server", async () => {
    const { code } = await admin.pairingCode();
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.fill('[data-testid="server-url"]', server.url);
    await options.fill('[data-testid="pair-code"]', code);
    await options.click('[data-testid="pair"]');
    await expect(
      options.locator('[data-testid="paired"]').textContent({ timeout: 15_000 }),
    ).resolves.toContain(server.url);
    await options.close();

    shop = await context.newPage();
    await shop.goto(site.productUrl);
    const tabId = await worker.evaluate(
      async (url) => (await chrome.tabs.query({ url: `${url}*` }))[0]?.id,
      site.productUrl,
    );
    expect(tabId).toBeTypeOf("number");
    panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/panel.html?tab=${tabId}`);
    // The first pull brought the workspace's competitors: nothing to send, all synced.
    await expect
      .poll(() => panel.locator('[data-testid="sync-summary"]').textContent(), { timeout: 15_000 })
      .toContain("All synced");
  });

  it("captures selected text, saved locally at once and synced to the server", async () => {
    const t = await captureSelection(QUOTE_1);
    timings.selectionWorker = t.workerMs;
    timings.selectionClickToSaved = Math.round(t.wallMs);
    await expect
      .poll(async () => (await admin.observations("&channel=web")).length, { timeout: 15_000 })
      .toBe(1);
  });

  it("captures an element with a screenshot", async () => {
    await panel.click('[data-testid="capture-element"]');
    await shop.bringToFront();
    const box = await shop.locator(".price-current").boundingBox();
    if (!box) throw new Error("price not visible");
    await shop.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const t0 = performance.now();
    await shop.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(pageItems, { timeout: 10_000 }).toBe(2);
    timings.elementClickToSaved = Math.round(performance.now() - t0);
    const shown = (await panel.locator('[data-testid="capture-result"]').textContent()) ?? "";
    expect(shown).toMatch(/Saved in \d+ ms/);
    expect(shown).not.toContain("No screenshot");
    timings.elementWorker = Number(/(\d+)\s*ms/.exec(shown)?.[1]);
    await expect
      .poll(async () => (await admin.observations("&channel=web")).length, { timeout: 15_000 })
      .toBe(2);
  });

  it("keeps capturing while the server is down", async () => {
    await server.stop();
    await panel.bringToFront();
    await captureSelection(QUOTE_2);
    // A region capture, dragged on the page.
    await panel.click('[data-testid="capture-region"]');
    await shop.bringToFront();
    const area = await shop.locator(".promo").boundingBox();
    if (!area) throw new Error("promo list not visible");
    await shop.mouse.move(area.x + 2, area.y + 2);
    await shop.mouse.down();
    await shop.mouse.move(area.x + area.width - 2, area.y + area.height - 2, { steps: 5 });
    await shop.mouse.up();
    await panel.bringToFront();
    await expect.poll(unsynced, { timeout: 10_000 }).toBe(2);
    await panel.click('[data-testid="sync-now"]');
    await expect
      .poll(() => panel.locator('[data-testid="sync-summary"]').textContent(), { timeout: 15_000 })
      .toContain("Offline");
    expect(await unsynced()).toBe(2);
  });

  it("syncs when the server is back: exactly those observations, with evidence and blobs", async () => {
    await server.start();
    await panel.click('[data-testid="sync-now"]');
    await expect.poll(unsynced, { timeout: 30_000 }).toBe(0);

    const items = await admin.observations("&channel=web");
    expect(items).toHaveLength(4);
    const byWhat = new Map(items.map((o) => [String(o.what), o]));
    for (const quote of [QUOTE_1, QUOTE_2]) {
      const o = byWhat.get(quote) as {
        evidence: {
          quote: string;
          selectors: { type: string; exact?: string }[];
          facts: Record<string, unknown>;
        };
      };
      expect(o, quote).toBeTruthy();
      expect(o.evidence.quote).toBe(quote);
      const types = o.evidence.selectors.map((s) => s.type);
      expect(types).toEqual(
        expect.arrayContaining(["RangeSelector", "TextPositionSelector", "TextQuoteSelector"]),
      );
      expect(o.evidence.selectors.find((s) => s.type === "TextQuoteSelector")?.exact).toBe(quote);
    }
    for (const o of items) {
      expect(o).toMatchObject({
        channel: "web",
        method: "competitor-audit",
        who: "ĐiệnMáyXanhLá",
        url: site.productUrl,
        pageTitle: "Tai nghe Bluetooth Sony WH-CH520 chính hãng | ĐiệnMáyXanhLá",
      });
      const facts = (
        o.evidence as { facts: { prices: { amount: number; currency: string }[]; lang: string } }
      ).facts;
      expect(facts.lang).toBe("vi");
      expect(facts.prices[0]).toMatchObject({ amount: 1290000, currency: "VND" });
    }
    const element = byWhat.get("1.290.000₫") as {
      evidence: {
        screenshot: string;
        facts: { element: { selector: string; box: { width: number; height: number } } };
      };
    };
    expect(element.evidence.facts.element.selector).toBeTruthy();
    const shots = items
      .map((o) => (o.evidence as { screenshot?: string }).screenshot)
      .filter(Boolean) as string[];
    expect(shots).toHaveLength(2); // the element and the region
    for (const sha of shots) {
      const blob = await admin.blob(sha);
      expect(blob.type).toBe("image/png");
      expect(sha256(blob.bytes)).toBe(sha);
    }
    // The element's crop is the element (plus 4 CSS px of padding) in device pixels, not the tab.
    const crop = pngSize((await admin.blob(element.evidence.screenshot)).bytes);
    const { width, height } = element.evidence.facts.element.box;
    expect(crop.width).toBeGreaterThanOrEqual(Math.floor(width * DPR));
    expect(crop.width).toBeLessThanOrEqual(Math.ceil((width + 8) * DPR) + 1);
    expect(crop.height).toBeGreaterThanOrEqual(Math.floor(height * DPR));
    expect(crop.height).toBeLessThanOrEqual(Math.ceil((height + 8) * DPR) + 1);
  });

  it("revisiting the page after the price changed: highlights and old → new", async () => {
    site.setPrice(
      { display: "1.290.000₫", amount: "1290000" },
      { display: "1.190.000₫", amount: "1190000" },
    );
    await shop.reload();
    const changes = panel.locator('[data-testid="page-changes"]');
    await expect
      .poll(() => changes.textContent().catch(() => ""), { timeout: 15_000 })
      .toMatch(/1[.,]290[.,]000.*→.*1[.,]190[.,]000/);
    // Earlier quotes are highlighted again (CSS Custom Highlight API, no DOM change).
    await expect
      .poll(() =>
        shop.evaluate(
          () =>
            (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(
              "sightline-capture",
            )?.size ?? 0,
        ),
      )
      .toBe(2);
    expect(await shop.locator("mark, [data-sightline]").count()).toBe(0);

    await changes.locator('[data-testid="record-change"]').first().click();
    await panel.click('[data-testid="sync-now"]');
    await expect
      .poll(
        async () =>
          (await admin.observations("&channel=web")).find(
            (o) => Array.isArray(o.needs) && (o.needs as string[]).includes("price"),
          ),
        {
          timeout: 15_000,
        },
      )
      .toMatchObject({ what: expect.stringMatching(/1[.,]290[.,]000.*→.*1[.,]190[.,]000/) });
  });

  it("captures right after a revisit still work (a third quote)", async () => {
    const t = await captureSelection(QUOTE_3);
    timings.selectionWorkerWarm = t.workerMs;
    await panel.click('[data-testid="sync-now"]');
    await expect.poll(unsynced, { timeout: 15_000 }).toBe(0);
    expect((await admin.observations("&channel=web")).map((o) => o.what)).toContain(QUOTE_3);
  });
});
