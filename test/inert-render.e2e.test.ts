// Markup and script in server-provided text render inert, and every page
// loads under its CSP without a single violation — in real Chromium, for the
// managers' web app (journal list, journal page with its timeline, the HTML
// export), the kiosk (store name, zones, behaviour labels, feedback question,
// reasons) and the extension's side panel (recent captures, the edit form).
//
// Every text field of the fixture data carries a payload that would set
// window.__pwned if it ever became markup (<img onerror>, <script>,
// javascript: links, <svg onload>, <iframe srcdoc>). Each page must show the
// payloads as literal text, hold no element they could have injected, leave
// window.__pwned unset, and report no securitypolicyviolation event nor any
// CSP console message. The app is the real one (createApp) on a loopback
// port, serving fresh production builds of the web app and the kiosk.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { nextHlc, type TestDevice } from "@sightline/server/testing";
import { PROTOCOL_VERSION, uuidv7 } from "@sightline/shared";
import { type BrowserContext, chromium, type Page, type Worker } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildExtension } from "./extension-harness.ts";
import { type LoopbackApp, startLoopbackApp } from "./support/loopback-app.ts";
import { ROOT } from "./support/server-process.ts";

const run = promisify(execFile);

/** Payloads, each setting window.__pwned to its own number if it ever ran. */
const P = {
  img: '<img src=x onerror="window.__pwned=1">',
  script: "<script>window.__pwned=2</script>",
  js: "javascript:window.__pwned=3",
  svg: '"><svg onload="window.__pwned=4">',
  iframe: '<iframe srcdoc="<script>parent.__pwned=5</script>"></iframe>',
  link: '<a href="javascript:window.__pwned=6">click me</a>',
  short: "<b onmouseover=window.__pwned=7>x</b>",
} as const;
const INJECTABLE =
  'img[src="x"], iframe, svg[onload], [onerror], [onload], [onmouseover], [onclick], a[href^="javascript:" i], script:not([src])';

let app: LoopbackApp;
let context: BrowserContext;
let profile: string;
let builds: string;
let worker: Worker;
let extensionId: string;
let journalId = "";
const consoleCsp: string[] = [];

async function buildApp(config: string, outDir: string) {
  await run(
    join(ROOT, "node_modules", ".bin", "vite"),
    ["build", "--config", config, "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"],
    { cwd: ROOT, env: { ...process.env, NODE_ENV: "production" } },
  );
}

async function api(path: string, init: { method?: string; json?: unknown; token?: string } = {}) {
  const res = await app.request(path, { token: app.admin.token, ...init });
  if (!res.ok) throw new Error(`${path} → ${res.status}: ${await res.text()}`);
  return res.status === 204 ? undefined : res.json();
}

async function push(d: TestDevice, fields: Record<string, unknown>[]) {
  const body = (await api("/v1/sync/push", {
    method: "POST",
    token: d.token,
    json: {
      protocol: PROTOCOL_VERSION,
      deviceId: d.deviceId,
      clientSchema: 1,
      appVersion: "inert",
      mutations: fields.map((f, i) => ({
        seq: i + 1,
        op: "obs.create",
        id: uuidv7(),
        hlc: nextHlc(d.deviceId),
        fields: f,
      })),
    },
  })) as { rejected: unknown[]; lastSeq: number };
  expect(body.rejected).toEqual([]);
}

