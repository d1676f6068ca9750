// Webhook subscriptions and their delivery log on PostgreSQL. Deliveries are
// recorded with their jobs (and the alert outbox claim) in one transaction,
// so a crash leaves either all of them or none; the claim's conditional
// UPDATE makes a second instance dispatching the same alert write nothing.
import type { WebhooksDb } from "../port.ts";
import {
  type DeliveryRow,
  type PrefsRow,
  toDelivery,
  toPrefs,
  toWebhook,
  type WebhookRow,
} from "../rows/webhooks.ts";
import type { PgHandle } from "./handle.ts";
import { enqueueOn } from "./jobs.ts";

export function createWebhooksPart({ sql }: PgHandle): WebhooksDb {
  const prefs = async (ws: string, user: string) => {
    const [r] = await sql<PrefsRow[]>`
      SELECT language, weekly_digest FROM notification_prefs WHERE workspace_id = ${ws} AND user_id = ${user}`;
    return toPrefs(r);
  };
  return {
    getNotificationPrefs: prefs,
    async setNotificationPrefs(ws, user, changes) {
      const next = { ...(await prefs(ws, user)), ...changes };
      await sql`
        INSERT INTO notification_prefs (workspace_id, user_id, language, weekly_digest)
        VALUES (${ws}, ${user}, ${next.language}, ${next.weeklyDigest})
        ON CONFLICT (workspace_id, user_id) DO UPDATE
          SET language = EXCLUDED.language, weekly_digest = EXCLUDED.weekly_digest`;
      return next;
    },
    async createWebhook(w, now) {
      const [r] = await sql<WebhookRow[]>`
        INSERT INTO webhooks (workspace_id, id, url, secret, events, language, created_by, created_at)
        VALUES (${w.workspaceId}, ${w.id}, ${w.url}, ${w.secret}, ${JSON.stringify(w.events)}::jsonb,
          ${w.language}, ${w.createdBy}, ${now})
        RETURNING *`;
      if (!r) throw new Error("createWebhook: no row");
      return toWebhook(r);
    },
    async listWebhooks(ws) {
      const rows = await sql<WebhookRow[]>`
        SELECT * FROM webhooks WHERE workspace_id = ${ws} ORDER BY created_at, id`;
      return rows.map(toWebhook);
    },
    async getWebhook(ws, id) {
      const [r] = await sql<
        WebhookRow[]
      >`SELECT * FROM webhooks WHERE workspace_id = ${ws} AND id = ${id}`;
      return r ? toWebhook(r) : null;
    },
    async deleteWebhook(ws, id) {
      const r = await sql`DELETE FROM webhooks WHERE workspace_id = ${ws} AND id = ${id}`;
      return r.count === 1;
    },
    recordDeliveries: (ws, o) =>
      sql.begin(async (tx) => {
        if (o.markDispatched) {
          const r = await tx`
            UPDATE alert_firings SET dispatched_at = ${o.now}
            WHERE workspace_id = ${ws} AND id = ${o.markDispatched.firingId} AND dispatched_at IS NULL`;
          if (r.count !== 1) return false;
        }
        for (const d of o.deliveries)
          await tx`
            INSERT INTO webhook_deliveries (workspace_id, id, webhook_id, event_id, type, body, created_at, next_attempt_at)
            SELECT ${ws}, ${d.id}, ${d.webhookId}, ${d.eventId}, ${d.type}, ${d.body}, ${o.now}, ${o.now}
            WHERE EXISTS (SELECT 1 FROM webhooks WHERE workspace_id = ${ws} AND id = ${d.webhookId})
            ON CONFLICT DO NOTHING`;
        for (const j of o.jobs) await enqueueOn(tx, j, o.nowMs);
        return true;
      }) as Promise<boolean>,
    async getDelivery(ws, id) {
      const [r] = await sql<DeliveryRow[]>`
        SELECT * FROM webhook_deliveries WHERE workspace_id = ${ws} AND id = ${id}`;
      return r ? toDelivery(r) : null;
    },
    async listDeliveries(ws, hook, limit) {
      const rows = await sql<DeliveryRow[]>`
        SELECT * FROM webhook_deliveries WHERE workspace_id = ${ws} AND webhook_id = ${hook}
        ORDER BY created_at DESC, id DESC LIMIT ${limit}`;
      return rows.map(toDelivery);
    },
    async updateDelivery(ws, id, o) {
      await sql`
        UPDATE webhook_deliveries SET status = ${o.status}, attempts = ${o.attempts},
          last_status_code = ${o.lastStatusCode}, last_error = ${o.lastError},
          next_attempt_at = ${o.nextAttemptAt}, delivered_at = ${o.deliveredAt}
        WHERE workspace_id = ${ws} AND id = ${id}`;
    },
  };
}
