// The open-alert count an event stream carries (`event: alerts`, data
// {open}): a manager's or admin's stream counts the workspace's open alerts,
// a kiosk's those of its store; other callers get none. Sent at connect and
// after each poke when it changed (evaluator.ts pokes when an alert opens,
// changes or is acknowledged, so the count follows on every instance).
import type { Db, Principal } from "../db/port.ts";

export function openAlertCounter(db: Db, p: Principal): (() => Promise<number>) | null {
  if (p.type === "user")
    return p.role === "admin" || p.role === "manager"
      ? () => db.countOpenAlerts(p.workspaceId)
      : null;
  if (p.type === "device" && p.kind === "kiosk" && p.storeId) {
    const storeId = p.storeId;
    return () => db.countOpenAlerts(p.workspaceId, storeId);
  }
  return null;
}
