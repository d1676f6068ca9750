// Alert rules (admins and managers): each kind explained in words, a form
// that shows only the fields the kind reads (with the server's defaults as
// placeholders), edit in place, delete after confirming. What was typed
// stays when the server refuses it; failures read in the user's language.

import {
  ALERT_CHANNELS,
  ALERT_DEFAULTS,
  ALERT_KINDS,
  type AlertChannel,
  type AlertKind,
  type AlertRule,
  type AlertRuleInput,
} from "@sightline/shared/schema/alert";
import { DEFAULT_BEHAVIOURS } from "@sightline/shared/vocabulary/behaviours";
import { useState } from "preact/hooks";
import { listOf } from "../api/client.ts";
import { useApp } from "../app-context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { href } from "../route.ts";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useAsync } from "../ui/use-async.ts";

type Draft = {
  kind: AlertKind;
  name: string;
  storeId: string;
  competitorId: string;
  windowMinutes: string;
  minCount: string;
  threshold: string;
  behaviour: string;
  hours: string;
  deliver: AlertChannel[];
  enabled: boolean;
};

const EMPTY: Draft = {
  kind: "feedback-negative-share",
  name: "",
  storeId: "",
  competitorId: "",
  windowMinutes: "",
  minCount: "",
  threshold: "",
  behaviour: "",
  hours: "",
  deliver: ["app"],
  enabled: true,
};

/** Which fields a kind reads. */
const READS: Record<AlertKind, readonly (keyof Draft)[]> = {
  "feedback-negative-share": ["storeId", "windowMinutes", "minCount", "threshold"],
  "happy-index-below": ["storeId", "windowMinutes", "minCount", "threshold"],
  "behaviour-count-above": ["storeId", "behaviour", "windowMinutes", "threshold"],
  "competitor-price-change": ["competitorId", "threshold", "windowMinutes"],
  "device-silent": ["storeId", "hours"],
};

const draftOf = (r: AlertRule): Draft => ({
  kind: r.kind,
  name: r.name ?? "",
  storeId: r.storeId ?? "",
  competitorId: r.competitorId ?? "",
  windowMinutes: String(r.windowMinutes),
  minCount: String(r.minCount),
  threshold: String(r.threshold),
  behaviour: r.behaviour ?? "",
  hours: String(r.hours),
  deliver: [...r.deliver],
  enabled: r.enabled,
});

/** The body for the server: only the fields the kind reads; empty numbers take the defaults. */
function inputOf(d: Draft): AlertRuleInput {
  const reads = READS[d.kind];
  const num = (v: string) => (v.trim() === "" ? undefined : Number(v));
  const out: AlertRuleInput = { kind: d.kind, deliver: d.deliver, enabled: d.enabled };
  if (d.name.trim()) out.name = d.name.trim();
  if (reads.includes("storeId")) out.storeId = d.storeId || null;
  if (reads.includes("competitorId")) out.competitorId = d.competitorId || null;
  for (const k of ["windowMinutes", "minCount", "threshold", "hours"] as const) {
    const v = num(d[k]);
    if (reads.includes(k) && v !== undefined) out[k] = v;
  }
  if (reads.includes("behaviour")) out.behaviour = d.behaviour || null;
  return out;
}

