// The managers' web app end to end, in real Chromium against the real server
// process with demo data: sign in, create a journal, accept a suggestion,
// score it, add an action, export Markdown; then a kiosk paired through the
// API pushes an observation and the open journal shows it without a reload.
// Screenshots of the journal page in vi and en go to test-artifacts/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hlcFormat, hlcInit, hlcSend, uuidv4, uuidv7 } from "@sightline/shared";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN,
  adminSession,
  apiClient,
  ROOT,
  type ServerProcess,
  startServerProcess,
} from "./support/server-process.ts";

const ARTIFACTS = join(ROOT, "test-artifacts");
const JOURNAL = {
  title: "E2E: giá và khách bỏ đi",
  question: "Why do shoppers ask the price and leave?",
  goal: "Raise conversion at the phone shelf",
};

let server: ServerProcess;
let context: BrowserContext;
let page: Page;
let profileDir: string;
/** The accepted suggestion's title, which becomes the insight statement. */
let statement = "";

beforeAll(async () => {
  await build({ configFile: join(ROOT, "server/web/vite.config.ts"), logLevel: "error" });
  server = await startServerProcess({ env: { SIGHTLINE_DEMO: "1" } });
  profileDir = mkdtempSync(join(tmpdir(), "sightline-e2e-chromium-"));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1440, height: 1000 },
    locale: "en-GB",
    acceptDownloads: true,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => console.error("page error:", e));
}, 120_000);

