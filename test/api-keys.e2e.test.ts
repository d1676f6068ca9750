// API keys end to end (issue 19), in real Chromium against the real server
// process: the admin creates a read key and an import key on the API keys
// tab — each shown once, copied through the clipboard, gone from the page once
// dismissed. A nightly job posts a CSV file with the import key and can read
// nothing; a BI tool reads the rows with the read key and can change nothing,
// see no people and no audit log. The list shows when each key was last used;
// revoking the read key (after confirming) refuses it on the very next
// request; the audit log shows the keys created and revoked, and the import
// made by the key.
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, ROOT, type ServerProcess, startServerProcess } from "./support/server-process.ts";

let server: ServerProcess;
let browser: Browser;
let admin: Page;
const keys = { read: "", import: "" };

beforeAll(async () => {
  await build({ configFile: join(ROOT, "server/web/vite.config.ts"), logLevel: "error" });
  server = await startServerProcess();
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  const context = await browser.newContext({ locale: "en-GB" });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.base });
  admin = await context.newPage();
  admin.on("pageerror", (e) => console.error("page error:", e));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const row = (text: string) => admin.locator("tbody tr", { hasText: text });

/** A call as a script holding `key`: the status and the body. */
async function asKey(key: string, method: string, path: string, body?: string, type?: string) {
  const res = await fetch(`${server.base}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(type ? { "content-type": type } : {}) },
    ...(body !== undefined ? { body } : {}),
  });
  return { status: res.status, text: await res.text() };
}

async function createKey(name: string, scope: "Read" | "Import") {
  const form = admin.locator("form", { hasText: "New key" });
  await form.getByLabel(/^Key name/).fill(name);
  await form.getByRole("radio", { name: new RegExp(`^${scope}`) }).check();
  await form.getByRole("button", { name: "Create key" }).click();
  const shown = admin.locator(".api-key-shown");
  await shown.waitFor();
  const key = await shown.getByLabel("API key (shown once)").inputValue();
  expect(key).toMatch(/^slk_[A-Za-z0-9_-]{43}$/);
  await shown.getByRole("button", { name: "Copy" }).click();
  await shown.getByRole("button", { name: "Copied" }).waitFor();
  expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await shown.getByRole("button", { name: "I have saved the key" }).click();
  await row(name).waitFor();
  // Shown once: nothing on the page holds it any more.
  expect(await admin.content()).not.toContain(key);
  return key;
}

describe("API keys (real server, real Chromium)", () => {
  it("the admin creates a read key and an import key, each shown once and copied", async () => {
    await admin.goto(server.base);
    await admin.getByLabel("Email").fill(ADMIN.email);
    await admin.getByLabel("Password", { exact: true }).fill(ADMIN.password);
    await admin.getByRole("button", { name: "Sign in" }).click();
    await admin.getByRole("heading", { name: "Insight journals" }).waitFor();
    await admin.goto(`${server.base}/#/admin/api-keys`);
    await admin.getByRole("heading", { name: "API keys" }).first().waitFor();
    keys.read = await createKey("Power BI", "Read");
    keys.import = await createKey("Nightly POS import", "Import");
    expect(await row("Power BI").textContent()).toContain(`slk_…${keys.read.slice(-4)}`);
    expect(await row("Nightly POS import").textContent()).toContain("Never");
  });

  it("the import key imports a file and can do nothing else", async () => {
    const csv =
      "id,capturedAt,what\n" +
      "r1,2026-11-20T10:00:00+07:00,Khách hỏi giá máy lọc nước\n" +
      "r2,2026-11-20T11:00:00+07:00,Khách bỏ về vì hết hàng\n";
    const imported = await asKey(
      keys.import,
      "POST",
      "/v1/observations/import?source=pos&format=csv&rowIdColumn=id",
      csv,
      "text/csv",
    );
    expect(imported.status, imported.text).toBe(200);
    expect(JSON.parse(imported.text)).toMatchObject({ created: 2 });
    for (const [method, path] of [
      ["GET", "/v1/observations"],
      ["GET", "/v1/journals"],
      ["GET", "/v1/users"],
      ["POST", "/v1/api-keys"],
    ] as const)
      expect((await asKey(keys.import, method, path)).status, `${method} ${path}`).toBe(403);
  });

  it("the read key reads the rows and can change nothing, see no people, no audit", async () => {
    const list = await asKey(keys.read, "GET", "/v1/observations?limit=50");
    expect(list.status).toBe(200);
    expect(list.text).toContain("Khách bỏ về vì hết hàng");
    expect((await asKey(keys.read, "GET", "/v1/analytics/feedback")).status).toBe(200);
    for (const [method, path] of [
      ["GET", "/v1/users"],
      ["GET", "/v1/audit"],
      ["GET", "/v1/devices"],
      ["GET", "/v1/api-keys"],
      ["GET", "/v1/auth/me"],
    ] as const)
      expect((await asKey(keys.read, method, path)).status, `${method} ${path}`).toBe(403);
    const write = await asKey(
      keys.read,
      "POST",
      "/v1/journals",
      JSON.stringify({ title: "x", question: "y", goal: "z" }),
      "application/json",
    );
    expect(write.status).toBe(403);
  });

  it("shows when each key was last used; revoking the read key refuses it at once", async () => {
    await admin.reload();
    await row("Power BI").waitFor();
    expect(await row("Power BI").textContent()).not.toContain("Never");
    expect(await row("Nightly POS import").textContent()).not.toContain("Never");
    admin.once("dialog", (d) => {
      expect(d.message()).toContain("Power BI");
      void d.accept();
    });
    await row("Power BI").getByRole("button", { name: "Revoke" }).click();
    await admin.getByText("Revoked the key “Power BI”.").waitFor();
    const after = await asKey(keys.read, "GET", "/v1/observations");
    expect(after.status).toBe(401);
    expect(
      (
        await asKey(
          keys.import,
          "POST",
          "/v1/observations/import/preview",
          JSON.stringify({ format: "csv", content: "a\n1\n" }),
          "application/json",
        )
      ).status,
    ).toBe(200);
  });

  it("the audit log shows the keys created and revoked, and the import by the key", async () => {
    await admin.goto(`${server.base}/#/admin/audit`);
    await admin.getByLabel("Event").selectOption("api-key");
    await admin.getByText("Showing 3 events").waitFor();
    await admin.getByLabel("Event").selectOption("import");
    await admin.locator("tbody tr", { hasText: "API key “Nightly POS import”" }).waitFor();
    expect(await admin.content()).not.toContain(keys.import);
  });
});
