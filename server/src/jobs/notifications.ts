// What the job runner does for notifications (issue 19), put together once
// for the server (cli/serve.ts) and the tests: the alert dispatcher (every
// 2 s on every instance — its claims keep instances apart), webhook
// deliveries, alert and digest emails when SMTP is configured, the weekly
// digest (Monday 01:00 UTC, 08:00 in Vietnam; once across instances) and a
// daily prune of finished jobs.
import type { Locale } from "@sightline/shared";
import type { Logger } from "pino";
import type { Db } from "../db/port.ts";
import { DIGEST_WEEKLY, emailJobs } from "../email/email-jobs.ts";
import type { Mailer } from "../email/mailer.ts";
import { webhookDeliverJob } from "../webhooks/deliver-job.ts";
import { dispatchAlertFirings } from "../webhooks/dispatch.ts";
import type { Resolver } from "../webhooks/target-url.ts";
import type { Backoff } from "./backoff.ts";
import { every, MONDAY_OFFSET_MS, WEEK_MS } from "./every.ts";
import { createJobRunner, type JobHandler, type JobRunner } from "./runner.ts";

const DAY_MS = 24 * 60 * 60_000;
export const DIGEST_OFFSET_MS = MONDAY_OFFSET_MS + 60 * 60_000;
const PRUNE = "jobs.prune";
/** Finished jobs are kept this long (the webhook log lives in its own table). */
const KEEP_FINISHED_MS = 14 * DAY_MS;

export type NotificationOptions = {
  db: Db;
  logger: Logger;
  now?: () => Date;
  mailer: Mailer | null;
  defaultLocale: Locale;
  /** SIGHTLINE_WEBHOOK_ALLOW_PRIVATE: receivers on loopback and private networks (on premises, tests). */
  webhookAllowPrivate?: boolean;
  resolve?: Resolver;
  webhookBackoff?: Backoff;
  pollMs?: number;
  dispatchEveryMs?: number;
};

export function createNotificationRunner(o: NotificationOptions): JobRunner {
  const now = o.now ?? (() => new Date());
  const handlers: Record<string, JobHandler> = {
    "webhook.deliver": webhookDeliverJob({
      db: o.db,
      now,
      policy: { allowPrivate: o.webhookAllowPrivate ?? false },
      ...(o.resolve ? { resolve: o.resolve } : {}),
      ...(o.webhookBackoff ? { backoff: o.webhookBackoff } : {}),
    }),
    [PRUNE]: {
      run: async (_p, ctx) => {
        const n = await o.db.pruneJobs(ctx.nowMs - KEEP_FINISHED_MS);
        if (n > 0) o.logger.info({ pruned: n }, "finished jobs pruned");
      },
    },
  };
  if (o.mailer)
    Object.assign(
      handlers,
      emailJobs({ db: o.db, mailer: o.mailer, defaultLocale: o.defaultLocale, now }),
    );
  return createJobRunner({
    db: o.db,
    logger: o.logger,
    handlers,
    now: () => now().getTime(),
    ...(o.pollMs ? { pollMs: o.pollMs } : {}),
    recurring: [
      every("jobs-prune", DAY_MS, { kind: PRUNE }),
      ...(o.mailer
        ? [
            every("digest-weekly", WEEK_MS, {
              kind: DIGEST_WEEKLY,
              offsetMs: DIGEST_OFFSET_MS,
              catchUpMs: 2 * DAY_MS,
              payload: { offsetMs: DIGEST_OFFSET_MS },
            }),
          ]
        : []),
    ],
    ticks: [
      {
        name: "alert-dispatch",
        everyMs: o.dispatchEveryMs ?? 2_000,
        run: async () =>
          (await dispatchAlertFirings({ db: o.db, now, email: o.mailer !== null })) > 0,
      },
    ],
  });
}