async function seed() {
  const now = () => new Date().toISOString();
  await api(`/v1/stores/${app.storeId}`, {
    method: "PATCH",
    json: {
      name: `${P.img} Quận 1`,
      zones: [P.svg, "Quầy thu ngân"],
      behaviours: [
        { code: "asked-price", label_vi: P.script, label_en: P.script },
        { code: "browsed", label_vi: P.short, label_en: P.short },
      ],
      feedbackQuestion: { vi: P.iframe, en: P.iframe },
      reasons: [{ code: "price", need: "price", label_vi: P.link, label_en: P.link }],
    },
  });
  const rival = (await api("/v1/competitors", {
    method: "POST",
    json: { name: `${P.script} Rival`, domains: ["rival.example.vn"] },
  })) as { id: string };
  await api("/v1/users", {
    method: "POST",
    json: { email: "lan@example.com", password: "long enough pw", role: "viewer", name: P.short },
  });
  const ext = await app.pair("marketer");
  await push(ext, [
    {
      channel: "web",
      method: "competitor-audit",
      capturedAt: now(),
      url: "https://rival.example.vn/p/1?q=%3Cscript%3E",
      pageTitle: P.script,
      competitorId: rival.id,
      what: P.img,
      who: P.script,
      where: P.js,
      why: P.svg,
      how: P.iframe,
      note: P.link,
      tags: [P.short],
      evidence: { quote: P.img, prefix: P.short, suffix: P.short },
    },
    {
      channel: "web",
      method: "competitor-audit",
      capturedAt: now(),
      url: "https://rival.example.vn/p/2",
      competitorId: rival.id,
      what: P.link,
      who: P.js,
    },
  ]);
  const kiosk = await app.pair("staff");
  await push(kiosk, [
    {
      channel: "store",
      method: "shopper-observation",
      capturedAt: now(),
      storeId: app.storeId,
      behaviour: "asked-price",
      zone: P.svg,
      what: P.iframe,
      why: P.img,
    },
    {
      channel: "feedback",
      method: "feedback",
      capturedAt: now(),
      storeId: app.storeId,
      rating: 2,
      question: P.iframe,
      reasons: ["price"],
      what: P.script,
    },
  ]);
  const journal = (await api("/v1/journals", {
    method: "POST",
    json: { title: P.img, question: P.script, goal: P.js },
  })) as { id: string };
  journalId = journal.id;
  const observations = (
    (await api("/v1/observations?limit=50")) as { items: { id: string }[] }
  ).items.map((o) => o.id);
  const insight = (await api(`/v1/journals/${journalId}/insights`, {
    method: "POST",
    json: {
      statement: P.svg,
      evidence: observations.map((observationId) => ({ observationId, stance: "supports" })),
    },
  })) as { id: string };
  await api(`/v1/insights/${insight.id}/actions`, {
    method: "POST",
    json: { title: P.iframe, owner: P.short },
  });
}

