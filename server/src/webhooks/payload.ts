// What a webhook receives: `{id, type, createdAt, alert, text}` as JSON, the
// exact bytes kept in the delivery row so every retry sends (and signs) the
// same body. `id` is the alert firing's id: a receiver that sees it twice
// (at-least-once delivery) drops the second. `text` is one line a Slack,
// Teams or Zalo bridge can post as it is.
import type { Alert } from "@sightline/shared/schema/alert";
import type { Locale } from "@sightline/shared/vocabulary/label";

export const WEBHOOK_EVENTS = ["alert.fired", "webhook.test"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export function alertFiredBody(o: {
  firingId: string;
  createdAt: string;
  alert: Alert;
  locale: Locale;
}): string {
  return JSON.stringify({
    id: o.firingId,
    type: "alert.fired" satisfies WebhookEvent,
    createdAt: o.createdAt,
    alert: o.alert,
    text: oneLine(o.alert.text[o.locale]),
  });
}

export function testBody(o: { id: string; createdAt: string; locale: Locale }): string {
  return JSON.stringify({
    id: o.id,
    type: "webhook.test" satisfies WebhookEvent,
    createdAt: o.createdAt,
    alert: null,
    text:
      o.locale === "vi"
        ? "Sightline: thử webhook — nếu bạn đọc được dòng này, webhook đã hoạt động."
        : "Sightline: webhook test — if you can read this, the webhook works.",
  });
}

/** One line, bounded: bridges post it as a chat message. */
const oneLine = (s: string) => s.replace(/\s+/g, " ").trim().slice(0, 500);
