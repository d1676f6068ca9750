// The recurring `digest.weekly` job through the real job runner on a fake
// clock (docs/notifications.md "Email"): on Monday 01:00 UTC the runner
// enqueues the week's job, which fans out one `email.digest` job per journal
// owner covering exactly the seven days before — Monday 01:00 UTC to Monday
// 01:00 UTC — and each owner gets one email. The job run again for the same
// week (another instance's runner, a re-run) sends nothing more.
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { ownFeedbackJournals } from "../../test/support/feedback-journals.ts";
import { feedbackAnswer } from "../../test/support/mutations.ts";
import { startSmtpSink } from "../../test/support/smtp-sink.ts";
import { createTestApp, type TestApp, type TestDevice } from "../../test/support/test-app.ts";
import { waitFor } from "../../test/support/webhook-receiver.ts";
import type { NewJob } from "../db/port.ts";
import { WEEK_MS } from "../jobs/every.ts";
import { createNotificationRunner, DIGEST_OFFSET_MS } from "../jobs/notifications.ts";
import type { JobRunner } from "../jobs/runner.ts";
import { DIGEST_WEEKLY, EMAIL_DIGEST } from "./email-jobs.ts";
import { createSmtpMailer } from "./mailer.ts";

let t: TestApp;
let sink: Awaited<ReturnType<typeof startSmtpSink>> | null = null;
const runners: JobRunner[] = [];
afterEach(async () => {
  for (const r of runners.splice(0)) await r.stop(1000);
  await sink?.close();
  sink = null;
  await t?.close();
});

/** Monday 9 March 2026, 01:00 UTC: the digest's time (08:00 in Vietnam). */
const WEEK_END = Date.parse("2026-03-09T01:00:00.000Z");
const clock = WEEK_END + 30_000;
const now = () => new Date(clock);

const tap = (seq: number, d: TestDevice, at: string) =>
  feedbackAnswer(seq, d, 4, { at: clock, fields: { capturedAt: at } });

describe("the weekly digest job", () => {
  it("fans out one email.digest per owner for the week before the run, and sends once however often it runs", async () => {
    t = await createTestApp({ now });
    sink = await startSmtpSink();
    const vi = await t.loginAs("manager");
    const en = await t.loginAs("manager");
    await t.request("/v1/notifications/preferences", {
      method: "PUT",
      token: en.token,
      json: { language: "en" },
    });
    const journals = await ownFeedbackJournals(t, [
      [vi, "Vì sao khách rời đi?"],
      [en, "Why do shoppers leave?"],
    ]);
    for (const r of journals) expect(r.status).toBe(201);
    // Taps at the window's edges: the first instant counts, the end does not.
    const kiosk = await t.pair("staff");
    const pushed = await t.push(kiosk, [
      tap(1, kiosk, "2026-03-02T00:59:59.999Z"), // the week before
      tap(2, kiosk, "2026-03-02T01:00:00.000Z"), // first instant of the week
      tap(3, kiosk, "2026-03-09T00:59:59.999Z"), // last instant
      tap(4, kiosk, "2026-03-09T01:00:10.000Z"), // the new week
    ]);
    expect((await pushed.json()).rejected).toEqual([]);

    // Every job enqueued, whoever enqueues it.
    const enqueued: { job: NewJob; created: boolean }[] = [];
    const db = t.deps.db;
    const enqueue = db.enqueueJob.bind(db);
    db.enqueueJob = async (job, nowMs) => {
      const r = await enqueue(job, nowMs);
      enqueued.push({ job, created: r.created });
      return r;
    };
    const runner = () => {
      const r = createNotificationRunner({
        db,
        logger: pino({ level: "silent" }),
        mailer: createSmtpMailer({
          url: sink?.url as string,
          from: "Sightline <s@sightline.test>",
        }),
        defaultLocale: "vi",
        now,
        pollMs: 20,
      });
      runners.push(r);
      r.start();
      return r;
    };

    const first = runner();
    await waitFor("two digests", () => (sink && sink.mails.length >= 2 ? true : undefined));
    await first.idle();

    const weekly = enqueued.filter((e) => e.job.kind === DIGEST_WEEKLY);
    const period = (WEEK_END - DIGEST_OFFSET_MS) / WEEK_MS;
    expect(Number.isInteger(period)).toBe(true);
    expect(weekly).toEqual([
      {
        created: true,
        job: expect.objectContaining({
          dedupeKey: `every:digest-weekly:${period}`,
          payload: { period, offsetMs: DIGEST_OFFSET_MS },
        }),
      },
    ]);
    const digests = enqueued.filter((e) => e.job.kind === EMAIL_DIGEST);
    expect(digests.map((e) => e.created)).toEqual([true, true]);
    expect(digests.map((e) => e.job.payload)).toEqual(
      expect.arrayContaining([vi, en].map((u) => expect.objectContaining({ userId: u.userId }))),
    );
    for (const { job } of digests) {
      expect(job.payload).toMatchObject({
        workspaceId: t.workspaceId,
        fromIso: "2026-03-02T01:00:00.000Z",
        toIso: "2026-03-09T01:00:00.000Z",
      });
      expect(job.dedupeKey).toBe(
        `email:digest:${period}:${(job.payload as { userId: string }).userId}`,
      );
    }
    const mailTo = (email: string) => sink?.mails.find((m) => m.to.includes(email));
    // Monday to Sunday in Vietnam (the store's zone), the two taps inside the window.
    expect(mailTo(en.email)?.subject).toBe("[Sightline] Your week, 02 Mar 2026 – 08 Mar 2026");
    expect(mailTo(en.email)?.text).toContain("2 new observations");
    expect(mailTo(vi.email)?.text).toContain("2 quan sát mới");

    // Another instance's runner in the same week, then the week's job run again.
    const before = enqueued.length;
    const second = runner();
    await second.idle();
    await second.enqueue({
      kind: DIGEST_WEEKLY,
      payload: { period, offsetMs: DIGEST_OFFSET_MS },
      runAtMs: clock,
      dedupeKey: `rerun:digest-weekly:${period}`,
    });
    await second.idle();
    await first.idle();
    const again = enqueued.slice(before);
    expect(again.filter((e) => e.job.kind === DIGEST_WEEKLY).map((e) => e.created)).toEqual([
      false,
      true,
    ]);
    expect(again.filter((e) => e.job.kind === EMAIL_DIGEST).map((e) => e.created)).toEqual([
      false,
      false,
    ]);
    await new Promise((r) => setTimeout(r, 200));
    expect(sink.mails).toHaveLength(2);
  });
});
