// The managers' journal workspace end to end (issue 15), real Chromium against
// the real server process on a fresh SQLite workspace: the timeline's Web
// filter over a 1,200-observation journal shows the server's exact total; 50
// survey rows naming their store by name go in through the import screen (dry
// run first, then idempotent re-import); a journal is archived and restored;
// with the server stopped an action's text stays and is saved after the
// restart; and at 390×844 nothing overflows and the insights are one tap away
// — with a long unbroken word in every field a manager can fill: observation
// fields, store and competitor names, an insight's statement, principle notes,
// override reason and evidence note, an action, and what is typed into the
// new-journal and import forms.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
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
const TOTAL = 1200;
const WEB = 300;
const STORES = ["Sightline Quận 1", "Sightline Hà Nội"];
const LONG = "x".repeat(500);
/** Names are at most 200 characters: the longest unbroken ones allowed. */
const LONG_STORE = "s".repeat(200);
const LONG_COMPETITOR = "c".repeat(200);

let server: ServerProcess;
let context: BrowserContext;
let page: Page;
let profileDir: string;
let admin: Awaited<ReturnType<typeof adminSession>>;
const storeIds: Record<string, string> = {};
let journalId = "";
let insightId = "";
let longJournalId = "";
let longObservationId = "";
let longStoreId = "";
let longCompetitorId = "";

const storeInput = (name: string) => ({
  name,
  timeZone: "Asia/Ho_Chi_Minh",
  zones: ["Cửa vào"],
  behaviours: [],
  feedbackQuestion: { vi: "Bạn có hài lòng?", en: "Were you happy?" },
  reasons: [],
});

/** 1,200 observations from a paired extension: 300 web audits, 900 event notes. */
async function pushObservations() {
  const deviceId = uuidv4();
  const { token } = await admin.pair("marketer", deviceId);
  const push = apiClient(server.base, token);
  let hlc = hlcInit(deviceId);
  const start = Date.parse("2026-03-01T02:00:00Z");
  for (let batch = 0; batch < TOTAL / 400; batch++) {
    const mutations = Array.from({ length: 400 }, (_, k) => {
      const n = batch * 400 + k;
      hlc = hlcSend(hlc, Date.now());
      const web = n % 4 === 0;
      const id = uuidv7();
      if (n === 5) longObservationId = id;
      return {
        seq: n + 1,
        op: "obs.create",
        id,
        hlc: hlcFormat(hlc),
        fields: {
          channel: web ? "web" : "event",
          method: web ? "competitor-audit" : "event-visit",
          capturedAt: new Date(start + n * 37 * 60_000).toISOString(),
          what:
            n === 5
              ? `Khách hỏi giá ${LONG}`
              : web
                ? `Đối thủ giảm giá máy ${n}`
                : `Khách ở gian hàng hỏi bảo hành ${n}`,
          needs: web ? ["price"] : ["reliability"],
          // One observation with a 500-character word in every free-text field.
          ...(n === 5
            ? {
                who: LONG,
                where: LONG,
                why: LONG,
                how: LONG,
                eventName: LONG.slice(0, 200),
                tags: ["z".repeat(60)],
                storeId: longStoreId,
                competitorId: longCompetitorId,
              }
            : {}),
        },
      };
    });
    const r = await push<{ rejected: unknown[] }>("POST", "/v1/sync/push", {
      protocol: 1,
      deviceId,
      clientSchema: 1,
      appVersion: "e2e",
      mutations,
    });
    expect(r.rejected).toEqual([]);
  }
}

