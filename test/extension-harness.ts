// Helpers for the extension's end-to-end test: a fresh extension build, the
// real server as a child process (stoppable and restartable on the same port
// and data folder), a local "competitor" site serving the capture fixtures,
// and the few admin API calls the test needs.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "./support/server-process.ts";

const run = promisify(execFile);
export const repo = join(import.meta.dirname, "..");
const bin = (name: string) => join(repo, "node_modules", ".bin", name);

export type BuildOptions = {
  target?: "chrome" | "firefox";
  /**
   * Add `host_permissions: ["<all_urls>"]` (default true; or just these
   * patterns): it stands in for the
   * user granting the optional host permission from the options page, whose
   * prompt headless Chromium cannot show (permissions.request would wait
   * forever). The code paths are the same — a request for a granted
   * permission resolves at once.
   */
  grantHosts?: boolean | string[];
  /**
   * Make the extension's pages web-accessible (Firefox tests only): WebDriver
   * BiDi refuses to navigate to moz-extension:// URLs, so the Firefox driver
   * opens them from a web page, which Firefox allows only for web-accessible
   * resources. Never in a shipped build.
   */
  exposePages?: boolean;
};

/** Build the extension into a temporary folder and return an unpacked build for `target`. */
export async function buildExtension(o: BuildOptions = {}): Promise<string> {
  const { target = "chrome", grantHosts = true, exposePages = false } = o;
  const out = mkdtempSync(join(tmpdir(), "sightline-e2e-ext-"));
  await run(bin("tsx"), [join(repo, "extension", "build.ts"), "--out", out], { cwd: repo });
  const dir = join(out, "unpacked");
  cpSync(join(out, target), dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  if (grantHosts) manifest.host_permissions = grantHosts === true ? ["<all_urls>"] : grantHosts;
  if (exposePages) {
    manifest.web_accessible_resources = [
      { resources: ["*.html", "assets/*"], matches: ["http://127.0.0.1/*"] },
    ];
  }
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
  return dir;
}

export {
  type AdminServer as RealServer,
  adminServer as realServer,
} from "./support/server-process.ts";
export { freePort };

export type FixtureSite = {
  readonly origin: string;
  readonly productUrl: string;
  readonly blankUrl: string;
  /** Requests for product pages made by fetch() (sec-fetch-dest: empty), not by a tab. */
  fetches(): number;
  setPrice(
    from: { display: string; amount: string },
    to: { display: string; amount: string },
  ): void;
  close(): Promise<void>;
};

export async function fixtureSite(): Promise<FixtureSite> {
  let html = readFileSync(join(repo, "extension", "test", "fixtures", "vi-shop.html"), "utf8");
  let fetched = 0;
  const server: Server = createServer((req, res) => {
    if (req.url === "/blank") {
      // Where the Firefox driver opens extension pages from (test/extension-drivers.ts).
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end("<!doctype html><title>blank</title>");
      return;
    }
    if (req.url?.startsWith("/tai-nghe/")) {
      if ((req.headers["sec-fetch-dest"] ?? "empty") === "empty") fetched++;
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
      });
      res.end(html);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    origin,
    productUrl: `${origin}/tai-nghe/sony-wh-ch520`,
    blankUrl: `${origin}/blank`,
    fetches: () => fetched,
    setPrice(from, to) {
      html = html
        .replaceAll(from.display, to.display)
        .replaceAll(`"${from.amount}"`, `"${to.amount}"`);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The admin's view of the server's API. */
export async function adminApi(url: string, email: string, password: string) {
  const login = await fetch(`${url}/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`login ${login.status}: ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { "content-type": "application/json" } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!r.ok) throw new Error(`${method} ${path} → ${r.status}: ${await r.text()}`);
    return r;
  };
  return {
    competitor: async (name: string, domains: string[]) =>
      (await (await call("POST", "/v1/competitors", { name, domains })).json()) as { id: string },
    pairingCode: async () =>
      (await (
        await call("POST", "/v1/pairing-codes", { role: "marketer", label: "e2e" })
      ).json()) as { code: string },
    observations: async (query = "") =>
      (
        (await (await call("GET", `/v1/observations?limit=200${query}`)).json()) as {
          items: Record<string, unknown>[];
        }
      ).items,
    blob: async (sha: string) => {
      const r = await call("GET", `/v1/blobs/${sha}`);
      return { type: r.headers.get("content-type"), bytes: new Uint8Array(await r.arrayBuffer()) };
    },
  };
}

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
