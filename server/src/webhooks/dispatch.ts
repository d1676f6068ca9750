// The alert dispatcher: claims undispatched alert firings (the outbox the
// alerts part fills, docs/alerts.md) and turns each into durable work — one
// delivery row and job per webhook subscribed to "alert.fired", one email
// job per manager or admin — written with the firing's "dispatched" mark in
// ONE transaction (recordDeliveries). A crash before that commit leaves the
// firing undispatched (its claim lapses, it is dispatched again); after it,
// the jobs are in the database. Either way nothing is lost and nothing is
// planned twice; the deliveries themselves are at least once, with the
// firing id as the payload's `id` so receivers dedupe.
import { uuidv7 } from "@sightline/shared";
import type { AlertFiring, Db, NewJob, NewWebhookDelivery } from "../db/port.ts";
import { EMAIL_ALERT, EMAIL_RETRY_FOR_MS } from "../email/email-jobs.ts";
import { WEBHOOK_DELIVER, WEBHOOK_RETRY_FOR_MS } from "./deliver-job.ts";
import { alertFiredBody } from "./payload.ts";

const CLAIM_LIMIT = 20;
const CLAIM_LEASE_MS = 60_000;

/** One pass: returns how many firings it dispatched. */
export async function dispatchAlertFirings(d: {
  db: Db;
  now: () => Date;
  /** False when SMTP is not configured: email channels are skipped. */
  email: boolean;
}): Promise<number> {
  const now = d.now();
  const firings = await d.db.claimAlertFirings(CLAIM_LIMIT, now.toISOString(), CLAIM_LEASE_MS);
  let done = 0;
  for (const f of firings) {
    const plan = await planFiring(d.db, f, now.getTime(), d.email);
    if (
      await d.db.recordDeliveries(f.workspaceId, {
        ...plan,
        markDispatched: { firingId: f.id },
        now: now.toISOString(),
        nowMs: now.getTime(),
      })
    )
      done++;
  }
  return done;
}

async function planFiring(db: Db, f: AlertFiring, nowMs: number, email: boolean) {
  const deliveries: NewWebhookDelivery[] = [];
  const jobs: NewJob[] = [];
  if (f.deliver.includes("webhook")) {
    for (const hook of await db.listWebhooks(f.workspaceId)) {
      if (hook.events.length > 0 && !hook.events.includes("alert.fired")) continue;
      const id = uuidv7();
      deliveries.push({
        id,
        webhookId: hook.id,
        eventId: f.id,
        type: "alert.fired",
        body: alertFiredBody({
          firingId: f.id,
          createdAt: f.firedAt,
          alert: f.alert,
          locale: hook.language,
        }),
      });
      jobs.push({
        kind: WEBHOOK_DELIVER,
        payload: { workspaceId: f.workspaceId, deliveryId: id },
        runAtMs: nowMs,
        dedupeKey: `webhook:${hook.id}:${f.id}`,
        giveUpAtMs: nowMs + WEBHOOK_RETRY_FOR_MS,
      });
    }
  }
  if (f.deliver.includes("email") && email) {
    for (const u of await db.listUsers(f.workspaceId)) {
      if (u.disabledAt || u.deletedAt || (u.role !== "admin" && u.role !== "manager")) continue;
      jobs.push({
        kind: EMAIL_ALERT,
        payload: { workspaceId: f.workspaceId, userId: u.id, firingId: f.id, alert: f.alert },
        runAtMs: nowMs,
        dedupeKey: `email:alert:${f.id}:${u.id}`,
        giveUpAtMs: nowMs + EMAIL_RETRY_FOR_MS,
      });
    }
  }
  return { deliveries, jobs };
}
