// Tap → durable latency of the kiosk in real Chromium. Each staff-pad tap
// records a User Timing measure "kiosk:tap-durable" from the click event's
// timestamp to the moment the worker answered that the observation and its
// outbox entry are committed to IndexedDB (kiosk/src/core/latency.ts). This
// bench builds the kiosk, starts the real server, pairs a tablet, taps N
// times online (sync running in the background) and N times with the server
// stopped, and reports p50/p95/max. Taps are sequential: the next tap waits
// for the previous confirmation, as a person would.
//
//   npm run bench -w kiosk            (or: npx tsx kiosk/bench/tap-latency.ts [taps])
//
// `measureTapLatency()` is exported for a repo-wide bench runner.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import {
  adminApi,
  artifacts,
  buildKiosk,
  E2E_STORE,
  freePort,
  kioskServer,
  launchTablet,
  percentile,
} from "../../test/kiosk-harness.ts";

export type LatencyRow = { name: string; value: number; unit: string; note?: string };
export type LatencyResult = {
  taps: number;
  online: number[];
  offline: number[];
  rows: LatencyRow[];
};

const MEASURE = "kiosk:tap-durable";

async function tapMany(page: Page, n: number): Promise<number[]> {
  const before = await page.evaluate((m) => performance.getEntriesByName(m).length, MEASURE);
  const buttons = await page.locator("button.behaviour").count();
  for (let i = 0; i < n; i++) {
    await page
      .locator("button.behaviour")
      .nth(i % buttons)
      .click();
    await page.waitForFunction(
      ([m, k]) => performance.getEntriesByName(m as string).length >= (k as number),
      [MEASURE, before + i + 1] as const,
    );
  }
  return page.evaluate(
    ([m, from]) =>
      performance
        .getEntriesByName(m as string)
        .slice(from as number)
        .map((e) => e.duration),
    [MEASURE, before] as const,
  );
}

const summary = (name: string, xs: number[]): LatencyRow[] => [
  { name: `${name} p50`, value: percentile(xs, 50), unit: "ms", note: `${xs.length} taps` },
  { name: `${name} p95`, value: percentile(xs, 95), unit: "ms" },
  { name: `${name} max`, value: Math.max(...xs), unit: "ms" },
];

export async function measureTapLatency(taps = 250): Promise<LatencyResult> {
  await buildKiosk();
  const email = "bench@kiosk.test";
  const password = "bench password 1234";
  const server = kioskServer({ port: await freePort(), email, password });
  await server.start();
  const context = await launchTablet();
  try {
    const admin = await adminApi(server.url, email, password);
    const store = await admin.createStore(E2E_STORE);
    const { code } = await admin.pairingCode(store.id);
    const page = await context.newPage();
    await page.goto(`${server.url}/kiosk/`);
    await page.fill('input[name="code"]', code);
    await page.fill('input[name="pin"]', "2468");
    await page.fill('input[name="pin2"]', "2468");
    await page.click('button[type="submit"]');
    await page.waitForSelector("button.behaviour", { timeout: 30_000 });
    // Warm up (JIT, first IndexedDB transactions), not counted.
    await tapMany(page, 10);
    const online = await tapMany(page, taps);
    await server.stop();
    const offline = await tapMany(page, taps);
    return {
      taps,
      online,
      offline,
      rows: [
        ...summary("kiosk tap→durable, online", online),
        ...summary("kiosk tap→durable, server down", offline),
      ],
    };
  } finally {
    await context.close();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const taps = Number(process.argv[2] ?? 250);
  const r = await measureTapLatency(taps);
  for (const row of r.rows)
    console.log(
      `${row.name.padEnd(40)} ${row.value.toFixed(1).padStart(8)} ${row.unit}  ${row.note ?? ""}`,
    );
  mkdirSync(artifacts, { recursive: true });
  const file = join(artifacts, "kiosk-tap-latency.json");
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), ...r }, null, 2));
  console.log(`raw samples: ${file}`);
}
