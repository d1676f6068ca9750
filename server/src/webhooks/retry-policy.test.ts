// The webhook retry policy, pinned on a fake clock (docs/notifications.md
// "Webhooks"): a receiver that always fails is tried again after 10 s, 20 s,
// 40 s … doubling up to one hour (each delay between half its ceiling and
// the ceiling: half fixed, half jitter), for 24 h after the alert was
// dispatched; then the delivery is `failed`. Every attempt reaches the
// receiver with the same signed body and shows in the delivery log. The
// receiver is real (127.0.0.1); only time is fake.
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { postAlertRule, pushUnhappy, subscribeWebhook } from "../../test/support/alert-setup.ts";
import { createTestApp, type TestApp } from "../../test/support/test-app.ts";
import { type Receiver, startReceiver, waitFor } from "../../test/support/webhook-receiver.ts";
import { createNotificationRunner } from "../jobs/notifications.ts";
import type { JobRunner } from "../jobs/runner.ts";

const SECRET = "a-long-enough-secret-1234";
const HOUR = 3_600_000;
let t: TestApp;
let receiver: Receiver | null = null;
let runner: JobRunner | null = null;
afterEach(async () => {
  await runner?.stop(1000);
  runner = null;
  await receiver?.stop();
  receiver = null;
  await t?.close();
});

let clock = Date.parse("2026-03-10T09:00:00.000Z");
const now = () => new Date(clock);

type Logged = {
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
};

describe("webhook retries", () => {
  it("a receiver that always fails: delays double from 10 s to the 1 h cap, the delivery fails about 24 h after dispatch, every attempt logged", async () => {
    t = await createTestApp({ webhookAllowPrivate: true, now });
    receiver = await startReceiver({ respond: () => 503 });
    const manager = await t.loginAs("manager");
    const { id } = await subscribeWebhook(t, manager.token, receiver.url, SECRET);
    await postAlertRule(
      t,
      { kind: "feedback-negative-share", deliver: ["webhook"] },
      manager.token,
    );
    const kiosk = await t.pair("staff");
    await pushUnhappy(t, kiosk, [1, 2, 3, 4, 5], clock);
    await t.deps.alerts?.idle();

    const dispatchedAt = clock;
    runner = createNotificationRunner({
      db: t.deps.db,
      logger: pino({ level: "silent" }),
      mailer: null,
      defaultLocale: "vi",
      webhookAllowPrivate: true, // the receiver is on 127.0.0.1
      now,
      pollMs: 20,
    });
    runner.start();
    const log = async (): Promise<Logged | undefined> =>
      (await (await t.request(`/v1/webhooks/${id}/deliveries`, { token: manager.token })).json())
        .items[0];
    await waitFor("the first attempt", async () => ((await log())?.attempts ? true : undefined));

    const delays: number[] = [];
    let last: Logged | undefined;
    for (let attempt = 1; attempt < 100; attempt++) {
      await runner.idle();
      last = await log();
      // This attempt reached the receiver and is in the log, with its answer.
      expect(receiver.received).toHaveLength(attempt);
      expect(last).toMatchObject({ attempts: attempt, lastStatusCode: 503, lastError: "HTTP 503" });
      if (last?.status !== "pending") break;
      const next = Date.parse(last.nextAttemptAt as string);
      delays.push(next - clock);
      // Nothing is tried before the time the log says.
      clock = next - 1;
      await runner.idle();
      expect(receiver.received).toHaveLength(attempt);
      clock = next;
    }
    expect(last).toMatchObject({ status: "failed", nextAttemptAt: null });

    // The n-th delay lies in [ceiling/2, ceiling], the ceiling doubling from 10 s up to 1 h.
    const ceilings = delays.map((_, i) => Math.min(HOUR, 10_000 * 2 ** i));
    expect(ceilings.slice(0, 10)).toEqual([
      10_000,
      20_000,
      40_000,
      80_000,
      160_000,
      320_000,
      640_000,
      1_280_000,
      2_560_000,
      HOUR,
    ]);
    delays.forEach((d, i) => {
      const c = ceilings[i] as number;
      expect(d, `delay ${i + 1}`).toBeGreaterThanOrEqual(c / 2);
      expect(d, `delay ${i + 1}`).toBeLessThanOrEqual(c);
    });
    // The last attempt is within the 24 h and the next would have been past it.
    const lastAttemptAt = clock;
    expect(lastAttemptAt - dispatchedAt).toBeLessThanOrEqual(24 * HOUR);
    expect(lastAttemptAt - dispatchedAt).toBeGreaterThan(23 * HOUR);
    // Retried into the cap: dozens of attempts, not a handful.
    expect(delays.length).toBeGreaterThan(20);
    // The same signed body every time, so the receiver can dedupe on its id.
    const bodies = new Set(receiver.received.map((r) => r.body));
    expect(bodies.size).toBe(1);
    expect(new Set(receiver.received.map((r) => r.headers["sightline-id"])).size).toBe(1);
  });
});
