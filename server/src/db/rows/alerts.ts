// Alert rules, alerts and outbox firings as both adapters read them: one
// mapping from a row (SQLite keeps JSON as text and booleans as 0/1,
// PostgreSQL as jsonb and boolean) to the wire shapes of shared/schema/alert.
import type { Alert, AlertChannel, AlertFigures, AlertKind } from "@sightline/shared/schema/alert";
import type { AlertRuleRecord } from "../port.ts";

export type AlertRuleRow = {
  workspace_id: string;
  id: string;
  kind: string;
  name: string | null;
  store_id: string | null;
  competitor_id: string | null;
  window_minutes: number;
  min_count: number;
  threshold: number;
  behaviour: string | null;
  hours: number;
  deliver: string | unknown[];
  enabled: number | boolean;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

export type AlertRow = {
  workspace_id: string;
  id: string;
  rule_id: string;
  kind: string;
  key: string;
  store_id: string | null;
  competitor_id: string | null;
  device_id: string | null;
  status: string;
  opened_at: string;
  last_fired_at: string;
  firings: number;
  acked_at: string | null;
  acked_by: string | null;
  ack_note: string | null;
  cleared_at: string | null;
  figures: string | Record<string, unknown>;
  observation_ids: string | unknown[];
  text_vi: string;
  text_en: string;
};

export type AlertFiringRow = {
  id: string;
  workspace_id: string;
  alert_id: string;
  rule_id: string;
  deliver: string | unknown[];
  fired_at: string;
};

const json = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));

export const toAlertRule = (r: AlertRuleRow): AlertRuleRecord => ({
  workspaceId: r.workspace_id,
  id: r.id,
  kind: r.kind as AlertKind,
  name: r.name,
  storeId: r.store_id,
  competitorId: r.competitor_id,
  windowMinutes: Number(r.window_minutes),
  minCount: Number(r.min_count),
  threshold: Number(r.threshold),
  behaviour: r.behaviour,
  hours: Number(r.hours),
  deliver: json<AlertChannel[]>(r.deliver),
  enabled: r.enabled === true || r.enabled === 1,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toAlert = (r: AlertRow): Alert => ({
  id: r.id,
  ruleId: r.rule_id,
  kind: r.kind as AlertKind,
  storeId: r.store_id,
  competitorId: r.competitor_id,
  deviceId: r.device_id,
  status: r.status === "acknowledged" ? "acknowledged" : "open",
  openedAt: r.opened_at,
  lastFiredAt: r.last_fired_at,
  firings: Number(r.firings),
  ackedAt: r.acked_at,
  ackedBy: r.acked_by,
  ackNote: r.ack_note,
  figures: json<AlertFigures>(r.figures),
  observationIds: json<string[]>(r.observation_ids),
  text: { vi: r.text_vi, en: r.text_en },
});

/** Observation ids kept on an alert: the newest 50, oldest first. */
export const MAX_ALERT_OBSERVATIONS = 50;
export const keepObservationIds = (ids: readonly string[]): string[] =>
  [...new Set(ids)].slice(-MAX_ALERT_OBSERVATIONS);

/** The lease end of a claim made at `now` for `leaseMs`. */
export const leaseEnd = (now: string, leaseMs: number): string =>
  new Date(Date.parse(now) + leaseMs).toISOString();
