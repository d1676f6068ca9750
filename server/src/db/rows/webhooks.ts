// Webhook and delivery rows as both adapters read them.
import type { NotificationPrefs, WebhookDelivery, WebhookRecord } from "../port.ts";

export type WebhookRow = {
  workspace_id: string;
  id: string;
  url: string;
  secret: string;
  events: string | string[];
  language: string;
  created_by: string;
  created_at: string;
};
export type DeliveryRow = {
  id: string;
  webhook_id: string;
  event_id: string;
  type: string;
  body: string;
  status: WebhookDelivery["status"];
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  delivered_at: string | null;
};

export const toWebhook = (r: WebhookRow): WebhookRecord => ({
  id: r.id,
  workspaceId: r.workspace_id,
  url: r.url,
  secret: r.secret,
  events: typeof r.events === "string" ? (JSON.parse(r.events) as string[]) : r.events,
  language: r.language === "en" ? "en" : "vi",
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export const toDelivery = (r: DeliveryRow): WebhookDelivery => ({
  id: r.id,
  webhookId: r.webhook_id,
  eventId: r.event_id,
  type: r.type,
  body: r.body,
  status: r.status,
  attempts: r.attempts,
  lastStatusCode: r.last_status_code,
  lastError: r.last_error,
  nextAttemptAt: r.next_attempt_at,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

export type PrefsRow = { language: string | null; weekly_digest: number | boolean };
export const toPrefs = (r: PrefsRow | undefined): NotificationPrefs =>
  r
    ? {
        language: r.language === "en" || r.language === "vi" ? r.language : null,
        weeklyDigest: Boolean(r.weekly_digest),
      }
    : { language: null, weeklyDigest: true };
