// Helpers for the kiosk's end-to-end test and its latency bench: build the
// kiosk (the server serves kiosk/dist at /kiosk/), run the real server as a
// child process that can be stopped and restarted on the same port and data
// folder, drive the admin API, and launch Debian's Chromium.
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { StoreInput } from "@sightline/shared";
import { type BrowserContext, chromium } from "playwright-core";
import { adminServer, freePort } from "./support/server-process.ts";

const run = promisify(execFile);
export const repo = join(import.meta.dirname, "..");
export const artifacts = join(repo, "test-artifacts");

/**
 * `vite build` of kiosk/ into kiosk/dist, in a child process with
 * NODE_ENV=production: inside Vitest NODE_ENV is "test", and Vite would make
 * a build where import.meta.env.PROD is false (no service worker).
 */
export async function buildKiosk(): Promise<void> {
  await run(
    join(repo, "node_modules", ".bin", "vite"),
    ["build", "--config", "kiosk/vite.config.ts", "--logLevel", "warn"],
    {
      cwd: repo,
      env: { ...process.env, NODE_ENV: "production" },
    },
  );
}

export {
  type AdminServer as KioskServer,
  adminServer as kioskServer,
} from "./support/server-process.ts";
export { freePort };

export type Observation = Record<string, unknown> & { id: string };

/** What an admin does over the API: log in, set up a store, issue codes, read back. */
export async function adminApi(url: string, email: string, password: string) {
  const login = await fetch(`${url}/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`login ${login.status}: ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  const call = async (method: string, path: string, body?: unknown, ok = true) => {
    const r = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { "content-type": "application/json" } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (ok && !r.ok) throw new Error(`${method} ${path} → ${r.status}: ${await r.text()}`);
    return r;
  };
  return {
    createStore: async (store: StoreInput) =>
      (await (await call("POST", "/v1/stores", store)).json()) as { id: string },
    pairingCode: async (storeId: string) =>
      (await (
        await call("POST", "/v1/pairing-codes", { role: "staff", storeId, label: "kiosk e2e" })
      ).json()) as { code: string; expiresAt: string },
    /** Every live observation of a store (all pages). */
    observations: async (storeId: string) => {
      const all: Observation[] = [];
      let cursor: string | null = null;
      do {
        const q = new URLSearchParams({ storeId, limit: "200", ...(cursor ? { cursor } : {}) });
        const page = (await (await call("GET", `/v1/observations?${q}`)).json()) as {
          items: Observation[];
          nextCursor: string | null;
        };
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    },
    observationStatus: async (id: string) =>
      (await call("GET", `/v1/observations/${id}`, undefined, false)).status,
    /** Admin → Devices → Revoke: the device's token answers 401 from now on. */
    revokeDevice: async (id: string) => void (await call("DELETE", `/v1/devices/${id}`)),
    devices: async () =>
      (
        (await (await call("GET", "/v1/devices")).json()) as {
          items: {
            id: string;
            kind: string;
            lastSeq: number;
            appVersion: string | null;
            unsynced: { count: number; oldestAt: string | null } | null;
            storagePersisted: boolean | null;
            lastPushAt: string | null;
            lastPullAt: string | null;
          }[];
        }
      ).items,
  };
}

/** The store the e2e test and the bench pair with. */
export const E2E_STORE: StoreInput = {
  name: "Cửa hàng Nguyễn Huệ",
  timeZone: "Asia/Ho_Chi_Minh",
  zones: ["Cửa vào", "Điện thoại", "Laptop", "Phụ kiện", "Quầy thu ngân"],
  behaviours: [
    { code: "entered", label_vi: "Vào cửa hàng", label_en: "Entered" },
    { code: "browsed", label_vi: "Xem hàng", label_en: "Browsed" },
    { code: "picked-up", label_vi: "Cầm lên xem", label_en: "Picked up" },
    { code: "compared-products", label_vi: "So sánh sản phẩm", label_en: "Compared products" },
    { code: "asked-price", label_vi: "Hỏi giá", label_en: "Asked price" },
    { code: "asked-staff", label_vi: "Hỏi nhân viên", label_en: "Asked staff" },
    { code: "checked-phone", label_vi: "Xem điện thoại", label_en: "Checked phone" },
    { code: "waited", label_vi: "Chờ đợi", label_en: "Waited" },
    { code: "left-without-buying", label_vi: "Rời đi không mua", label_en: "Left without buying" },
    { code: "purchased", label_vi: "Đã mua", label_en: "Purchased" },
  ],
  feedbackQuestion: {
    vi: "Hôm nay bạn có hài lòng với cửa hàng không?",
    en: "How happy are you with our store today?",
  },
  reasons: [
    {
      code: "slow-checkout",
      need: "efficiency",
      label_vi: "Chờ thanh toán lâu",
      label_en: "Slow checkout",
    },
    {
      code: "friendly-staff",
      need: "empathy",
      label_vi: "Nhân viên thân thiện",
      label_en: "Friendly staff",
    },
    { code: "good-price", need: "price", label_vi: "Giá tốt", label_en: "Good price" },
    {
      code: "clear-prices",
      need: "transparency",
      label_vi: "Giá niêm yết rõ",
      label_en: "Clear prices",
    },
    { code: "out-of-stock", need: "options", label_vi: "Hết hàng", label_en: "Out of stock" },
  ],
};

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Headless Debian Chromium with a fresh profile, tablet-sized. */
export async function launchTablet(
  o: { width?: number; height?: number; locale?: string } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "sightline-kiosk-chrome-")), {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: o.width ?? 1280, height: o.height ?? 800 },
    locale: o.locale ?? "vi-VN",
    serviceWorkers: "allow",
  });
}

/**
 * What every kiosk end-to-end file starts from: the built kiosk, a real server
 * process with its admin (named after the file) and one store, and a fresh
 * tablet-sized Chromium with one page.
 */
export async function startKioskWorld(name: string, tablet: Parameters<typeof launchTablet>[0]) {
  await buildKiosk();
  const email = `admin@${name}.test`;
  const password = "correct horse battery staple";
  const server = adminServer({ port: await freePort(), email, password });
  await server.start();
  const admin = await adminApi(server.url, email, password);
  const storeId = (await admin.createStore(E2E_STORE)).id;
  const context = await launchTablet(tablet);
  const page = await context.newPage();
  return { server, admin, storeId, context, page };
}

/** p-th percentile (0–100) of `xs` (nearest rank). */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
}
