// Alert rules, alerts and the alert outbox on PostgreSQL (docs/alerts.md).
// Many instances may evaluate the same rule at once: a trip takes a
// transaction-scoped advisory lock on its (workspace, rule, key) first, so
// "open, update or stay quiet" is decided by one of them at a time (and the
// partial unique index alerts_one_open would refuse a second open alert
// anyway). Outbox claims skip rows another claimer holds (SKIP LOCKED).
import { uuidv7 } from "@sightline/shared";
import type { AlertFiring, AlertRuleRecord, AlertsDb, AlertTripOutcome } from "../port.ts";
import {
  type AlertFiringRow,
  type AlertRow,
  type AlertRuleRow,
  keepObservationIds,
  leaseEnd,
  toAlert,
  toAlertRule,
} from "../rows/alerts.ts";
import type { PgHandle } from "./handle.ts";

export function createAlertsPart({ sql }: PgHandle): AlertsDb {
  /** Ticks running in this process (a session's advisory lock is re-entrant). */
  const running = new Set<string>();
  const getRule = async (ws: string, id: string) => {
    const [r] = await sql<AlertRuleRow[]>`
      SELECT * FROM alert_rules WHERE workspace_id = ${ws} AND id = ${id} AND deleted_at IS NULL`;
    return r ?? null;
  };
  return {
    async createAlertRule(ws, r, now) {
      const [row] = await sql<AlertRuleRow[]>`
        INSERT INTO alert_rules (workspace_id, id, kind, name, store_id, competitor_id,
          window_minutes, min_count, threshold, behaviour, hours, deliver, enabled,
          created_by, created_at, updated_at)
        VALUES (${ws}, ${uuidv7()}, ${r.kind}, ${r.name}, ${r.storeId}, ${r.competitorId},
          ${r.windowMinutes}, ${r.minCount}, ${r.threshold}, ${r.behaviour}, ${r.hours},
          ${sql.json(r.deliver)}, ${r.enabled}, ${r.createdBy}, ${now}, ${now})
        RETURNING *`;
      if (!row) throw new Error("createAlertRule: no row");
      return toAlertRule(row);
    },
    async listAlertRules(ws) {
      const rows = await sql<AlertRuleRow[]>`
        SELECT * FROM alert_rules WHERE workspace_id = ${ws} AND deleted_at IS NULL
        ORDER BY created_at, id`;
      return rows.map(toAlertRule);
    },
    async getAlertRule(ws, id) {
      const r = await getRule(ws, id);
      return r ? toAlertRule(r) : null;
    },
    async updateAlertRule(ws, id, c, now) {
      const cur = await getRule(ws, id);
      if (!cur) return null;
      const m = { ...toAlertRule(cur), ...c } as AlertRuleRecord;
      const [r] = await sql<AlertRuleRow[]>`
        UPDATE alert_rules SET name = ${m.name}, store_id = ${m.storeId},
          competitor_id = ${m.competitorId}, window_minutes = ${m.windowMinutes},
          min_count = ${m.minCount}, threshold = ${m.threshold}, behaviour = ${m.behaviour},
          hours = ${m.hours}, deliver = ${sql.json(m.deliver)}, enabled = ${m.enabled},
          updated_at = ${now}
        WHERE workspace_id = ${ws} AND id = ${id} AND deleted_at IS NULL RETURNING *`;
      return r ? toAlertRule(r) : null;
    },
    async deleteAlertRule(ws, id, now) {
      const r = await sql`
        UPDATE alert_rules SET deleted_at = ${now}, updated_at = ${now}
        WHERE workspace_id = ${ws} AND id = ${id} AND deleted_at IS NULL`;
      return r.count > 0;
    },
    async listEnabledAlertRules() {
      const rows = await sql<AlertRuleRow[]>`
        SELECT * FROM alert_rules WHERE deleted_at IS NULL AND enabled
        ORDER BY workspace_id, created_at, id`;
      return rows.map(toAlertRule);
    },

    async recordAlertTrip(ws, t) {
      return (await sql.begin(async (tx) => {
        await tx`SELECT pg_advisory_xact_lock(hashtextextended(${`sightline:alert:${ws}:${t.ruleId}:${t.key}`} || current_schema(), 0))`;
        const [open] = await tx<AlertRow[]>`
          SELECT * FROM alerts WHERE workspace_id = ${ws} AND rule_id = ${t.ruleId}
            AND key = ${t.key} AND status = 'open'`;
        if (open) {
          const ids = keepObservationIds([
            ...(open.observation_ids as string[]),
            ...t.observationIds,
          ]);
          const [row] = await tx<AlertRow[]>`
            UPDATE alerts SET figures = ${tx.json(t.figures)}, observation_ids = ${tx.json(ids)},
              text_vi = ${t.text.vi}, text_en = ${t.text.en}, last_fired_at = ${t.now},
              firings = firings + 1, cleared_at = NULL
            WHERE workspace_id = ${ws} AND id = ${open.id} RETURNING *`;
          return { kind: "updated", alert: toAlert(row as AlertRow) };
        }
        const [last] = await tx<AlertRow[]>`
          SELECT * FROM alerts WHERE workspace_id = ${ws} AND rule_id = ${t.ruleId}
            AND key = ${t.key} ORDER BY opened_at DESC, id DESC LIMIT 1`;
        if (last && last.status === "acknowledged" && last.cleared_at === null)
          return { kind: "quiet", alert: toAlert(last) };
        const id = uuidv7();
        const [row] = await tx<AlertRow[]>`
          INSERT INTO alerts (workspace_id, id, rule_id, kind, key, store_id, competitor_id,
            device_id, status, opened_at, last_fired_at, firings, figures, observation_ids,
            text_vi, text_en)
          VALUES (${ws}, ${id}, ${t.ruleId}, ${t.kind}, ${t.key}, ${t.storeId},
            ${t.competitorId}, ${t.deviceId}, 'open', ${t.now}, ${t.now}, 1,
            ${tx.json(t.figures)}, ${tx.json(keepObservationIds(t.observationIds))},
            ${t.text.vi}, ${t.text.en})
          RETURNING *`;
        await tx`
          INSERT INTO alert_firings (id, workspace_id, alert_id, rule_id, deliver, fired_at)
          VALUES (${uuidv7()}, ${ws}, ${id}, ${t.ruleId}, ${tx.json([...t.deliver])}, ${t.now})`;
        return { kind: "opened", alert: toAlert(row as AlertRow) };
      })) as AlertTripOutcome;
    },
    async clearAlertCondition(ws, ruleId, key, now) {
      await sql`
        UPDATE alerts SET cleared_at = ${now} WHERE workspace_id = ${ws} AND rule_id = ${ruleId}
          AND key = ${key} AND cleared_at IS NULL`;
    },
    async listAlerts(ws, q) {
      const rows = await sql<AlertRow[]>`
        SELECT * FROM alerts WHERE workspace_id = ${ws}
          ${q.status ? sql`AND status = ${q.status}` : sql``}
          ${q.storeId ? sql`AND store_id = ${q.storeId}` : sql``}
        ORDER BY last_fired_at DESC, id DESC LIMIT ${q.limit}`;
      return rows.map(toAlert);
    },
    async getAlert(ws, id) {
      const [r] = await sql<AlertRow[]>`
        SELECT * FROM alerts WHERE workspace_id = ${ws} AND id = ${id}`;
      return r ? toAlert(r) : null;
    },
    async countOpenAlerts(ws, storeId) {
      const [r] = await sql<{ n: string }[]>`
        SELECT count(*) AS n FROM alerts WHERE workspace_id = ${ws} AND status = 'open'
          ${storeId ? sql`AND store_id = ${storeId}` : sql``}`;
      return Number(r?.n ?? 0);
    },
    async closeOpenAlertsOfRule(ws, ruleId, c) {
      const r = await sql`
        UPDATE alerts SET status = 'acknowledged', acked_at = ${c.now}, acked_by = NULL,
          ack_note = ${c.note}
        WHERE workspace_id = ${ws} AND rule_id = ${ruleId} AND status = 'open'`;
      return r.count;
    },

    async ackAlert(ws, id, a) {
      await sql`
        UPDATE alerts SET status = 'acknowledged', acked_at = ${a.now}, acked_by = ${a.by},
          ack_note = ${a.note}
        WHERE workspace_id = ${ws} AND id = ${id} AND status = 'open'`;
      const [r] = await sql<AlertRow[]>`
        SELECT * FROM alerts WHERE workspace_id = ${ws} AND id = ${id}`;
      return r ? toAlert(r) : null;
    },

    async claimAlertFirings(limit, now, leaseMs) {
      const rows = await sql<(AlertFiringRow & { alert: AlertRow })[]>`
        WITH c AS (
          SELECT id FROM alert_firings WHERE dispatched_at IS NULL
            AND (claimed_until IS NULL OR claimed_until <= ${now})
          ORDER BY fired_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        UPDATE alert_firings f SET claimed_until = ${leaseEnd(now, leaseMs)}
        FROM c WHERE f.id = c.id
        RETURNING f.*, (SELECT to_jsonb(a) FROM alerts a
          WHERE a.workspace_id = f.workspace_id AND a.id = f.alert_id) AS alert`;
      const out: AlertFiring[] = [];
      for (const r of rows.sort((a, b) =>
        a.fired_at === b.fired_at ? (a.id < b.id ? -1 : 1) : a.fired_at < b.fired_at ? -1 : 1,
      )) {
        if (!r.alert) continue;
        out.push({
          id: r.id,
          workspaceId: r.workspace_id,
          alertId: r.alert_id,
          ruleId: r.rule_id,
          deliver: r.deliver as AlertFiring["deliver"],
          firedAt: r.fired_at,
          alert: toAlert(r.alert),
        });
      }
      return out;
    },
    async markAlertFiringDispatched(id, now) {
      await sql`
        UPDATE alert_firings SET dispatched_at = ${now} WHERE id = ${id} AND dispatched_at IS NULL`;
    },

    async tryExclusiveTick(name, fn) {
      // A session-level lock, released at the end, or by PostgreSQL when an
      // instance dies mid-tick. It is taken on a connection reserved for the
      // tick, so the unlock runs in the same session — except in a pool of
      // one (?max=1), where reserving would leave `fn` no connection: there
      // every query runs in that one session anyway.
      if (running.has(name)) return undefined;
      running.add(name);
      const single = Number(sql.options.max) <= 1;
      const conn = single ? null : await sql.reserve();
      const on = conn ?? sql;
      const key = `sightline:tick:${name}:`;
      try {
        const [r] = await on<{ ok: boolean }[]>`
          SELECT pg_try_advisory_lock(hashtextextended(${key} || current_schema(), 0)) AS ok`;
        if (!r?.ok) return undefined;
        try {
          return await fn();
        } finally {
          await on`SELECT pg_advisory_unlock(hashtextextended(${key} || current_schema(), 0))`;
        }
      } finally {
        conn?.release();
        running.delete(name);
      }
    },

    async claimTickPeriod(name, period) {
      // Concurrent upserts of the row queue on its lock; the later one then
      // re-checks the WHERE against the advanced value and changes nothing.
      const rows = await sql`
        INSERT INTO meta (key, value) VALUES (${`tick:${name}`}, ${String(period)})
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
        WHERE meta.value::bigint < EXCLUDED.value::bigint
        RETURNING key`;
      return rows.length === 1;
    },
  };
}
