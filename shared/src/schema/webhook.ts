// Webhooks and notification preferences on the wire (issue 19,
// docs/notifications.md). A subscription's secret goes in once and never
// comes back; the delivery log says what happened to each attempt.
import * as z from "zod/mini";

export const WEBHOOK_EVENT_TYPES = ["alert.fired"] as const;

export const WebhookInputSchema = z.strictObject({
  url: z.string().check(z.minLength(8), z.maxLength(2000)),
  /** Signs every body (HMAC-SHA256); at least 16 characters. */
  secret: z.string().check(z.minLength(16), z.maxLength(200)),
  /** Event types to receive; absent or empty: all. */
  events: z.optional(z.array(z.enum(WEBHOOK_EVENT_TYPES)).check(z.maxLength(10))),
  /** The language of the payload's one-line `text` (default vi). */
  language: z.optional(z.enum(["vi", "en"])),
});
export type WebhookInput = z.infer<typeof WebhookInputSchema>;

export const WebhookSchema = z.looseObject({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  language: z.enum(["vi", "en"]),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Webhook = z.infer<typeof WebhookSchema>;

export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;

export const WebhookDeliverySchema = z.looseObject({
  id: z.string(),
  /** The event's id, the payload's `id` (the alert firing). */
  eventId: z.string(),
  type: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  /** The receiver's last HTTP status, or null (no answer: timeout, refused). */
  lastStatusCode: z.nullable(z.number()),
  /** A code the app words: "timed out", "network error: …", "HTTP 503". */
  lastError: z.nullable(z.string()),
  nextAttemptAt: z.nullable(z.string()),
  createdAt: z.string(),
  deliveredAt: z.nullable(z.string()),
});
export type WebhookDeliveryView = z.infer<typeof WebhookDeliverySchema>;

export const WebhookListSchema = z.looseObject({ items: z.array(WebhookSchema) });
export const WebhookDeliveryListSchema = z.looseObject({ items: z.array(WebhookDeliverySchema) });

export const NotificationPrefsSchema = z.looseObject({
  /** Null: the server's default language. */
  language: z.nullable(z.enum(["vi", "en"])),
  weeklyDigest: z.boolean(),
  /** Whether this server sends email at all (SMTP configured). */
  emailEnabled: z.optional(z.boolean()),
});
export const NotificationPrefsInputSchema = z.strictObject({
  language: z.optional(z.nullable(z.enum(["vi", "en"]))),
  weeklyDigest: z.optional(z.boolean()),
});

export const WebhookCreatedSchema = z.looseObject({ id: z.string() });