export function AlertRulesPage() {
  const { api } = useApp();
  const { t, label } = useI18n();
  const rules = useAsync(() => api.alertRules().then((r) => r.items), [api]);
  const stores = useAsync(async () => listOf(await api.stores()), [api]);
  const competitors = useAsync(async () => listOf(await api.competitors()), [api]);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState<string | null>(null);

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft({ ...draft, [k]: v });
  const storeName = (id: string | null) =>
    id ? (stores.data?.find((s) => s.id === id)?.name ?? id) : t("alertRules.allStores");
  const competitorName = (id: string | null) =>
    id ? (competitors.data?.find((c) => c.id === id)?.name ?? id) : t("alertRules.allCompetitors");
  const ruleName = (r: AlertRule) =>
    r.name ||
    `${t(`alertRules.kind.${r.kind}`)} — ${r.kind === "competitor-price-change" ? competitorName(r.competitorId) : storeName(r.storeId)}`;

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(null);
    try {
      const body = inputOf(draft);
      if (editing) {
        const { kind: _kind, ...changes } = body;
        await api.updateAlertRule(editing, changes);
      } else await api.createAlertRule(body);
      setDone(t("alertRules.saved"));
      setDraft(EMPTY);
      setEditing(null);
      await rules.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function remove(r: AlertRule) {
    if (!window.confirm(t("alertRules.deleteConfirm", { name: ruleName(r) }))) return;
    setError(undefined);
    try {
      await api.deleteAlertRule(r.id);
      if (editing === r.id) {
        setEditing(null);
        setDraft(EMPTY);
      }
      await rules.reload(); // the message follows the table, never runs ahead of it
      setDone(t("alertRules.deleted"));
    } catch (err) {
      setError(err);
    }
  }

  const reads = READS[draft.kind];
  const thresholdLabel =
    draft.kind === "happy-index-below"
      ? t("alertRules.threshold.index")
      : draft.kind === "behaviour-count-above"
        ? t("alertRules.threshold.count")
        : t("alertRules.threshold.percent");
  const list = rules.data ?? [];
  return (
    <section class="page">
      <h1>{t("alertRules.title")}</h1>
      <p>
        <a href={href({ page: "alerts", status: "open" })}>← {t("alerts.title")}</a>
      </p>
      <p class="hint">{t("alertRules.intro")}</p>
      <ProblemBanner error={rules.error} onRetry={rules.reload} />
      {done && (
        <p class="ok-text small" role="status">
          {done}
        </p>
      )}
      <div class="split">
        <div class="card">
          {rules.data && list.length === 0 && <p class="muted">{t("alertRules.empty")}</p>}
          <ul class="rule-list">
            {list.map((r) => (
              <li key={r.id} data-testid="alert-rule">
                <strong>{ruleName(r)}</strong>{" "}
                {!r.enabled && <span class="muted">({t("alertRules.off")})</span>}
                <p class="hint small">{t(`alertRules.help.${r.kind}`)}</p>
                <div class="row-actions">
                  <button
                    type="button"
                    class="btn small"
                    onClick={() => {
                      setEditing(r.id);
                      setDraft(draftOf(r));
                      setDone(null);
                    }}
                  >
                    {t("alertRules.editButton")}
                  </button>
                  <button type="button" class="btn small danger" onClick={() => remove(r)}>
                    {t("alertRules.delete")}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </div>
        <form class="card stack" onSubmit={save}>
          <h2>{editing ? t("alertRules.edit") : t("alertRules.new")}</h2>
          <label>
            {t("alertRules.kind")}
            <select
              value={draft.kind}
              disabled={editing !== null}
              onChange={(e) => set("kind", (e.target as HTMLSelectElement).value as AlertKind)}
            >
              {ALERT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`alertRules.kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <p class="hint small">{t(`alertRules.help.${draft.kind}`)}</p>
          <label>
            {t("alertRules.name")}
            <input
              value={draft.name}
              maxLength={200}
              onInput={(e) => set("name", (e.target as HTMLInputElement).value)}
            />
          </label>
          {reads.includes("storeId") && (
            <label>
              {t("alertRules.store")}
              <select
                value={draft.storeId}
                onChange={(e) => set("storeId", (e.target as HTMLSelectElement).value)}
              >
                <option value="">{t("alertRules.allStores")}</option>
                {(stores.data ?? []).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {reads.includes("competitorId") && (
            <label>
              {t("alertRules.competitor")}
              <select
                value={draft.competitorId}
                onChange={(e) => set("competitorId", (e.target as HTMLSelectElement).value)}
              >
                <option value="">{t("alertRules.allCompetitors")}</option>
                {(competitors.data ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {reads.includes("behaviour") && (
            <label>
              {t("alertRules.behaviour")}
              <select
                value={draft.behaviour}
                onChange={(e) => set("behaviour", (e.target as HTMLSelectElement).value)}
              >
                <option value="" />
                {Object.entries(DEFAULT_BEHAVIOURS).map(([code, b]) => (
                  <option key={code} value={code}>
                    {label(b)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {reads.includes("windowMinutes") && (
            <NumberField
              label={t("alertRules.window")}
              value={draft.windowMinutes}
              placeholder={
                draft.kind === "competitor-price-change" ? 1440 : ALERT_DEFAULTS.windowMinutes
              }
              onInput={(v) => set("windowMinutes", v)}
            />
          )}
          {reads.includes("minCount") && (
            <NumberField
              label={t("alertRules.minCount")}
              value={draft.minCount}
              placeholder={ALERT_DEFAULTS.minCount}
              onInput={(v) => set("minCount", v)}
            />
          )}
          {reads.includes("threshold") && (
            <NumberField
              label={thresholdLabel}
              value={draft.threshold}
              placeholder={ALERT_DEFAULTS.threshold[draft.kind]}
              onInput={(v) => set("threshold", v)}
            />
          )}
          {reads.includes("hours") && (
            <NumberField
              label={t("alertRules.hours")}
              value={draft.hours}
              placeholder={ALERT_DEFAULTS.hours}
              onInput={(v) => set("hours", v)}
            />
          )}
          <fieldset>
            <legend>{t("alertRules.deliver")}</legend>
            {ALERT_CHANNELS.map((ch) => (
              <label key={ch} class="inline">
                <input
                  type="checkbox"
                  checked={draft.deliver.includes(ch)}
                  onChange={(e) =>
                    set(
                      "deliver",
                      (e.target as HTMLInputElement).checked
                        ? [...draft.deliver, ch]
                        : draft.deliver.filter((x) => x !== ch),
                    )
                  }
                />{" "}
                {t(`alertRules.deliver.${ch}`)}
              </label>
            ))}
          </fieldset>
          <label class="inline">
            <input
              type="checkbox"
              checked={draft.enabled}
              onChange={(e) => set("enabled", (e.target as HTMLInputElement).checked)}
            />{" "}
            {t("alertRules.enabled")}
          </label>
          <ProblemBanner error={error} />
          <div class="row-actions">
            <button type="submit" class="btn primary" disabled={busy}>
              {editing ? t("alertRules.save") : t("alertRules.create")}
            </button>
            {editing && (
              <button
                type="button"
                class="btn"
                onClick={() => {
                  setEditing(null);
                  setDraft(EMPTY);
                }}
              >
                {t("alertRules.cancel")}
              </button>
            )}
          </div>
        </form>
      </div>
    </section>
  );
}

function NumberField(p: {
  label: string;
  value: string;
  placeholder: number;
  onInput: (v: string) => void;
}) {
  return (
    <label>
      {p.label}
      <input
        type="number"
        inputMode="decimal"
        min={0}
        step="any"
        value={p.value}
        placeholder={String(p.placeholder)}
        onInput={(e) => p.onInput((e.target as HTMLInputElement).value)}
      />
    </label>
  );
}
