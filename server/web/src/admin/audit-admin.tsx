// The audit log for admins: who did what to whom, when and from where,
// newest first, filtered by event, person and days (the browser's local
// days), a page at a time ("Load more" follows the server's cursor), and a
// CSV of everything the filters match, read page by page.
import type { AuditEvent, AuditType } from "@sightline/shared/schema/audit";
import { AUDIT_TYPES } from "@sightline/shared/schema/audit";
import { useState } from "preact/hooks";
import type { Api } from "../api/client.ts";
import { useApp } from "../app-context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useAsync } from "../ui/use-async.ts";

export const AUDIT_PAGE = 100;
/** A CSV export stops after this many rows (a bounded download). */
export const AUDIT_CSV_MAX = 20_000;

export type AuditFilters = { type: AuditType | ""; actor: string; from: string; to: string };

/** Filters as the API's query: local days to instants, `to` inclusive of its day. */
export function auditQuery(f: AuditFilters) {
  const dayStart = (d: string) => new Date(`${d}T00:00:00`);
  const nextDay = (d: string) => {
    const x = dayStart(d);
    x.setDate(x.getDate() + 1);
    return x;
  };
  return {
    ...(f.type ? { type: f.type } : {}),
    ...(f.actor ? { actor: f.actor } : {}),
    ...(f.from ? { from: dayStart(f.from).toISOString() } : {}),
    ...(f.to ? { to: nextDay(f.to).toISOString() } : {}),
  };
}

/** One CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvCell(v: string | number | boolean | null | undefined): string {
  let s = v === null || v === undefined ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const detailText = (d: AuditEvent["detail"]) =>
  Object.entries(d)
    .map(([k, v]) => `${k}=${v === null ? "—" : String(v)}`)
    .join(", ");

export function auditCsv(rows: readonly AuditEvent[]): string {
  const head = [
    "at",
    "type",
    "actorType",
    "actorId",
    "actor",
    "targetType",
    "targetId",
    "target",
    "address",
    "detail",
  ];
  const lines = rows.map((r) =>
    [
      r.at,
      r.type,
      r.actorType,
      r.actorId,
      r.actorLabel,
      r.targetType,
      r.targetId,
      r.targetLabel,
      r.address,
      detailText(r.detail),
    ]
      .map(csvCell)
      .join(","),
  );
  return `\uFEFF${[head.join(","), ...lines].join("\r\n")}\r\n`;
}

async function everyRow(api: Api, f: AuditFilters, progress: (n: number) => void) {
  const rows: AuditEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.audit({ ...auditQuery(f), limit: 200, ...(cursor ? { cursor } : {}) });
    rows.push(...page.items);
    progress(rows.length);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < AUDIT_CSV_MAX);
  return rows;
}

export function AuditAdmin() {
  const { api, user } = useApp();
  const { t, locale } = useI18n();
  const [filters, setFilters] = useState<AuditFilters>({ type: "", actor: "", from: "", to: "" });
  const [rows, setRows] = useState<AuditEvent[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [exporting, setExporting] = useState<number | null>(null);
  const people = useAsync(() => api.users().then((r) => r.items), [api]);
  const first = useAsync(async () => {
    const page = await api.audit({ ...auditQuery(filters), limit: AUDIT_PAGE });
    setRows(page.items);
    setCursor(page.nextCursor);
    return page;
  }, [api, filters.type, filters.actor, filters.from, filters.to]);

  if (user.role !== "admin") return <p class="problem">{t("audit.forbidden")}</p>;

  const set = (patch: Partial<AuditFilters>) => setFilters({ ...filters, ...patch });
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale === "vi" ? "vi-VN" : "en-GB", {
      dateStyle: "short",
      timeStyle: "medium",
    });
  const actorText = (r: AuditEvent) =>
    (r.actorType === "api-key" && r.actorLabel
      ? t("audit.apiKeyActor", { name: r.actorLabel })
      : r.actorLabel) ??
    (r.actorType === "system"
      ? t("audit.system")
      : r.actorType === "anonymous"
        ? t("audit.anonymous")
        : (r.actorId ?? "—"));

  return (
    <div class="card">
      <h2>{t("admin.audit")}</h2>
      <p class="hint">{t("audit.intro")}</p>
      <div class="filters">
        <label>
          {t("audit.type")}
          <select
            value={filters.type}
            onChange={(e) => set({ type: e.currentTarget.value as AuditType | "" })}
          >
            <option value="">{t("audit.anyType")}</option>
            {AUDIT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`audit.type.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("audit.actor")}
          <select value={filters.actor} onChange={(e) => set({ actor: e.currentTarget.value })}>
            <option value="">{t("audit.anyActor")}</option>
            {people.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name ? `${p.name} (${p.deleted ? "—" : p.email})` : p.email}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("audit.from")}
          <input
            type="date"
            value={filters.from}
            onChange={(e) => set({ from: e.currentTarget.value })}
          />
        </label>
        <label>
          {t("audit.to")}
          <input
            type="date"
            value={filters.to}
            onChange={(e) => set({ to: e.currentTarget.value })}
          />
        </label>
        <button
          type="button"
          class="btn"
          disabled={exporting !== null}
          onClick={async () => {
            setError(undefined);
            setExporting(0);
            try {
              const all = await everyRow(api, filters, setExporting);
              const url = URL.createObjectURL(
                new Blob([auditCsv(all)], { type: "text/csv;charset=utf-8" }),
              );
              const a = document.createElement("a");
              a.href = url;
              a.download = `audit-${new Date().toISOString().slice(0, 10)}.csv`;
              a.click();
              setTimeout(() => URL.revokeObjectURL(url), 10_000);
            } catch (e) {
              setError(e);
            } finally {
              setExporting(null);
            }
          }}
        >
          {exporting === null ? t("audit.csv") : t("audit.csvRunning", { count: exporting })}
        </button>
      </div>
      <ProblemBanner error={first.error} onRetry={first.reload} />
      <ProblemBanner error={error} />
      <p class="hint small" role="status">
        {t("audit.shown", { count: rows.length })}
      </p>
      {rows.length === 0 && !first.loading ? (
        <p>{t("audit.empty")}</p>
      ) : (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t("audit.at")}</th>
              <th scope="col">{t("audit.type")}</th>
              <th scope="col">{t("audit.actor")}</th>
              <th scope="col">{t("audit.target")}</th>
              <th scope="col">{t("audit.address")}</th>
              <th scope="col">{t("audit.detail")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <time dateTime={r.at}>{when(r.at)}</time>
                </td>
                <td>{t(`audit.type.${r.type}`)}</td>
                <td>{actorText(r)}</td>
                <td>{r.targetLabel ?? r.targetId ?? "—"}</td>
                <td>
                  <code>{r.address ?? "—"}</code>
                </td>
                <td class="small">{detailText(r.detail)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <button
          type="button"
          class="btn"
          onClick={async () => {
            setError(undefined);
            try {
              const page = await api.audit({ ...auditQuery(filters), limit: AUDIT_PAGE, cursor });
              setRows((r) => [...r, ...page.items]);
              setCursor(page.nextCursor);
            } catch (e) {
              setError(e);
            }
          }}
        >
          {t("audit.more")}
        </button>
      )}
    </div>
  );
}