beforeAll(async () => {
  await build({ configFile: join(ROOT, "server/web/vite.config.ts"), logLevel: "error" });
  server = await startServerProcess();
  admin = await adminSession(server.base);
  for (const name of STORES) {
    const s = await admin.api<{ id: string }>("POST", "/v1/stores", storeInput(name));
    storeIds[name] = s.id;
  }
  longStoreId = (
    await admin.api<{ id: string }>("POST", "/v1/stores", {
      ...storeInput(LONG_STORE),
      zones: ["z".repeat(100)],
    })
  ).id;
  longCompetitorId = (
    await admin.api<{ id: string }>("POST", "/v1/competitors", {
      name: LONG_COMPETITOR,
      domains: [`${"d".repeat(240)}.vn`],
    })
  ).id;
  await pushObservations();
  const j = await admin.api<{ id: string }>("POST", "/v1/journals", {
    title: "E2E: 1.200 quan sát",
    question: "Khách nghĩ gì về giá và bảo hành?",
    goal: "Giữ khách ở kệ điện thoại",
    scope: { channels: ["web", "event"] },
  });
  journalId = j.id;
  longJournalId = (
    await admin.api<{ id: string }>("POST", "/v1/journals", {
      title: LONG.slice(0, 200),
      question: LONG,
      goal: LONG,
      scope: { tags: ["z".repeat(60)], storeIds: [longStoreId], competitorIds: [longCompetitorId] },
    })
  ).id;
  // An insight whose every text is one long word: statement, evidence note,
  // principle notes, the override reason that validates it on one source.
  const longInsight = await admin.api<{ id: string }>(
    "POST",
    `/v1/journals/${longJournalId}/insights`,
    {
      statement: LONG,
      evidence: [{ observationId: longObservationId, stance: "supports", note: LONG }],
    },
  );
  const note = (score: number) => ({ score, note: LONG });
  await admin.api("PATCH", `/v1/insights/${longInsight.id}`, {
    principles: { truth: note(2), resonance: note(1), relevance: note(3), uniqueness: note(0) },
  });
  await admin.api("PATCH", `/v1/insights/${longInsight.id}`, {
    status: "validated",
    overrideReason: LONG,
  });
  const ins = await admin.api<{ id: string }>("POST", `/v1/journals/${journalId}/insights`, {
    statement: `Khách so giá trước khi hỏi bảo hành ${LONG}`,
    evidence: [],
  });
  insightId = ins.id;

  profileDir = mkdtempSync(join(tmpdir(), "sightline-e2e-journal-"));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    viewport: { width: 1440, height: 900 },
    locale: "en-GB",
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => console.error("page error:", e));
  await page.goto(server.base);
  await page.evaluate(() => localStorage.setItem("sightline.locale", "en"));
  await page.reload();
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Insight journals" }).waitFor();
}, 180_000);

