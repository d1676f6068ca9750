// Alerts (admins and managers): open and acknowledged, each with its
// one-line summary, the figures behind it with their base counts, when it
// opened and was last seen, the observations that tripped it, and — while
// open — acknowledge with a note. Live: re-read when the stream pokes.
import type { Alert } from "@sightline/shared/schema/alert";
import { useEffect, useState } from "preact/hooks";
import { listOf } from "../api/client.ts";
import { subscribeLive } from "../api/live.ts";
import { useApp } from "../app-context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { href } from "../route.ts";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useAsync } from "../ui/use-async.ts";
import { alertLine, type Places } from "./alert-text.ts";

export function AlertsPage({ status }: { status: "open" | "acknowledged" }) {
  const { api } = useApp();
  const { t } = useI18n();
  const alerts = useAsync(() => api.alerts(status).then((r) => r.items), [api, status]);
  const places = useAsync<Places>(async () => {
    const stores = listOf(await api.stores());
    return {
      stores: new Map(stores.map((s) => [s.id, s.name])),
      competitors: new Map(listOf(await api.competitors()).map((c) => [c.id, c.name])),
      behaviours: new Map(stores.map((s) => [s.id, s.behaviours])),
    };
  }, [api]);
  const [done, setDone] = useState<string | null>(null);
  const reload = alerts.reload;
  useEffect(
    () => subscribeLive({ onPoke: () => void reload(), onAlerts: () => void reload() }),
    [reload],
  );

  const items = alerts.data ?? [];
  const names = places.data ?? { stores: new Map(), competitors: new Map() };
  return (
    <section class="page">
      <h1>{t("alerts.title")}</h1>
      <nav class="tabs" aria-label={t("alerts.title")}>
        <a
          href={href({ page: "alerts", status: "open" })}
          aria-current={status === "open" ? "page" : undefined}
        >
          {t("alerts.tab.open")}
        </a>
        <a
          href={href({ page: "alerts", status: "acknowledged" })}
          aria-current={status === "acknowledged" ? "page" : undefined}
        >
          {t("alerts.tab.acknowledged")}
        </a>
        <a href={href({ page: "alert-rules" })}>{t("alerts.rulesLink")}</a>
      </nav>
      <ProblemBanner error={alerts.error} onRetry={alerts.reload} />
      {done && (
        <p class="ok-text small" role="status">
          {done}
        </p>
      )}
      {alerts.data && items.length === 0 && <p class="muted">{t(`alerts.empty.${status}`)}</p>}
      <ul class="alert-list">
        {items.map((a) => (
          <AlertCard
            key={a.id}
            alert={a}
            places={names}
            onAcked={async () => {
              setDone(t("alerts.acknowledged"));
              await alerts.reload();
            }}
          />
        ))}
      </ul>
    </section>
  );
}

function AlertCard({
  alert: a,
  places,
  onAcked,
}: {
  alert: Alert;
  places: Places;
  onAcked: () => Promise<void>;
}) {
  const { api } = useApp();
  const { t, locale } = useI18n();
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [showObs, setShowObs] = useState(false);
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale === "vi" ? "vi-VN" : "en-GB", {
      dateStyle: "short",
      timeStyle: "short",
    });

  async function ack(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.ackAlert(a.id, note.trim());
      await onAcked();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const suspect = typeof a.figures.suspect === "number" ? a.figures.suspect : 0;
  return (
    <li class={`card alert ${a.status}`} data-testid="alert">
      <p class="alert-line">
        <strong>{alertLine(a, places, t, locale)}</strong>
      </p>
      <p class="muted small">
        {t("alerts.opened", { time: when(a.openedAt) })} ·{" "}
        {t("alerts.lastFired", { time: when(a.lastFiredAt), count: a.firings })}
        {suspect > 0 && <> · {t("alerts.suspect", { count: suspect })}</>}
      </p>
      {a.observationIds.length > 0 && (
        <div>
          <button
            type="button"
            class="btn small ghost"
            aria-expanded={showObs}
            onClick={() => setShowObs(!showObs)}
          >
            {t("alerts.observations", { count: a.observationIds.length })}
          </button>
          {showObs && <TrippingObservations ids={a.observationIds} />}
        </div>
      )}
      {a.status === "acknowledged" ? (
        <p class="small">
          {a.ackedBy === null && a.ackNote === "rule deleted"
            ? t("alerts.closedRuleDeleted", { time: when(a.ackedAt ?? a.lastFiredAt) })
            : a.ackedBy === null && a.ackNote === "rule disabled"
              ? t("alerts.closedRuleDisabled", { time: when(a.ackedAt ?? a.lastFiredAt) })
              : t("alerts.ackedBy", { time: when(a.ackedAt ?? a.lastFiredAt) })}
          {/* The server's system notes (no person: ackedBy null) are worded above, not quoted. */}
          {a.ackNote && a.ackedBy !== null ? <> — “{a.ackNote}”</> : null}
        </p>
      ) : (
        <form class="ack-form" onSubmit={ack}>
          <label>
            {t("alerts.ackNote")}
            <input
              value={note}
              maxLength={2000}
              onInput={(e) => setNote((e.target as HTMLInputElement).value)}
            />
          </label>
          <button type="submit" class="btn primary small" disabled={busy}>
            {t("alerts.ack")}
          </button>
          <p class="hint small">{t("alerts.ackHint")}</p>
          <ProblemBanner error={error} />
        </form>
      )}
    </li>
  );
}

/** The observations behind an alert, read one by one (at most 50): when, the face, what. */
function TrippingObservations({ ids }: { ids: readonly string[] }) {
  const { api } = useApp();
  const { locale } = useI18n();
  const list = useAsync(
    () => Promise.all(ids.map((id) => api.observation(id).catch(() => null))),
    [api, ids.join(",")],
  );
  return (
    <ul class="tripping small">
      {(list.data ?? []).map((o, i) =>
        o ? (
          <li key={o.id}>
            <time dateTime={o.capturedAt}>
              {new Date(o.capturedAt).toLocaleString(locale === "vi" ? "vi-VN" : "en-GB", {
                dateStyle: "short",
                timeStyle: "short",
              })}
            </time>{" "}
            — {typeof o.rating === "number" ? `${"★".repeat(o.rating)} ` : ""}
            {o.what}
          </li>
        ) : (
          <li key={ids[i]} class="muted">
            {ids[i]}
          </li>
        ),
      )}
    </ul>
  );
}
