// The store kiosk end to end, in real Chromium against the real server (a
// child process on a temp SQLite folder), served by that server at /kiosk/:
//
//   pair with a code created through the API → server stopped: 50 behaviour
//   taps (+1 undone) and 20 feedback answers (3 of them fast, 1 walk-away) →
//   reload: the app comes back from the service worker with its data →
//   server started: the kiosk syncs by itself → the server holds exactly 70
//   observations with the right fields, the undone tap as a tombstone, and
//   the fast answers marked suspect.
//
// Screenshots of both modes in both languages go to test-artifacts/.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type adminApi,
  artifacts,
  E2E_STORE,
  type KioskServer,
  type Observation,
  percentile,
  startKioskWorld,
} from "./kiosk-harness.ts";

const PIN = "2468";
const ZONES = E2E_STORE.zones;
const BEHAVIOURS = E2E_STORE.behaviours.map((b) => b.code);
const PARTIES = ["alone", "couple", "family", "group"] as const;

type Tap = { behaviour: string; zone: string; party: string; note?: string; needs?: string[] };
type Answer = {
  rating: 1 | 2 | 3 | 4;
  reasons: string[];
  mode: "send" | "skip" | "walk-away";
  fast?: boolean;
};

// 20 answers: 3 fast repeats (suspect) and one customer who walks away.
const ANSWERS: Answer[] = [
  { rating: 4, reasons: ["friendly-staff"], mode: "send" },
  { rating: 3, reasons: [], mode: "skip" },
  { rating: 1, reasons: ["slow-checkout", "out-of-stock"], mode: "send" },
  { rating: 2, reasons: ["clear-prices"], mode: "send" },
  ...([4, 3, 4, 2, 1, 4, 3, 3, 4, 2] as const).map(
    (rating, i): Answer =>
      i % 2
        ? { rating, reasons: [], mode: "skip" }
        : { rating, reasons: ["good-price"], mode: "send" },
  ),
  { rating: 4, reasons: [], mode: "skip" },
  { rating: 4, reasons: [], mode: "skip", fast: true },
  { rating: 4, reasons: [], mode: "skip", fast: true },
  { rating: 3, reasons: [], mode: "skip", fast: true },
  { rating: 3, reasons: ["good-price"], mode: "send" },
  { rating: 1, reasons: ["slow-checkout"], mode: "walk-away" },
];
const NEED_OF = Object.fromEntries(E2E_STORE.reasons.map((r) => [r.code, r.need]));

let server: KioskServer;
let admin: Awaited<ReturnType<typeof adminApi>>;
let storeId: string;
let context: BrowserContext;
let page: Page;
const taps: Tap[] = [];
const faceAt: number[] = [];

const shot = (name: string) => page.screenshot({ path: join(artifacts, `kiosk-${name}.png`) });
const unsynced = () =>
  page.getAttribute('[data-testid="status-strip"]', "data-unsynced").then(Number);
const todayTotal = () => page.textContent('[data-testid="today-total"]');
const step = () => page.getAttribute('[data-testid="feedback-mode"]', "data-step");
const waitStep = (s: string, timeout = 10_000) =>
  page.waitForSelector(`[data-testid="feedback-mode"][data-step="${s}"]`, { timeout });

async function chip(group: string, value: string): Promise<void> {
  const b = page.locator(`[data-testid="${group}"] button[data-value="${value}"]`);
  if ((await b.getAttribute("aria-pressed")) !== "true") await b.click();
}

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  ({ server, admin, storeId, context, page } = await startKioskWorld("kiosk-e2e", {
    locale: "vi-VN",
  }));
}, 180_000);

afterAll(async () => {
  await context?.close();
  await server?.stop();
});