beforeAll(async () => {
  builds = mkdtempSync(join(tmpdir(), "sightline-inert-builds-"));
  const [extensionDir] = await Promise.all([
    buildExtension(),
    buildApp("server/web/vite.config.ts", join(builds, "web")),
    buildApp("kiosk/vite.config.ts", join(builds, "kiosk")),
  ]);
  app = await startLoopbackApp({
    staticRoots: { web: join(builds, "web"), kiosk: join(builds, "kiosk") },
  });
  await seed();
  profile = mkdtempSync(join(tmpdir(), "sightline-inert-profile-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    locale: "en-GB",
    viewport: { width: 1280, height: 900 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  worker =
    context.serviceWorkers().find((w) => w.url().startsWith("chrome-extension://")) ??
    (await context.waitForEvent("serviceworker", { timeout: 20_000 }));
  extensionId = new URL(worker.url()).host;
}, 180_000);

afterAll(async () => {
  await context?.close();
  await app?.stop();
  for (const dir of [profile, builds]) if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(url: string): Promise<Page> {
  const page = await context.newPage();
  page.on("console", (m) => {
    if (/content security policy|refused to/i.test(m.text()))
      consoleCsp.push(`${url}: ${m.text()}`);
  });
  page.on("pageerror", (e) => consoleCsp.push(`${url}: page error ${e.message}`));
  await page.goto(url);
  return page;
}

/** The page shows `texts` literally and nothing ran or was injected. */
async function expectInert(page: Page, texts: readonly string[], where: string) {
  const state = await page.evaluate(
    ([selector]) => ({
      // Visible text plus what form fields hold (edit forms show names as values).
      text: [
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered, visible text is what a person sees
        document.body.innerText,
        ...[...document.querySelectorAll("input, textarea")].map(
          (e) => (e as HTMLInputElement).value,
        ),
      ].join("\n"),
      injected: [...document.querySelectorAll(selector as string)].map((e) =>
        e.outerHTML.slice(0, 120),
      ),
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      csp: (window as unknown as { __csp?: string[] }).__csp ?? ["no listener"],
    }),
    [INJECTABLE],
  );
  for (const t of texts) expect(state.text, `${where} shows ${t} literally`).toContain(t);
  expect(state.injected, where).toEqual([]);
  expect(state.pwned, where).toBeNull();
  expect(state.csp, where).toEqual([]);
  expect(consoleCsp, where).toEqual([]);
}

describe("markup in server-provided text renders inert (Chromium)", () => {
  it("web app: journal list, journal page and timeline", async () => {
    const page = await open(`${app.base}/`);
    await page.getByLabel("Email").fill(app.admin.email);
    await page.getByLabel("Password", { exact: true }).fill(app.admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Insight journals" }).waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered, visible text is what a person sees
    await page.waitForFunction((t) => document.body.innerText.includes(t), P.img);
    await expectInert(page, [P.img], "journal list");

    await page.goto(`${app.base}/#/journals/${journalId}`);
    await page.locator("article.obs").nth(3).waitFor({ timeout: 15_000 });
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered, visible text is what a person sees
    await page.waitForFunction((t) => document.body.innerText.includes(t), P.svg);
    await expectInert(
      page,
      [P.img, P.script, P.js, P.svg, P.iframe, P.link, P.short],
      "journal page",
    );

    // Admin pages list the store and competitor names; analytics labels stores and reasons.
    for (const [hash, texts] of [
      ["#/admin/stores", [`${P.img} Quận 1`]],
      ["#/admin/competitors", [`${P.script} Rival`]],
      ["#/admin/devices", []],
      ["#/admin/people", [P.short]],
      ["#/analytics", []],
    ] as const) {
      await page.goto(`${app.base}/${hash}`);
      if (texts[0])
        await page.waitForFunction(
          (t) =>
            [...document.querySelectorAll("input")].some((e) => e.value.includes(t)) ||
            document.body.textContent?.includes(t),
          texts[0],
        );
      // The live SSE stream keeps the network busy: wait for the page's heading instead.
      else await page.locator("h1, h2").first().waitFor();
      await page.waitForTimeout(300);
      await expectInert(page, texts, hash);
    }
    await page.close();
  });

  it("web app: the print-ready HTML export", async () => {
    const page = await open(`${app.base}/v1/journals/${journalId}/export?format=html&lang=en`);
    await expectInert(page, [P.img, P.script, P.svg, P.iframe], "HTML export");
    await page.close();
  });

  it("kiosk: store name, zones, behaviour labels, feedback question and reasons", async () => {
    const { code } = (await api("/v1/pairing-codes", {
      method: "POST",
      json: { role: "staff", storeId: app.storeId },
    })) as { code: string };
    const page = await open(`${app.base}/kiosk/`);
    await page.fill('input[name="code"]', code);
    await page.fill('input[name="name"]', "Quầy");
    await page.fill('input[name="pin"]', "2468");
    await page.fill('input[name="pin2"]', "2468");
    await page.click('button[type="submit"]');
    await page.waitForSelector("button.behaviour", { timeout: 30_000 });
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered, visible text is what a person sees
    await page.waitForFunction((t) => document.body.innerText.includes(t), P.svg);
    expect(await page.textContent(".top-bar__subtitle")).toBe(`${P.img} Quận 1`);
    await expectInert(page, [P.img, P.script, P.short, P.svg], "kiosk staff pad");

    await page.click('[data-testid="customer-mode"]');
    await page.waitForSelector('[data-testid="feedback-mode"][data-step="question"]');
    await expectInert(page, [P.iframe], "kiosk feedback question");
    await page.click('button.face-button[data-rating="2"]');
    await page.waitForSelector('[data-testid="feedback-mode"][data-step="reasons"]');
    await expectInert(page, [P.link], "kiosk feedback reasons");
    await page.close();
  });

  it("extension side panel: recent captures and the edit form", async () => {
    const { code } = (await api("/v1/pairing-codes", {
      method: "POST",
      json: { role: "marketer" },
    })) as { code: string };
    const options = await open(`chrome-extension://${extensionId}/options.html`);
    await options.fill('[data-testid="server-url"]', app.base);
    await options.fill('[data-testid="pair-code"]', code);
    await options.click('[data-testid="pair"]');
    await options.locator('[data-testid="paired"]').waitFor({ timeout: 15_000 });
    await expectInert(options, [], "extension options");
    await options.close();

    const tab = await open(`${app.base}/health`);
    const tabId = await worker.evaluate(
      async (url) => (await chrome.tabs.query({ url: `${url}/*` }))[0]?.id,
      app.base,
    );
    const panel = await open(`chrome-extension://${extensionId}/panel.html?tab=${tabId}`);
    await panel.click('[data-testid="tab-recent"]');
    // Only this person's web captures: the kiosk's store and feedback rows are
    // outside an extension's scope (the sync policy table).
    await panel.locator(".recent .item").nth(1).waitFor({ timeout: 20_000 });
    expect(await panel.locator(".recent .item").count()).toBe(2);
    await expectInert(panel, [P.img, P.link], "extension recent list");

    await panel.locator(".recent .item", { hasText: P.img }).first().locator("button").click();
    await panel.locator('[data-testid="form-what"]').waitFor();
    expect(await panel.inputValue('[data-testid="form-what"]')).toBe(P.img);
    await expectInert(panel, [], "extension edit form");
    await panel.close();
    await tab.close();
  });
});
