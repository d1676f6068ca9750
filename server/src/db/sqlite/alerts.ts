// Alert rules, alerts and the alert outbox on SQLite (docs/alerts.md): one
// process owns the file, so a trip is one IMMEDIATE transaction through the
// single writer and a tick needs only an in-process flag (its minute is
// still claimed in `meta`, as on PostgreSQL).
import { uuidv7 } from "@sightline/shared";
import type { Alert } from "@sightline/shared/schema/alert";
import type {
  AlertFiring,
  AlertRuleRecord,
  AlertsDb,
  AlertTrip,
  AlertTripOutcome,
} from "../port.ts";
import {
  type AlertFiringRow,
  type AlertRow,
  type AlertRuleRow,
  keepObservationIds,
  leaseEnd,
  toAlert,
  toAlertRule,
} from "../rows/alerts.ts";
import type { SqliteHandle } from "./handle.ts";

export function createAlertsPart({ db, queue }: SqliteHandle): AlertsDb {
  const getRule = db.prepare(
    "SELECT * FROM alert_rules WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL",
  );
  const openOf = db.prepare(
    "SELECT * FROM alerts WHERE workspace_id = ? AND rule_id = ? AND key = ? AND status = 'open'",
  );
  const lastOf = db.prepare(
    "SELECT * FROM alerts WHERE workspace_id = ? AND rule_id = ? AND key = ? ORDER BY opened_at DESC, id DESC LIMIT 1",
  );
  const getAlertRow = db.prepare("SELECT * FROM alerts WHERE workspace_id = ? AND id = ?");

  const trip = db.transaction((ws: string, t: AlertTrip): AlertTripOutcome => {
    const open = openOf.get(ws, t.ruleId, t.key) as AlertRow | undefined;
    if (open) {
      const ids = keepObservationIds([
        ...(JSON.parse(open.observation_ids as string) as string[]),
        ...t.observationIds,
      ]);
      const row = db
        .prepare(
          `UPDATE alerts SET figures = ?, observation_ids = ?, text_vi = ?, text_en = ?,
             last_fired_at = ?, firings = firings + 1, cleared_at = NULL
           WHERE workspace_id = ? AND id = ? RETURNING *`,
        )
        .get(
          JSON.stringify(t.figures),
          JSON.stringify(ids),
          t.text.vi,
          t.text.en,
          t.now,
          ws,
          open.id,
        ) as AlertRow;
      return { kind: "updated", alert: toAlert(row) };
    }
    const last = lastOf.get(ws, t.ruleId, t.key) as AlertRow | undefined;
    if (last && last.status === "acknowledged" && last.cleared_at === null)
      return { kind: "quiet", alert: toAlert(last) };
    const id = uuidv7();
    const row = db
      .prepare(
        `INSERT INTO alerts (workspace_id, id, rule_id, kind, key, store_id, competitor_id, device_id,
           status, opened_at, last_fired_at, firings, figures, observation_ids, text_vi, text_en)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, 1, ?, ?, ?, ?) RETURNING *`,
      )
      .get(
        ws,
        id,
        t.ruleId,
        t.kind,
        t.key,
        t.storeId,
        t.competitorId,
        t.deviceId,
        t.now,
        t.now,
        JSON.stringify(t.figures),
        JSON.stringify(keepObservationIds(t.observationIds)),
        t.text.vi,
        t.text.en,
      ) as AlertRow;
    db.prepare(
      `INSERT INTO alert_firings (id, workspace_id, alert_id, rule_id, deliver, fired_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(uuidv7(), ws, id, t.ruleId, JSON.stringify(t.deliver), t.now);
    return { kind: "opened", alert: toAlert(row) };
  });

  const claim = db.transaction((limit: number, now: string, leaseMs: number): AlertFiring[] => {
    const rows = db
      .prepare(
        `SELECT * FROM alert_firings WHERE dispatched_at IS NULL
           AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY fired_at, id LIMIT ?`,
      )
      .all(now, limit) as AlertFiringRow[];
    const lease = db.prepare("UPDATE alert_firings SET claimed_until = ? WHERE id = ?");
    const out: AlertFiring[] = [];
    for (const r of rows) {
      lease.run(leaseEnd(now, leaseMs), r.id);
      const a = getAlertRow.get(r.workspace_id, r.alert_id) as AlertRow | undefined;
      if (!a) continue;
      out.push({
        id: r.id,
        workspaceId: r.workspace_id,
        alertId: r.alert_id,
        ruleId: r.rule_id,
        deliver: JSON.parse(r.deliver as string),
        firedAt: r.fired_at,
        alert: toAlert(a),
      });
    }
    return out;
  });

  const running = new Set<string>();

  return {
    createAlertRule: (ws, r, now) =>
      queue.run(() =>
        toAlertRule(
          db
            .prepare(
              `INSERT INTO alert_rules (workspace_id, id, kind, name, store_id, competitor_id,
                 window_minutes, min_count, threshold, behaviour, hours, deliver, enabled,
                 created_by, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
            )
            .get(
              ws,
              uuidv7(),
              r.kind,
              r.name,
              r.storeId,
              r.competitorId,
              r.windowMinutes,
              r.minCount,
              r.threshold,
              r.behaviour,
              r.hours,
              JSON.stringify(r.deliver),
              r.enabled ? 1 : 0,
              r.createdBy,
              now,
              now,
            ) as AlertRuleRow,
        ),
      ),
    listAlertRules: (ws) =>
      queue.run(() =>
        (
          db
            .prepare(
              "SELECT * FROM alert_rules WHERE workspace_id = ? AND deleted_at IS NULL ORDER BY created_at, id",
            )
            .all(ws) as AlertRuleRow[]
        ).map(toAlertRule),
      ),
    getAlertRule: (ws, id) =>
      queue.run(() => {
        const r = getRule.get(ws, id) as AlertRuleRow | undefined;
        return r ? toAlertRule(r) : null;
      }),
    updateAlertRule: (ws, id, c, now) =>
      queue.run(() => {
        const cur = getRule.get(ws, id) as AlertRuleRow | undefined;
        if (!cur) return null;
        const m = { ...toAlertRule(cur), ...c } as AlertRuleRecord;
        const r = db
          .prepare(
            `UPDATE alert_rules SET name = ?, store_id = ?, competitor_id = ?, window_minutes = ?,
               min_count = ?, threshold = ?, behaviour = ?, hours = ?, deliver = ?, enabled = ?,
               updated_at = ?
             WHERE workspace_id = ? AND id = ? RETURNING *`,
          )
          .get(
            m.name,
            m.storeId,
            m.competitorId,
            m.windowMinutes,
            m.minCount,
            m.threshold,
            m.behaviour,
            m.hours,
            JSON.stringify(m.deliver),
            m.enabled ? 1 : 0,
            now,
            ws,
            id,
          ) as AlertRuleRow;
        return toAlertRule(r);
      }),
    deleteAlertRule: (ws, id, now) =>
      queue.run(
        () =>
          db
            .prepare(
              "UPDATE alert_rules SET deleted_at = ?, updated_at = ? WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL",
            )
            .run(now, now, ws, id).changes > 0,
      ),
    listEnabledAlertRules: () =>
      queue.run(() =>
        (
          db
            .prepare(
              "SELECT * FROM alert_rules WHERE deleted_at IS NULL AND enabled = 1 ORDER BY workspace_id, created_at, id",
            )
            .all() as AlertRuleRow[]
        ).map(toAlertRule),
      ),

    recordAlertTrip: (ws, t) => queue.run(() => trip.immediate(ws, t)),
    clearAlertCondition: (ws, ruleId, key, now) =>
      queue.run(() => {
        db.prepare(
          `UPDATE alerts SET cleared_at = ? WHERE workspace_id = ? AND rule_id = ? AND key = ?
             AND cleared_at IS NULL`,
        ).run(now, ws, ruleId, key);
      }),
    listAlerts: (ws, q) =>
      queue.run(() =>
        (
          db
            .prepare(
              `SELECT * FROM alerts WHERE workspace_id = @ws
                 AND (@status IS NULL OR status = @status) AND (@store IS NULL OR store_id = @store)
               ORDER BY last_fired_at DESC, id DESC LIMIT @limit`,
            )
            .all({
              ws,
              status: q.status ?? null,
              store: q.storeId ?? null,
              limit: q.limit,
            }) as AlertRow[]
        ).map(toAlert),
      ),
    getAlert: (ws, id) =>
      queue.run(() => {
        const r = getAlertRow.get(ws, id) as AlertRow | undefined;
        return r ? toAlert(r) : null;
      }),
    countOpenAlerts: (ws, storeId) =>
      queue.run(
        () =>
          (
            db
              .prepare(
                "SELECT count(*) AS n FROM alerts WHERE workspace_id = ? AND status = 'open' AND (? IS NULL OR store_id = ?)",
              )
              .get(ws, storeId ?? null, storeId ?? null) as { n: number }
          ).n,
      ),
    closeOpenAlertsOfRule: (ws, ruleId, c) =>
      queue.run(
        () =>
          db
            .prepare(
              `UPDATE alerts SET status = 'acknowledged', acked_at = ?, acked_by = NULL, ack_note = ?
               WHERE workspace_id = ? AND rule_id = ? AND status = 'open'`,
            )
            .run(c.now, c.note, ws, ruleId).changes,
      ),
    ackAlert: (ws, id, a) =>
      queue.run((): Alert | null => {
        db.prepare(
          `UPDATE alerts SET status = 'acknowledged', acked_at = ?, acked_by = ?, ack_note = ?
           WHERE workspace_id = ? AND id = ? AND status = 'open'`,
        ).run(a.now, a.by, a.note, ws, id);
        const r = getAlertRow.get(ws, id) as AlertRow | undefined;
        return r ? toAlert(r) : null;
      }),

    claimAlertFirings: (limit, now, leaseMs) =>
      queue.run(() => claim.immediate(limit, now, leaseMs)),
    markAlertFiringDispatched: (id, now) =>
      queue.run(() => {
        db.prepare(
          "UPDATE alert_firings SET dispatched_at = ? WHERE id = ? AND dispatched_at IS NULL",
        ).run(now, id);
      }),

    async tryExclusiveTick(name, fn) {
      if (running.has(name)) return undefined;
      running.add(name);
      try {
        return await fn();
      } finally {
        running.delete(name);
      }
    },

    claimTickPeriod: (name, period) =>
      queue.run(
        () =>
          db
            .prepare(
              `INSERT INTO meta (key, value) VALUES (?, ?)
               ON CONFLICT (key) DO UPDATE SET value = excluded.value
               WHERE CAST(meta.value AS INTEGER) < CAST(excluded.value AS INTEGER)`,
            )
            .run(`tick:${name}`, String(period)).changes === 1,
      ),
  };
}
