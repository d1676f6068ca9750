// The `webhook.deliver` job: one attempt at one delivery row. Success marks
// it delivered; a failure records the status code or error and the next
// try (the runner's backoff, until the job's give-up time 24 h after the
// alert), and when the time is up the delivery is "failed". A delivery
// already delivered, or whose webhook was deleted, is left alone.
import type { Db } from "../db/port.ts";
import { type Backoff, WEBHOOK_BACKOFF } from "../jobs/backoff.ts";
import type { JobHandler } from "../jobs/runner.ts";
import { sendSigned } from "./send.ts";
import type { Resolver, TargetPolicy } from "./target-url.ts";

export const WEBHOOK_DELIVER = "webhook.deliver";
/** How long a delivery is retried. */
export const WEBHOOK_RETRY_FOR_MS = 24 * 60 * 60_000;

export type DeliverPayload = { workspaceId: string; deliveryId: string };

class DeliveryFailed extends Error {
  constructor(
    message: string,
    readonly statusCode: number | null,
  ) {
    super(message);
  }
}

const isPayload = (p: unknown): p is DeliverPayload =>
  typeof (p as DeliverPayload)?.workspaceId === "string" &&
  typeof (p as DeliverPayload)?.deliveryId === "string";

export function webhookDeliverJob(d: {
  db: Db;
  now: () => Date;
  /** Which addresses a receiver may have (SIGHTLINE_WEBHOOK_ALLOW_PRIVATE). */
  policy: TargetPolicy;
  resolve?: Resolver;
  backoff?: Backoff;
  timeoutMs?: number;
}): JobHandler {
  return {
    backoff: d.backoff ?? WEBHOOK_BACKOFF,
    // Three times the attempt's timeout: a killed instance's delivery is retried within 30 s.
    leaseMs: 30_000,
    async run(payload, ctx) {
      if (!isPayload(payload)) return;
      const delivery = await d.db.getDelivery(payload.workspaceId, payload.deliveryId);
      if (!delivery || delivery.status === "delivered") return;
      const hook = await d.db.getWebhook(payload.workspaceId, delivery.webhookId);
      if (!hook) return;
      const r = await sendSigned({
        url: hook.url,
        secret: hook.secret,
        body: delivery.body,
        eventType: delivery.type,
        eventId: delivery.eventId,
        deliveryId: delivery.id,
        signal: ctx.signal,
        policy: d.policy,
        ...(d.resolve ? { resolve: d.resolve } : {}),
        ...(d.timeoutMs ? { timeoutMs: d.timeoutMs } : {}),
      });
      if (!r.ok) throw new DeliveryFailed(r.error ?? "failed", r.statusCode);
      await d.db.updateDelivery(payload.workspaceId, delivery.id, {
        status: "delivered",
        attempts: ctx.job.attempts,
        lastStatusCode: r.statusCode,
        lastError: null,
        nextAttemptAt: null,
        deliveredAt: d.now().toISOString(),
      });
    },
    async onFailure(payload, ctx) {
      if (!isPayload(payload)) return;
      await d.db.updateDelivery(payload.workspaceId, payload.deliveryId, {
        status: ctx.retryAtMs === null ? "failed" : "pending",
        attempts: ctx.job.attempts,
        lastStatusCode: ctx.error instanceof DeliveryFailed ? ctx.error.statusCode : null,
        lastError: ctx.error.message.slice(0, 500),
        nextAttemptAt: ctx.retryAtMs === null ? null : new Date(ctx.retryAtMs).toISOString(),
        deliveredAt: null,
      });
    },
  };
}
