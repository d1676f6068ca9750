// Alert rules and alerts (issue 19, docs/alerts.md): what a manager asks to be
// told about, and each time it happened. The server evaluates rules after a
// push commits and every minute; the web app, the kiosk's staff view and the
// dispatcher (webhooks, email) read alerts in this shape.
import * as z from "zod/mini";
import { IdSchema, text } from "./text.ts";

export const ALERT_KINDS = [
  /** Share of faces 1–2 among feedback taps of a store over the window, with a minimum count. */
  "feedback-negative-share",
  /** Happy index (share of faces 3–4) of a store over the window below `threshold`. */
  "happy-index-below",
  /** More than `threshold` store observations of `behaviour` over the window. */
  "behaviour-count-above",
  /** A captured or watched price of a competitor moved by more than `threshold` %. */
  "competitor-price-change",
  /** A kiosk (of the store, or any) has not synced for `hours`. */
  "device-silent",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_CHANNELS = ["app", "email", "webhook"] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

export const ALERT_STATUSES = ["open", "acknowledged"] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** The defaults a rule takes when a field is left out (HappyOrNot's suggested start). */
export const ALERT_DEFAULTS = {
  windowMinutes: 15,
  minCount: 4,
  /** feedback-negative-share: % negative; happy-index-below: index; competitor-price-change: % move. */
  threshold: {
    "feedback-negative-share": 50,
    "happy-index-below": 50,
    "behaviour-count-above": 5,
    "competitor-price-change": 5,
    "device-silent": 0,
  },
  hours: 4,
} as const;

const BehaviourCode = z
  .string()
  .check(z.minLength(1), z.maxLength(60), z.regex(/^[a-z0-9][a-z0-9_-]*$/, "bad code"));

/** The settable part of a rule (POST body; PATCH takes any subset). */
export const AlertRuleInputSchema = z.strictObject({
  kind: z.enum(ALERT_KINDS),
  name: z.optional(text(200)),
  storeId: z.optional(z.nullable(IdSchema)),
  competitorId: z.optional(z.nullable(IdSchema)),
  windowMinutes: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(7 * 24 * 60))),
  minCount: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(100_000))),
  threshold: z.optional(z.number().check(z.minimum(0), z.maximum(100_000))),
  behaviour: z.optional(z.nullable(BehaviourCode)),
  hours: z.optional(z.number().check(z.minimum(0.25), z.maximum(24 * 30))),
  deliver: z.optional(
    z.array(z.enum(ALERT_CHANNELS)).check(
      z.maxLength(3),
      z.refine((a) => new Set(a).size === a.length, "deliver must not repeat"),
    ),
  ),
  enabled: z.optional(z.boolean()),
});
export type AlertRuleInput = z.infer<typeof AlertRuleInputSchema>;

// z.object (not loose): unknown keys are dropped, and the type has no index
// signature, so the server can Omit/Pick from it.
export const AlertRuleSchema = z.object({
  id: z.string(),
  kind: z.enum(ALERT_KINDS),
  name: z.nullable(z.string()),
  storeId: z.nullable(z.string()),
  competitorId: z.nullable(z.string()),
  windowMinutes: z.number(),
  minCount: z.number(),
  threshold: z.number(),
  behaviour: z.nullable(z.string()),
  hours: z.number(),
  deliver: z.array(z.enum(ALERT_CHANNELS)),
  enabled: z.boolean(),
  createdBy: z.nullable(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AlertRule = z.infer<typeof AlertRuleSchema>;

/**
 * The numbers behind an alert, always with their base counts: `count` taps
 * (or observations, or devices) in `windowMinutes`, `negative` of them faces
 * 1–2, `share` or `happyIndex` in % (one decimal), `suspect` left out;
 * for a price, `before`/`after`/`changePct`/`currency`; for a silent device,
 * `silentHours`.
 */
export const AlertFiguresSchema = z.record(z.string(), z.union([z.number(), z.string(), z.null()]));
export type AlertFigures = z.infer<typeof AlertFiguresSchema>;

export const AlertTextSchema = z.strictObject({ vi: z.string(), en: z.string() });

export const AlertSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  kind: z.enum(ALERT_KINDS),
  storeId: z.nullable(z.string()),
  competitorId: z.nullable(z.string()),
  /** A silent device's id (device-silent), else null. */
  deviceId: z.nullable(z.string()),
  status: z.enum(ALERT_STATUSES),
  openedAt: z.string(),
  lastFiredAt: z.string(),
  /** How many times the condition was seen while this alert was open (1 at opening). */
  firings: z.number(),
  ackedAt: z.nullable(z.string()),
  ackedBy: z.nullable(z.string()),
  ackNote: z.nullable(z.string()),
  figures: AlertFiguresSchema,
  /** The observations that tripped it (at most 50, newest last). */
  observationIds: z.array(z.string()),
  /** One-line summary in both languages (webhooks, email subjects, the kiosk). */
  text: AlertTextSchema,
});
export type Alert = z.infer<typeof AlertSchema>;

export const AlertListSchema = z.looseObject({ items: z.array(AlertSchema) });
export const AlertRuleListSchema = z.looseObject({ items: z.array(AlertRuleSchema) });

export const AlertAckSchema = z.strictObject({ note: z.optional(text(2000)) });

/** The SSE `alerts` event's data: the workspace's open-alert count now. */
export const AlertsEventSchema = z.looseObject({ open: z.number() });