afterAll(async () => {
  await context?.close();
  await server?.dispose();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

const card = () => page.locator("article.insight").first();

describe("managers' web app (real server, real Chromium)", () => {
  it("signs in and creates a journal over the demo data", async () => {
    await page.goto(server.base);
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Insight journals" }).waitFor();

    await page.getByRole("link", { name: "New journal" }).click();
    await page.getByLabel("Journal name").fill(JOURNAL.title);
    await page.getByLabel(/^Question/).fill(JOURNAL.question);
    await page.getByLabel(/^Business goal/).fill(JOURNAL.goal);
    await page.getByRole("button", { name: "Create journal" }).click();
    await page.getByRole("heading", { name: JOURNAL.title, level: 1 }).waitFor();
    await page.locator("article.obs").first().waitFor();
    expect(await page.locator("article.obs").count()).toBeGreaterThan(5);
  });

  it("accepts a suggestion, scores it and adds an action", async () => {
    const suggestion = page.locator(".suggestions article.suggestion").first();
    await suggestion.waitFor({ timeout: 20_000 });
    statement = ((await suggestion.locator("h3").textContent()) ?? "").trim();
    await suggestion.getByRole("button", { name: "Accept as insight" }).click();
    await card().getByRole("heading", { name: statement }).waitFor();

    // Four principles: truth 3, resonance 2, relevance 3, uniqueness 1.
    if (!(await card().getByLabel("Truth: 3").isVisible()))
      await card().getByText("Four principles").click();
    for (const [label, total] of [
      ["Truth: 3", 3],
      ["Resonance: 2", 5],
      ["Relevance: 3", 8],
      ["Uniqueness: 1", 9],
    ] as const) {
      const saved = page.waitForResponse(
        (r) => r.url().includes("/v1/insights/") && r.request().method() === "PATCH",
      );
      await card().getByLabel(label).check();
      expect((await saved).ok()).toBe(true);
      await card().getByText(`Total ${total}/12`).first().waitFor();
    }
    await card().getByText("Weakest: Uniqueness").first().waitFor();

    await card()
      .getByLabel("Action", { exact: true })
      .fill("Show a price-match promise at the phone shelf");
    await card().getByLabel("Owner", { exact: true }).fill("Lan");
    await card().getByLabel("Due date").fill("2030-01-15");
    await card().getByRole("button", { name: "Add action" }).click();
    await card().getByText("Show a price-match promise at the phone shelf").waitFor();

    // The score survived a reload (it is on the server, not only on screen).
    await page.reload();
    await card()
      .getByText(/Total 9\/12/)
      .first()
      .waitFor();
  });

  it("exports the journal as Markdown", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Markdown", exact: true }).click(),
    ]);
    const file = await download.path();
    const md = readFileSync(file, "utf8");
    expect(md).toContain(JOURNAL.title);
    expect(md).toContain(JOURNAL.question);
    expect(md).toContain("Show a price-match promise at the phone shelf");
    expect(md).toContain(statement);
  });

  it("shows an observation pushed by a paired kiosk without a reload", async () => {
    const admin = await adminSession(server.base);
    const stores = await admin.api<{ items?: { id: string; zones: string[] }[] }>(
      "GET",
      "/v1/stores",
    );
    const store = (Array.isArray(stores) ? stores : (stores.items ?? []))[0];
    if (!store) throw new Error("demo data has no store");
    const deviceId = uuidv4();
    const { token } = await admin.pair("staff", deviceId, store.id);
    await page.locator(".live-live").waitFor({ timeout: 10_000 });

    const what = `E2E live: khách chờ thanh toán ${Date.now()}`;
    const pushed = await apiClient(server.base, token)<{ rejected: unknown[] }>(
      "POST",
      "/v1/sync/push",
      {
        protocol: 1,
        deviceId,
        clientSchema: 1,
        appVersion: "e2e",
        mutations: [
          {
            seq: 1,
            op: "obs.create",
            id: uuidv7(),
            hlc: hlcFormat(hlcSend(hlcInit(deviceId), Date.now())),
            fields: {
              channel: "store",
              method: "shopper-observation",
              capturedAt: new Date().toISOString(),
              storeId: store.id,
              what,
              ...(store.zones[0] ? { zone: store.zones[0] } : {}),
              needs: ["efficiency"],
            },
          },
        ],
      },
    );
    expect(pushed.rejected).toEqual([]);
    const item = page.locator("article.obs", { hasText: what });
    await item.waitFor({ timeout: 15_000 });
    expect(await item.getAttribute("class")).toContain("fresh");
  });

  it("looks right in both languages (screenshots)", async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, "journal-en.png") });
    await page.getByRole("button", { name: "Tiếng Việt" }).click();
    await page.getByRole("heading", { name: "Dòng thời gian" }).waitFor();
    await page.locator(".suggestions article.suggestion, .suggestions .empty").first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "journal-vi.png") });
    await page.screenshot({ path: join(ARTIFACTS, "journal-vi-full.png"), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("vi");
  });

  it("analytics on a phone: one column, a readable heatmap with its legend, no page overflow", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.base}/#/analytics`);
    const heatmap = page.locator("svg.heatmap");
    await heatmap.waitFor({ timeout: 20_000 });
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBe(0);
    // It scrolls inside its card instead of collapsing to a sliver (it was about 90 px).
    expect((await heatmap.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(500);
    const card = await heatmap.evaluate((svg) => {
      let box = svg.parentElement;
      while (box && !["auto", "scroll"].includes(getComputedStyle(box).overflowX))
        box = box.parentElement;
      if (!box) return null;
      const before = box.scrollLeft;
      box.scrollLeft = 200;
      const scrolled = box.scrollLeft - before;
      box.scrollLeft = before;
      return {
        isCard: box.matches(".chart, .card"),
        width: box.getBoundingClientRect().width,
        clientWidth: box.clientWidth,
        scrollWidth: box.scrollWidth,
        scrolled,
      };
    });
    // The nearest box that scrolls sideways is the chart's card, inside the 390 px screen…
    expect(card?.isCard).toBe(true);
    expect(card?.width ?? 9999).toBeLessThanOrEqual(390);
    // …holding the wider heatmap, and it really scrolls.
    expect(card?.scrollWidth ?? 0).toBeGreaterThan(card?.clientWidth ?? 0);
    expect(card?.scrolled ?? 0).toBeGreaterThan(0);
    await page.locator('[data-testid="heat-legend"]').first().waitFor();
    expect(await page.locator("svg.trend text.n").count()).toBeGreaterThan(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "analytics-phone.png"), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 1000 });
  });

  it("fleet view: a kiosk's unsynced writes, oldest age and storage show on the Devices page", async () => {
    const admin = await adminSession(server.base);
    const stores = await admin.api<{ items?: { id: string }[] }>("GET", "/v1/stores");
    const store = (Array.isArray(stores) ? stores : (stores.items ?? []))[0];
    if (!store) throw new Error("demo data has no store");
    const deviceId = uuidv4();
    const { token } = await admin.pair("staff", deviceId, store.id);
    // The tablet reports 3 writes it could not send yet, the oldest 2 h old.
    await apiClient(server.base, token)("POST", "/v1/sync/pull", {
      protocol: 1,
      deviceId,
      clientSchema: 1,
      cookie: null,
      status: {
        unsynced: 3,
        oldestUnsyncedAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
        storagePersisted: false,
      },
    });
    await page.goto(`${server.base}/#/admin/devices`);
    const row = page.locator(`tr[data-device="${deviceId}"]`);
    await row.waitFor({ timeout: 15_000 });
    // The page is in Vietnamese since the screenshots test.
    expect(await row.locator('[data-testid="unsynced"]').textContent()).toMatch(
      /^3 thay đổicũ nhất 2 giờ/,
    );
    expect(await row.locator('[data-testid="storage"]').textContent()).toBe("Có thể bị xoá");
    expect(await row.getAttribute("data-silent")).toBeNull();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "devices-fleet-vi.png"), fullPage: true });
  });
});
