// Webhook subscriptions and their delivery log on SQLite. Deliveries are
// recorded with their jobs (and the alert outbox claim) in one IMMEDIATE
// transaction, so a crash leaves either all of them or none.
import type { WebhooksDb } from "../port.ts";
import {
  type DeliveryRow,
  type PrefsRow,
  toDelivery,
  toPrefs,
  toWebhook,
  type WebhookRow,
} from "../rows/webhooks.ts";
import type { SqliteHandle } from "./handle.ts";
import { prepareEnqueue } from "./jobs.ts";

export function createWebhooksPart({ db, queue }: SqliteHandle): WebhooksDb {
  const enqueue = prepareEnqueue(db);
  const insert = db.prepare(
    `INSERT INTO webhooks (workspace_id, id, url, secret, events, language, created_by, created_at)
     VALUES (@workspaceId, @id, @url, @secret, @events, @language, @createdBy, @createdAt) RETURNING *`,
  );
  const list = db.prepare("SELECT * FROM webhooks WHERE workspace_id = ? ORDER BY created_at, id");
  const get = db.prepare("SELECT * FROM webhooks WHERE workspace_id = ? AND id = ?");
  const del = db.prepare("DELETE FROM webhooks WHERE workspace_id = ? AND id = ?");
  const insertDelivery = db.prepare(
    `INSERT INTO webhook_deliveries (workspace_id, id, webhook_id, event_id, type, body, created_at, next_attempt_at)
     SELECT @ws, @id, @webhookId, @eventId, @type, @body, @now, @now
     WHERE EXISTS (SELECT 1 FROM webhooks WHERE workspace_id = @ws AND id = @webhookId)
     ON CONFLICT DO NOTHING`,
  );
  const getDelivery = db.prepare(
    "SELECT * FROM webhook_deliveries WHERE workspace_id = ? AND id = ?",
  );
  const listDeliveries = db.prepare(
    `SELECT * FROM webhook_deliveries WHERE workspace_id = ? AND webhook_id = ?
     ORDER BY created_at DESC, id DESC LIMIT ?`,
  );
  const update = db.prepare(
    `UPDATE webhook_deliveries SET status = @status, attempts = @attempts,
       last_status_code = @lastStatusCode, last_error = @lastError,
       next_attempt_at = @nextAttemptAt, delivered_at = @deliveredAt
     WHERE workspace_id = @ws AND id = @id`,
  );
  const getPrefs = db.prepare(
    "SELECT language, weekly_digest FROM notification_prefs WHERE workspace_id = ? AND user_id = ?",
  );
  const putPrefs = db.prepare(
    `INSERT INTO notification_prefs (workspace_id, user_id, language, weekly_digest)
     VALUES (@ws, @user, @language, @digest)
     ON CONFLICT (workspace_id, user_id) DO UPDATE SET language = @language, weekly_digest = @digest`,
  );
  const record = db.transaction((ws: string, o: Parameters<WebhooksDb["recordDeliveries"]>[1]) => {
    if (o.markDispatched && !markDispatched(db, ws, o.markDispatched.firingId, o.now)) return false;
    for (const d of o.deliveries) insertDelivery.run({ ...d, ws, now: o.now });
    for (const j of o.jobs) enqueue(j, o.nowMs);
    return true;
  });

  return {
    getNotificationPrefs: (ws, user) =>
      queue.run(() => toPrefs(getPrefs.get(ws, user) as PrefsRow | undefined)),
    setNotificationPrefs: (ws, user, changes) =>
      queue.run(() => {
        const next = { ...toPrefs(getPrefs.get(ws, user) as PrefsRow | undefined), ...changes };
        putPrefs.run({ ws, user, language: next.language, digest: next.weeklyDigest ? 1 : 0 });
        return next;
      }),
    createWebhook: (w, now) =>
      queue.run(() =>
        toWebhook(
          insert.get({ ...w, events: JSON.stringify(w.events), createdAt: now }) as WebhookRow,
        ),
      ),
    listWebhooks: (ws) => queue.run(() => (list.all(ws) as WebhookRow[]).map(toWebhook)),
    getWebhook: (ws, id) =>
      queue.run(() => {
        const r = get.get(ws, id) as WebhookRow | undefined;
        return r ? toWebhook(r) : null;
      }),
    deleteWebhook: (ws, id) => queue.run(() => del.run(ws, id).changes === 1),
    recordDeliveries: (ws, o) => queue.run(() => record.immediate(ws, o)),
    getDelivery: (ws, id) =>
      queue.run(() => {
        const r = getDelivery.get(ws, id) as DeliveryRow | undefined;
        return r ? toDelivery(r) : null;
      }),
    listDeliveries: (ws, hook, limit) =>
      queue.run(() => (listDeliveries.all(ws, hook, limit) as DeliveryRow[]).map(toDelivery)),
    updateDelivery: (ws, id, o) =>
      queue.run(() => {
        update.run({ ...o, ws, id });
      }),
  };
}

/** The alert outbox claim (the alerts part's table): true when this call dispatched it. */
function markDispatched(
  db: SqliteHandle["db"],
  ws: string,
  firingId: string,
  now: string,
): boolean {
  return (
    db
      .prepare(
        "UPDATE alert_firings SET dispatched_at = ? WHERE workspace_id = ? AND id = ? AND dispatched_at IS NULL",
      )
      .run(now, ws, firingId).changes === 1
  );
}
