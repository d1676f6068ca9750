// Accounts and the audit log end to end (issue 18), in real Chromium against
// the real server process: the admin adds a person on the People page and
// issues a reset code (shown once); the person, in their own browser and in
// Vietnamese, redeems it on the sign-in page, signs in and finds their own
// account page from their name in the top bar; the admin
// disables them and their open session is gone on the next load, and signing
// in says the account is disabled; demoting the last admin is refused in
// words with the choice kept; the Audit tab shows who did what, filters by
// event and exports a CSV that holds no secret.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, ROOT, type ServerProcess, startServerProcess } from "./support/server-process.ts";

let server: ServerProcess;
let browser: Browser;
let admin: Page;
let person: Page;
const downloads = mkdtempSync(join(tmpdir(), "sightline-e2e-dl-"));
const LAN = { name: "Lan", email: "lan@example.com", first: "first password 1" };
const NEW_PASSWORD = "mật khẩu mới của Lan";

beforeAll(async () => {
  await build({ configFile: join(ROOT, "server/web/vite.config.ts"), logLevel: "error" });
  server = await startServerProcess();
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  admin = await (await browser.newContext({ locale: "en-GB", acceptDownloads: true })).newPage();
  person = await (await browser.newContext({ locale: "vi-VN" })).newPage();
  for (const p of [admin, person]) p.on("pageerror", (e) => console.error("page error:", e));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  rmSync(downloads, { recursive: true, force: true });
});

const row = (p: Page, text: string) => p.locator("tbody tr", { hasText: text });

describe("accounts and audit in the web app (real server, real Chromium)", () => {
  let code = "";

  it("adds a person and issues a one-time reset code", async () => {
    await admin.goto(server.base);
    await admin.getByLabel("Email").fill(ADMIN.email);
    await admin.getByLabel("Password", { exact: true }).fill(ADMIN.password);
    await admin.getByRole("button", { name: "Sign in" }).click();
    await admin.getByRole("heading", { name: "Insight journals" }).waitFor();
    await admin.goto(`${server.base}/#/admin/people`);
    const add = admin.locator("form", { hasText: "Add a person" });
    await add.getByLabel("Name").fill(LAN.name);
    await add.getByLabel("Email").fill(LAN.email);
    await add.getByLabel("Role").selectOption("viewer");
    await add.getByLabel(/^Initial password/).fill(LAN.first);
    await add.getByRole("button", { name: "Create account" }).click();
    await row(admin, LAN.email).waitFor();
    await row(admin, LAN.email).getByRole("button", { name: "Reset password" }).click();
    code = ((await admin.locator(".issued-code").textContent()) ?? "").trim();
    expect(code).toMatch(/^[0-9A-Z]{4} [0-9A-Z]{4} [0-9A-Z]{4}$/);
  });

  it("the person redeems the code in Vietnamese and signs in with the new password", async () => {
    await person.goto(server.base);
    await person.getByText("Có mã đặt lại mật khẩu?").click();
    await person.getByLabel("Mã đặt lại").fill(code.toLowerCase());
    await person.getByLabel(/^Mật khẩu mới/).fill(NEW_PASSWORD);
    await person.getByRole("button", { name: "Đặt mật khẩu mới" }).click();
    await person.getByText("Đã đặt mật khẩu mới.").waitFor();
    // The code worked once.
    await person.getByLabel("Mã đặt lại").fill(code);
    await person.getByLabel(/^Mật khẩu mới/).fill("một mật khẩu khác nữa");
    await person.getByRole("button", { name: "Đặt mật khẩu mới" }).click();
    await person.getByText("Mã đặt lại không đúng, đã dùng hoặc đã hết hạn.").waitFor();
    expect(await person.getByLabel("Mã đặt lại").inputValue()).toBe(code);

    await person.getByLabel("Email").fill(LAN.email);
    await person.getByLabel("Mật khẩu", { exact: true }).fill(NEW_PASSWORD);
    await person.getByRole("button", { name: "Đăng nhập" }).click();
    await person.getByRole("heading", { name: "Nhật ký insight" }).waitFor();
    // Any role reaches its own account from its name in the top bar.
    await person.getByRole("link", { name: LAN.name }).click();
    await person.getByRole("heading", { name: "Tài khoản của bạn" }).first().waitFor();
    await person.getByRole("button", { name: "Đổi mật khẩu" }).waitFor();
  });

  it("disabling ends the person's session at once; signing in then says why", async () => {
    await row(admin, LAN.email).getByRole("button", { name: "Disable" }).click();
    await row(admin, LAN.email).getByText("Disabled").waitFor();
    await person.reload();
    await person.getByRole("button", { name: "Đăng nhập" }).waitFor();
    await person.getByLabel("Email").fill(LAN.email);
    await person.getByLabel("Mật khẩu", { exact: true }).fill(NEW_PASSWORD);
    await person.getByRole("button", { name: "Đăng nhập" }).click();
    await person.getByText("Tài khoản này đã bị quản trị viên khoá.").waitFor();
  });

  it("refuses to demote the last admin, in words, keeping the choice", async () => {
    const me = row(admin, ADMIN.email);
    await me.getByRole("button", { name: "Edit" }).click();
    await me.getByRole("combobox", { name: "Role" }).selectOption("viewer");
    await me.getByRole("button", { name: "Save" }).click();
    await admin.getByText("the workspace needs at least one active admin").waitFor();
    expect(await me.getByRole("combobox", { name: "Role" }).inputValue()).toBe("viewer");
    await me.getByRole("button", { name: "Cancel" }).click();
  });

  it("shows who did what in the audit log, filters it and exports a CSV with no secret", async () => {
    await admin.goto(`${server.base}/#/admin/audit`);
    for (const event of [
      "Account created",
      "Reset code issued",
      "Password reset with a code",
      "Account disabled",
      "Failed sign-in",
    ])
      await admin.locator("tbody tr", { hasText: event }).first().waitFor();
    await admin.getByLabel("Event").selectOption("user-disabled");
    await admin.getByText("Showing 1 event").waitFor();
    const only = admin.locator("tbody tr");
    expect(await only.count()).toBe(1);
    expect(await only.first().textContent()).toContain(ADMIN.email);
    expect(await only.first().textContent()).toContain(LAN.email);
    await admin.getByLabel("Event").selectOption("");
    const [download] = await Promise.all([
      admin.waitForEvent("download"),
      admin.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    const file = join(downloads, "audit.csv");
    await download.saveAs(file);
    const csv = readFileSync(file, "utf8");
    expect(csv).toContain("user-disabled");
    expect(csv).toContain("password-reset-redeemed");
    for (const secret of [code.replaceAll(" ", ""), NEW_PASSWORD, LAN.first, ADMIN.password])
      expect(csv).not.toContain(secret);
  });
});