afterAll(async () => {
  await context?.close();
  await server?.dispose();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

const count = () => page.locator('[data-testid="timeline-count"]');

describe("journal workspace (real server, real Chromium)", () => {
  it("the Web filter over 1,200 observations shows the server's exact total", async () => {
    await page.goto(`${server.base}/#/journals/${journalId}`);
    await page.getByRole("heading", { name: /^E2E: 1\.200 quan sát/, level: 1 }).waitFor();
    await expect.poll(() => count().textContent()).toBe("1,200 observations");
    await page.locator(".filters").getByRole("button", { name: "Web", exact: true }).click();
    await expect.poll(() => count().textContent()).toBe("300 of 1,200 observations match");
    const server300 = await admin.api<{ total: number }>(
      "GET",
      `/v1/journals/${journalId}/timeline?channel=web&limit=1`,
    );
    expect(server300.total).toBe(WEB);
    expect(await page.locator("article.obs").count()).toBe(100);
    await page.getByRole("button", { name: /Load older observations/ }).click();
    await expect.poll(() => page.locator("article.obs").count()).toBe(200);

    // Search within the filter: relevance order, matches marked.
    await page.getByRole("searchbox").fill("giam gia");
    await expect.poll(() => page.locator("article.obs mark").count()).toBeGreaterThan(0);
    expect((await page.locator("article.obs mark").first().textContent())?.toLowerCase()).toMatch(
      /giảm|giá/,
    );
  });

  it("imports 50 survey rows naming their store through the screen: dry run, import, re-import", async () => {
    const rows = Array.from({ length: 50 }, (_, k) =>
      [
        `kh-${k + 1}`,
        `"Khảo sát: khách ${k + 1} muốn giao hàng nhanh, ""tận nơi"""`,
        STORES[k % 2],
        `2026-03-${String((k % 28) + 1).padStart(2, "0")} 10:${String(k % 60).padStart(2, "0")}`,
        k % 3 === 0 ? "efficiency" : "",
      ].join(","),
    );
    const csv = ["Mã,Nội dung,Cửa hàng,Ngày,Nhu cầu", ...rows].join("\n");
    await page.goto(`${server.base}/#/import`);
    await page.getByRole("heading", { name: "Import observations from a file" }).waitFor();
    await page.getByLabel("CSV or JSON-lines file").setInputFiles({
      name: "khao-sat-t3.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv, "utf8"),
    });
    await page.getByText("First 5 of 50 rows").waitFor();
    // The mapping is the server's preview of the file, which answers a moment later.
    await expect
      .poll(() => page.locator('select[data-field="storeId"]').inputValue())
      .toBe("Cửa hàng");
    expect(await page.locator(".preview tbody tr").count()).toBe(5);
    await page.getByLabel(/^Source name/).fill("Khảo sát T3");

    await page.getByRole("button", { name: "Check (writes nothing)" }).click();
    await page
      .getByText("Check done: 50 of 50 rows can be imported. Nothing was written.")
      .waitFor();
    const before = await admin.api<{ items: unknown[] }>(
      "GET",
      "/v1/observations?channel=import&limit=100",
    );
    expect(before.items).toHaveLength(0);

    await page.getByRole("button", { name: "Import 50 rows" }).click();
    await page.getByText("Imported 50 new observations from “Khảo sát T3”.").waitFor();
    const after = await admin.api<{ items: { storeId?: string; source?: string }[] }>(
      "GET",
      "/v1/observations?channel=import&limit=100",
    );
    expect(after.items).toHaveLength(50);
    expect(new Set(after.items.map((o) => o.storeId))).toEqual(new Set(Object.values(storeIds)));

    await page.getByRole("button", { name: "Import 50 rows" }).click();
    await page
      .getByText("This file was imported before: nothing new, nothing added twice.")
      .waitFor();
  });

  it("edits a journal's title and goal in place", async () => {
    await page.goto(`${server.base}/#/journals/${journalId}`);
    await page.getByRole("button", { name: "Edit journal" }).click();
    const form = page.locator("form.journal-form");
    expect(await form.getByLabel("Journal name").inputValue()).toBe("E2E: 1.200 quan sát");
    await form.getByLabel("Journal name").fill("E2E: 1.200 quan sát (sửa)");
    await form.getByLabel(/^Business goal/).fill("Giữ khách ở kệ điện thoại và quầy bảo hành");
    await form.getByRole("button", { name: "Save" }).click();
    await page.getByRole("heading", { name: "E2E: 1.200 quan sát (sửa)", level: 1 }).waitFor();
    const j = await admin.api<{ journal: { title: string; goal: string; scope: object } }>(
      "GET",
      `/v1/journals/${journalId}?limit=1`,
    );
    expect(j.journal.title).toBe("E2E: 1.200 quan sát (sửa)");
    expect(j.journal.goal).toBe("Giữ khách ở kệ điện thoại và quầy bảo hành");
    expect(j.journal.scope).toEqual({ channels: ["web", "event"] });
  });

  it("archives a journal and restores it", async () => {
    await page.goto(`${server.base}/#/journals/${journalId}`);
    await page.getByRole("button", { name: "Archive" }).click();
    await page.getByText("This journal is archived").waitFor();
    await page.goto(`${server.base}/#/journals`);
    await page.getByRole("heading", { name: "Insight journals" }).waitFor();
    await page.locator(".journal-list, .empty").first().waitFor();
    expect(await page.locator(`[data-journal-id="${journalId}"]`).count()).toBe(0);
    await page.getByRole("link", { name: "Archived journals" }).click();
    await page.locator(`[data-journal-id="${journalId}"]`).waitFor();
    await page.locator(`[data-journal-id="${journalId}"] a`).first().click();
    await page.getByRole("button", { name: "Restore" }).click();
    await page.getByText("Journal restored.").waitFor();
    await page.goto(`${server.base}/#/journals`);
    await page.locator(`[data-journal-id="${journalId}"]`).waitFor();
    const list = await admin.api<{ items: { id: string; archived: boolean }[] }>(
      "GET",
      "/v1/journals",
    );
    expect(list.items.find((j) => j.id === journalId)?.archived).toBe(false);
  });

  it("keeps an action's text while the server is down and saves it after the restart", async () => {
    await page.goto(`${server.base}/#/journals/${journalId}`);
    const card = page.locator(`article.insight[data-insight-id="${insightId}"]`);
    await card.waitFor();
    await page.locator(".live-live").waitFor({ timeout: 15_000 });
    await server.stop();

    const title = "Đặt cam kết giá ở kệ điện thoại";
    await card.getByLabel("Action", { exact: true }).fill(title);
    await card.getByLabel("Owner", { exact: true }).fill("Lan");
    await card.getByLabel("Due date").fill("2030-01-15");
    await card.getByRole("button", { name: "Add action" }).click();
    await card.getByText("Cannot reach the server. What you typed is kept").waitFor();
    expect(await card.getByLabel("Action", { exact: true }).inputValue()).toBe(title);
    expect(await card.getByLabel("Owner", { exact: true }).inputValue()).toBe("Lan");
    await page.locator('[data-testid="offline-banner"]').waitFor();
    await page.locator('.live[data-state="offline"]').waitFor();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "journal-offline-en.png") });

    await server.start();
    await card.getByRole("button", { name: "Try again" }).click();
    await card.locator(".action-title", { hasText: title }).waitFor();
    expect(await card.getByLabel("Action", { exact: true }).inputValue()).toBe("");
    await page.locator('[data-testid="offline-banner"]').waitFor({ state: "detached" });
    const j = await admin.api<{ insights: { id: string; actions: { title: string }[] }[] }>(
      "GET",
      `/v1/journals/${journalId}?limit=1`,
    );
    expect(j.insights.find((i) => i.id === insightId)?.actions.map((a) => a.title)).toContain(
      title,
    );
  });

  it("deletes an action at once (another manager no longer sees it); Undo restores it on the server", async () => {
    const title = "Đặt cam kết giá ở kệ điện thoại";
    const card = page.locator(`article.insight[data-insight-id="${insightId}"]`);
    const del = card.getByRole("button", { name: `Delete action “${title}”` });
    const actions = async () =>
      (
        await admin.api<{ insights: { id: string; actions: { title: string }[] }[] }>(
          "GET",
          `/v1/journals/${journalId}?limit=1`,
        )
      ).insights
        .find((i) => i.id === insightId)
        ?.actions.map((a) => a.title) ?? [];
    await del.click();
    await page.getByText(`Action “${title}” deleted.`).waitFor();
    expect(await card.locator(".action-title", { hasText: title }).count()).toBe(0);
    // Sent at once: gone for everyone while the toast still offers Undo.
    await expect.poll(actions).not.toContain(title);
    await page.getByRole("button", { name: "Undo" }).click();
    await card.locator(".action-title", { hasText: title }).waitFor();
    await expect.poll(actions).toContain(title);

    // Closing the page right after a delete loses nothing: it already happened.
    await del.click();
    await expect.poll(actions).not.toContain(title);
    await page.reload();
    await card.waitFor();
    expect(await card.locator(".action-title", { hasText: title }).count()).toBe(0);
    expect(await page.locator(".toast").count()).toBe(0);
  });

  it("deletes an insight at once; a failed Undo says why and Undo again restores it", async () => {
    const spare = await admin.api<{ id: string }>("POST", `/v1/journals/${journalId}/insights`, {
      statement: "Một insight sẽ bị xoá",
      evidence: [],
    });
    await page.reload();
    const card = page.locator(`article.insight[data-insight-id="${spare.id}"]`);
    await card.waitFor();
    const ids = async () =>
      (
        await admin.api<{ insights: { id: string }[] }>("GET", `/v1/journals/${journalId}?limit=1`)
      ).insights.map((i) => i.id);
    await card.getByRole("button", { name: "Delete insight" }).click();
    await card.waitFor({ state: "detached" });
    await expect.poll(ids).not.toContain(spare.id);

    // The restore fails (the server is unreachable): the toast stays and says why.
    await page.route(`**/v1/insights/${spare.id}/restore`, (route) => route.abort("failed"));
    await page.getByRole("button", { name: "Undo" }).click();
    await page
      .locator(".toast .toast-error", { hasText: "Could not undo: Cannot reach the server" })
      .waitFor();
    expect(await card.count()).toBe(0);
    await page.unroute(`**/v1/insights/${spare.id}/restore`);
    await page.getByRole("button", { name: "Undo" }).click();
    await card.waitFor();
    await page.locator(".toast").waitFor({ state: "detached" });
    expect(await ids()).toContain(spare.id);

    await card.getByRole("button", { name: "Delete insight" }).click();
    await page.locator(".toast").waitFor({ state: "detached", timeout: 15_000 });
    await expect.poll(ids).not.toContain(spare.id);
    expect(await ids()).toContain(insightId);
  });

  it("at 390×844 nothing overflows and the insights are one tap away", async () => {
    await admin.api("POST", `/v1/insights/${insightId}/actions`, {
      title: LONG,
      owner: LONG.slice(0, 200),
    });
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = () =>
      page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
    /** What sticks out past the screen's right edge, outside any box that scrolls sideways. */
    const wide = () =>
      page.evaluate(() => {
        const edge = document.documentElement.clientWidth;
        const scrolls = (e: Element | null): boolean => {
          for (let p = e?.parentElement; p && p !== document.body; p = p.parentElement)
            if (["auto", "scroll", "hidden"].includes(getComputedStyle(p).overflowX)) return true;
          return false;
        };
        return [...document.querySelectorAll("body *")]
          .filter((e) => e.getBoundingClientRect().right > edge + 1 && !scrolls(e))
          .slice(-4)
          .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}`)
          .join(", ");
      });
    await page.goto(`${server.base}/#/journals/${journalId}`);
    await page.reload(); // a hash-only goto would keep the page's state
    await page.locator("article.obs").first().waitFor();
    expect(await overflow()).toBe(0);
    await page.getByRole("tab", { name: /Insights/ }).click();
    const card = page.locator(`article.insight[data-insight-id="${insightId}"]`);
    await card.waitFor();
    expect(await card.isVisible()).toBe(true);
    await card.locator(".action-title", { hasText: LONG }).waitFor();
    const box = await card.boundingBox();
    expect(box?.y ?? 9999).toBeLessThan(844);
    expect(await overflow()).toBe(0);
    // The action's date field is wide enough for a whole date (it used to show "mm").
    const due = card.getByLabel("Due date");
    expect((await due.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(130);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "journal-phone-insights.png") });
    await due.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, "journal-phone-action-form.png") });
    await page.getByRole("tab", { name: /Suggestions/ }).click();
    expect(await overflow()).toBe(0);
    for (const path of [
      "#/journals",
      "#/import",
      "#/journals/new",
      "#/analytics",
      "#/admin/stores",
      "#/admin/competitors",
      `#/journals/${longJournalId}`,
    ]) {
      await page.goto(`${server.base}/${path}`);
      await page.locator("main h1").first().waitFor();
      if (path.includes(longJournalId)) {
        // Its one observation carries the 500-character word in every field.
        await page.locator("article.obs").first().waitFor();
        await page.screenshot({ path: join(ARTIFACTS, "journal-phone-long-words.png") });
      }
      expect.soft(await overflow(), `${path}: ${await wide()}`).toBe(0);
    }

    // The long journal's insight: statement, evidence note, override reason, principle notes.
    await page.getByRole("tab", { name: /Insights/ }).click();
    const longCard = page.locator("article.insight").first();
    await longCard.locator(".override-note", { hasText: LONG }).waitFor();
    await longCard.locator(".ev-text .muted", { hasText: LONG }).waitFor();
    await longCard.locator("details.insight-section summary").click();
    const truthNote = longCard.getByLabel("Note on Truth");
    await truthNote.waitFor();
    expect(await truthNote.inputValue()).toBe(LONG);
    expect.soft(await overflow(), `long insight: ${await wide()}`).toBe(0);
    await page.screenshot({
      path: join(ARTIFACTS, "journal-phone-long-insight.png"),
      fullPage: true,
    });

    // Typed into the new-journal form (its store and competitor chips carry the long names).
    await page.goto(`${server.base}/#/journals/new`);
    const journalForm = page.locator("form.journal-form");
    await journalForm.getByText(LONG_STORE).first().waitFor();
    await journalForm.getByLabel("Journal name").fill(LONG);
    await journalForm.getByLabel(/^Question/).fill(LONG);
    await journalForm.getByLabel(/^Business goal/).fill(LONG);
    await journalForm.getByLabel(/^Tags/).fill(LONG);
    expect(await journalForm.getByLabel("Journal name").inputValue()).toBe(LONG.slice(0, 200));
    expect.soft(await overflow(), `new journal, typed: ${await wide()}`).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, "journal-phone-new-long.png"), fullPage: true });

    // Typed into the import form, with a file whose column name and cells are long words.
    await page.goto(`${server.base}/#/import`);
    await page.getByLabel("CSV or JSON-lines file").setInputFiles({
      name: `${"f".repeat(200)}.csv`,
      mimeType: "text/csv",
      buffer: Buffer.from(
        [`Mã,Nội dung,Cửa hàng,${"h".repeat(500)}`, `1,${LONG},${LONG_STORE},${LONG}`].join("\n"),
        "utf8",
      ),
    });
    await page.locator(".preview tbody tr").first().waitFor();
    await expect
      .poll(() => page.locator('select[data-field="what"]').inputValue())
      .toBe("Nội dung");
    await page.getByLabel(/^Source name/).fill(LONG);
    await page.getByLabel(/^Time zone for times/).fill(LONG);
    await page.locator('select[data-field="tags"]').selectOption("h".repeat(500));
    expect.soft(await overflow(), `import, typed: ${await wide()}`).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, "import-phone-long.png"), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