describe("kiosk end to end (Chromium, real server)", () => {
  it("pairs with a code created through the API and loads the store", async () => {
    const { code } = await admin.pairingCode(storeId);
    await page.goto(`${server.url}/kiosk/`);
    await page.waitForSelector("text=Mã ghép nối");
    expect(await page.inputValue('input[name="server"]')).toBe(server.url);
    await shot("pairing-vi");
    await page.fill('input[name="code"]', code);
    await page.fill('input[name="name"]', "Quầy cửa vào");
    await page.fill('input[name="pin"]', PIN);
    await page.fill('input[name="pin2"]', PIN);
    await page.click('button[type="submit"]');
    await page.waitForSelector("button.behaviour", { timeout: 30_000 });
    expect(await page.textContent(".top-bar__subtitle")).toBe(E2E_STORE.name);
    // The service worker controls the page: the shell is cached for offline reloads.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 30_000,
    });
    const device = (await admin.devices()).find((d) => d.kind === "kiosk");
    expect(device).toBeDefined();
  }, 120_000);

  it("records 50 behaviour taps offline, one tap undone", async () => {
    await server.stop();
    await chip("ages", "25-34");
    for (let i = 0; i < 50; i++) {
      const tap: Tap = {
        behaviour: BEHAVIOURS[(i * 3) % BEHAVIOURS.length] as string,
        zone: ZONES[i % ZONES.length] as string,
        party: PARTIES[Math.floor(i / 10) % PARTIES.length] as string,
      };
      await chip("zones", tap.zone);
      await chip("parties", tap.party);
      if (i === 7) {
        tap.note = "Hỏi mua trả góp 0%";
        tap.needs = ["price"];
        await page.click(".details__toggle");
        await page.fill('[data-testid="note"]', tap.note);
        await chip("needs", "price");
      }
      await page.click(`button.behaviour[data-code="${tap.behaviour}"]`);
      // The tally moves only once the observation is durable in IndexedDB.
      await page.waitForFunction(
        (n) =>
          document.querySelector('[data-testid="today-total"]')?.textContent?.includes(` ${n} `),
        i + 1,
      );
      taps.push(tap);
    }
    await page.click('button.behaviour[data-code="purchased"]');
    await page.waitForSelector("text=Đã lưu: Đã mua");
    await page.click('[data-testid="undo"]');
    await page.waitForSelector("text=Hoàn tác Đã mua?");
    await page.click('[data-testid="undo-confirm"]');
    await page.waitForSelector("text=Đã hoàn tác: Đã mua");
    expect(await todayTotal()).toBe("Hôm nay: 50 quan sát");
    const ms = await page.evaluate(() =>
      performance.getEntriesByName("kiosk:tap-durable").map((e) => e.duration),
    );
    console.info(
      `tap→durable offline, n=${ms.length}: p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms`,
    );
    // The strip counts the queue a moment after the tally moves: wait for it.
    await page.waitForSelector('[data-testid="status-strip"][data-unsynced="52"]', {
      timeout: 10_000,
    });
    expect(await unsynced()).toBe(52); // 51 creates + 1 delete tombstone
    await page.waitForSelector("text=Ngoại tuyến — dữ liệu được lưu trên máy", { timeout: 30_000 });
    await shot("staff-vi");
    await page.click('[data-testid="lang-toggle"]');
    await page.waitForSelector("text=Observation pad");
    await shot("staff-en");
    await page.click('[data-testid="lang-toggle"]');
  }, 120_000);

  it("takes 20 feedback answers offline (fast repeats, a walk-away)", async () => {
    await page.click('[data-testid="customer-mode"]');
    await waitStep("question");
    await shot("feedback-vi");
    await page.click('[data-testid="lang-toggle"]');
    await page.waitForSelector(`text=${E2E_STORE.feedbackQuestion.en}`);
    await shot("feedback-en");

    for (const [i, a] of ANSWERS.entries()) {
      const last = faceAt.at(-1);
      if (!a.fast && last !== undefined) {
        const wait = last + 2100 - Date.now();
        if (wait > 0) await page.waitForTimeout(wait);
      }
      await page.click(`button.face-button[data-rating="${a.rating}"]`);
      // Taken after the click was dispatched, so waiting 2.1 s from here
      // always leaves ≥ 2.1 s between two presses on the page's clock.
      faceAt.push(Date.now());
      await waitStep("reasons");
      for (const r of a.reasons) await chip("reasons", r);
      if (i === 0) await shot("reasons-en");
      if (a.mode === "walk-away") {
        // Nobody touches the screen: after 20 s it resets and keeps the answer.
        await waitStep("question", 30_000);
        break;
      }
      await page.click(`[data-testid="fb-${a.mode}"]`);
      await waitStep("thanks");
      if (i === 0) await shot("thanks-en");
      await page.click('[data-testid="thank-you"]');
      await waitStep("question");
    }
    // Customers never see sync details: no status strip in customer mode.
    expect(await page.locator('[data-testid="status-strip"]').count()).toBe(0);
    expect(await step()).toBe("question");
    // The customer's language choice did not stick.
    expect(await page.textContent(".feedback__question")).toBe(E2E_STORE.feedbackQuestion.vi);
  }, 180_000);

  it("reloads with the server down: the shell comes from the service worker, data from IndexedDB", async () => {
    await page.reload();
    // Still locked in customer mode after a reload.
    await page.waitForSelector('[data-testid="feedback-mode"]', { timeout: 30_000 });
    await page.click('[data-testid="staff-exit"]');
    for (const d of "1111") await page.click(`[data-testid="pin-key-${d}"]`);
    await page.click('[data-testid="pin-key-ok"]');
    await page.waitForSelector("text=Sai mã PIN");
    for (const d of PIN) await page.click(`[data-testid="pin-key-${d}"]`);
    await page.click('[data-testid="pin-key-ok"]');
    await page.waitForSelector("button.behaviour");
    await page.waitForSelector('[data-testid="status-strip"][data-unsynced="72"]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="today-total"]')?.textContent?.includes(" 50 "),
    );
  }, 60_000);

  it("syncs by itself once the server is back", async () => {
    const started = Date.now();
    await server.start();
    await page.waitForSelector('[data-testid="status-strip"][data-unsynced="0"]', {
      timeout: 60_000,
    });
    console.info(`kiosk caught up ${Date.now() - started} ms after the server start began`);
    const device = (await admin.devices()).find((d) => d.kind === "kiosk");
    expect(device?.lastSeq).toBe(72);
    expect(device?.appVersion).toMatch(/^kiosk\//);
    // Fleet health: the tablet reported its queue (empty now) and its storage with the sync.
    expect(device?.unsynced).toEqual({ count: 0, oldestAt: null });
    expect(typeof device?.storagePersisted).toBe("boolean");
    expect(device?.lastPushAt).not.toBeNull();
    expect(device?.lastPullAt).not.toBeNull();
  }, 120_000);

  it("the server holds exactly the 70 observations with the right fields", async () => {
    const all = await admin.observations(storeId);
    expect(all).toHaveLength(70);
    const byTime = (a: Observation, b: Observation) =>
      Date.parse(a.capturedAt as string) - Date.parse(b.capturedAt as string);
    const store = all.filter((o) => o.channel === "store").sort(byTime);
    const feedback = all.filter((o) => o.channel === "feedback").sort(byTime);
    expect(store).toHaveLength(50);
    expect(feedback).toHaveLength(20);

    const labelVi = Object.fromEntries(E2E_STORE.behaviours.map((b) => [b.code, b.label_vi]));
    expect(
      store.map((o) => ({
        behaviour: o.behaviour,
        zone: o.zone,
        party: (o.segment as { party?: string }).party,
        ...(o.note ? { note: o.note, needs: o.needs } : {}),
      })),
    ).toEqual(
      taps.map(({ behaviour, zone, party, note, needs }) => ({
        behaviour,
        zone,
        party,
        ...(note ? { note, needs } : {}),
      })),
    );
    for (const [i, o] of store.entries()) {
      expect(o).toMatchObject({
        method: "shopper-observation",
        storeId,
        segment: { ageBand: "25-34" },
        // The behaviour's label, with a note beside it in `note`.
        what: labelVi[taps[i]?.behaviour as string],
      });
      expect(o.capturedAt).toMatch(/[+-]\d\d:\d\d$/);
    }

    expect(
      feedback.map((o) => ({
        rating: o.rating,
        reasons: o.reasons,
        needs: o.needs,
        suspect: o.suspect,
      })),
    ).toEqual(
      ANSWERS.map((a) => {
        // A walk-away keeps the reasons tapped before it, then "timeout".
        const reasons =
          a.mode === "send" ? a.reasons : a.mode === "walk-away" ? [...a.reasons, "timeout"] : [];
        const needs = reasons.map((r) => NEED_OF[r]).filter(Boolean);
        return {
          rating: a.rating,
          reasons,
          needs: needs.length ? needs : undefined,
          suspect: Boolean(a.fast),
        };
      }),
    );
    for (const o of feedback) expect(o).toMatchObject({ method: "feedback", storeId });
    // The first customer switched to English: the question is kept as they read it.
    expect(feedback[0]?.question).toBe(E2E_STORE.feedbackQuestion.en);
    expect(feedback[1]?.question).toBe(E2E_STORE.feedbackQuestion.vi);
  });

  it("the undone tap is a tombstone on the server, not a silent drop", async () => {
    const device = await page.evaluate(
      () =>
        new Promise<{ deviceId: string; token: string }>((resolve, reject) => {
          const open = indexedDB.open("sightline-kiosk-device");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction("device").objectStore("device").get("self");
            get.onsuccess = () => resolve(get.result);
            get.onerror = () => reject(get.error);
          };
        }),
    );
    const res = await fetch(`${server.url}/v1/sync/pull`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${device.token}` },
      body: JSON.stringify({
        protocol: 1,
        deviceId: device.deviceId,
        clientSchema: 1,
        cookie: null,
        limit: 1000,
      }),
    });
    expect(res.status).toBe(200);
    const pull = (await res.json()) as {
      lastSeq: number;
      changes: ({ op: "put"; entity: { id: string } } | { op: "del"; id: string })[];
    };
    expect(pull.lastSeq).toBe(72);
    const dels = pull.changes.filter((c) => c.op === "del");
    expect(pull.changes.filter((c) => c.op === "put")).toHaveLength(70);
    expect(dels).toHaveLength(1);
    const undone = dels[0] as { id: string };
    expect(await admin.observationStatus(undone.id)).toBe(404);
  });

  it("marked exactly the presses < 2 s after the previous one suspect (tablet's clock)", async () => {
    const feedback = (await admin.observations(storeId))
      .filter((o) => o.channel === "feedback")
      .map((o) => ({ at: Date.parse(o.capturedAt as string), suspect: o.suspect }))
      .sort((a, b) => a.at - b.at);
    const rule = feedback.map((f, i) => i > 0 && f.at - (feedback[i - 1]?.at as number) < 2000);
    expect(feedback.map((f) => f.suspect)).toEqual(rule);
    expect(rule.filter(Boolean)).toHaveLength(ANSWERS.filter((a) => a.fast).length);
  });

  it("shows customers no sync details, even when synced", async () => {
    await page.click('[data-testid="customer-mode"]');
    await waitStep("question");
    expect(await page.locator('[data-testid="status-strip"]').count()).toBe(0);
    await shot("feedback-vi-synced");
  });
});
