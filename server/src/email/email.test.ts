// Email through a real local SMTP server: an alert reaches every manager and
// admin once, each in their language (their own setting, else the server's
// default); the weekly digest reaches each journal owner with exact counts,
// in Vietnamese and in English; a person who turned the digest off gets none.
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { postAlertRule, pushUnhappy } from "../../test/support/alert-setup.ts";
import { ownFeedbackJournals } from "../../test/support/feedback-journals.ts";
import { feedbackAnswer } from "../../test/support/mutations.ts";
import { startSmtpSink } from "../../test/support/smtp-sink.ts";
import { createTestApp, type TestApp } from "../../test/support/test-app.ts";
import { waitFor } from "../../test/support/webhook-receiver.ts";
import { createNotificationRunner } from "../jobs/notifications.ts";
import type { JobRunner } from "../jobs/runner.ts";
import { planDigests } from "./email-jobs.ts";
import { createSmtpMailer } from "./mailer.ts";

let t: TestApp;
let sink: Awaited<ReturnType<typeof startSmtpSink>> | null = null;
let runner: JobRunner | null = null;
afterEach(async () => {
  await runner?.stop(1000);
  runner = null;
  await sink?.close();
  sink = null;
  await t?.close();
});

async function setup() {
  t = await createTestApp();
  sink = await startSmtpSink();
  const vi = await t.loginAs("manager");
  const en = await t.loginAs("manager");
  const set = await t.request("/v1/notifications/preferences", {
    method: "PUT",
    token: en.token,
    json: { language: "en" },
  });
  expect(set.status).toBe(200);
  runner = createNotificationRunner({
    db: t.deps.db,
    logger: pino({ level: "silent" }),
    mailer: createSmtpMailer({ url: sink.url, from: "Sightline <alerts@sightline.test>" }),
    defaultLocale: "vi",
    pollMs: 20,
    dispatchEveryMs: 20,
  });
  runner.start();
  return { vi, en };
}

describe("email", () => {
  it("an alert reaches each manager and admin once, in their language", async () => {
    const { vi, en } = await setup();
    await postAlertRule(
      t,
      { kind: "feedback-negative-share", deliver: ["app", "email"] },
      vi.token,
    );
    const kiosk = await t.pair("staff");
    await pushUnhappy(t, kiosk, [1, 2, 3, 4, 5]);
    await t.deps.alerts?.idle();
    const mails = await waitFor("three emails", () =>
      sink && sink.mails.length >= 3 ? sink.mails : undefined,
    );
    const [alert] = (await (await t.request("/v1/alerts", { token: vi.token })).json()).items;
    const to = (email: string) => mails.filter((m) => m.to.includes(email));
    expect(to(vi.email)).toHaveLength(1);
    expect(to(en.email)).toHaveLength(1);
    const mVi = to(vi.email)[0];
    const mEn = to(en.email)[0];
    expect(mVi?.subject).toBe(`[Sightline] ${alert.text.vi}`);
    expect(mVi?.text).toContain("Sightline vừa mở một cảnh báo");
    expect(mVi?.text).toContain(`Cửa hàng: `);
    expect(mEn?.subject).toBe(`[Sightline] ${alert.text.en}`);
    expect(mEn?.text).toContain("Sightline has opened an alert");
    expect(mEn?.html).toContain('<html lang="en">');
    // The admin chose no language: the server's default (vi).
    const others = mails.filter((m) => !m.to.includes(vi.email) && !m.to.includes(en.email));
    expect(others).toHaveLength(1);
    expect(others[0]?.text).toContain("Sightline vừa mở một cảnh báo");
    await new Promise((r) => setTimeout(r, 200));
    await runner?.idle();
    expect(sink?.mails).toHaveLength(3);
  });

  it("the weekly digest reaches each journal owner with exact counts, in Vietnamese and in English", async () => {
    const { vi, en } = await setup();
    const journals = await ownFeedbackJournals(t, [
      [vi, "Vì sao khách rời đi?"],
      [en, "Why do shoppers leave?"],
    ]);
    for (const r of journals) expect(r.status).toBe(201);
    const viewer = await t.loginAs("manager");
    await t.request("/v1/journals", {
      method: "POST",
      token: viewer.token,
      json: { title: "Muted", question: "?", goal: "", scope: { channels: ["feedback"] } },
    });
    await t.request("/v1/notifications/preferences", {
      method: "PUT",
      token: viewer.token,
      json: { weeklyDigest: false },
    });
    const kiosk = await t.pair("staff");
    await t.push(
      kiosk,
      [1, 2, 3].map((s) => feedbackAnswer(s, kiosk, 4)),
    );
    const now = Date.now();
    const planned = await planDigests(t.deps.db, {
      period: 1,
      fromIso: new Date(now - 7 * 86_400_000).toISOString(),
      toIso: new Date(now + 60_000).toISOString(),
      nowMs: now,
    });
    expect(planned).toBe(2);
    // Planning again (another instance, a retry) adds nothing.
    expect(
      await planDigests(t.deps.db, {
        period: 1,
        fromIso: new Date(now - 7 * 86_400_000).toISOString(),
        toIso: new Date(now + 60_000).toISOString(),
        nowMs: now,
      }),
    ).toBe(0);
    const mails = await waitFor("two digests", () =>
      sink && sink.mails.length >= 2 ? sink.mails : undefined,
    );
    const mVi = mails.find((m) => m.to.includes(vi.email));
    const mEn = mails.find((m) => m.to.includes(en.email));
    expect(mVi?.subject).toMatch(/^\[Sightline\] Tóm tắt tuần /);
    expect(mVi?.text).toContain("Nhật ký: Vì sao khách rời đi?");
    expect(mVi?.text).toContain("3 quan sát mới");
    expect(mVi?.text).not.toContain("Why do shoppers leave?");
    expect(mEn?.subject).toMatch(/^\[Sightline\] Your week, /);
    expect(mEn?.text).toContain("Journal: Why do shoppers leave?");
    expect(mEn?.text).toContain("3 new observations");
    expect(mEn?.text).toContain("0 open alerts");
    await new Promise((r) => setTimeout(r, 200));
    expect(sink?.mails).toHaveLength(2);
  });
});
