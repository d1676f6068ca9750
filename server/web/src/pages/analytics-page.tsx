// Analytics: customer feedback (faces, happy index trend, hour × weekday),
// shop-floor behaviour by zone, and needs by channel — per store and period.
import { CHANNEL_CODES, CHANNELS } from "@sightline/shared/vocabulary/channels";
import { NEED_CODES, NEEDS } from "@sightline/shared/vocabulary/needs";
import { useState } from "preact/hooks";
import { loadNeedsByChannel } from "../analytics/needs-by-channel.ts";
import { normaliseBehaviour, normaliseFeedback } from "../analytics/normalise.ts";
import { listOf } from "../api/client.ts";
import { useApp } from "../app-context.ts";
import { FaceBars } from "../charts/face-bars.tsx";
import { Heatmap } from "../charts/heatmap.tsx";
import { MatrixChart } from "../charts/matrix-chart.tsx";
import { CHANNEL_COLOURS } from "../charts/scale.ts";
import { StackedBars } from "../charts/stacked-bars.tsx";
import { MIN_DAY_COUNT, TrendChart } from "../charts/trend-chart.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { makeLookup } from "../journal/journal-lookup.ts";
import { dayEndIso, dayStartIso } from "../ui/day-bounds.ts";
import { formatDayShort, formatNumber } from "../ui/format.ts";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useTimeZone } from "../ui/time-zone.ts";
import { useAsync } from "../ui/use-async.ts";
import { useDocumentTitle } from "../ui/use-document-title.ts";

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

function daysAgo(n: number): string {
  const d = new Date(Date.now() - n * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export function AnalyticsPage() {
  const { api } = useApp();
  const { t, label, locale } = useI18n();
  useDocumentTitle(t("analytics.title"));
  const [storeId, setStoreId] = useState("");
  const [from, setFrom] = useState(daysAgo(29));
  const [to, setTo] = useState(daysAgo(0));
  const [heatMode, setHeatMode] = useState<"count" | "happy">("count");
  const stores = useAsync(() => api.stores().then((r) => listOf(r)), [api]);
  // Days are the chosen store's days, else the workspace's — never the browser's.
  const workspaceZone = useTimeZone();
  const zone = stores.data?.find((s) => s.id === storeId)?.timeZone ?? workspaceZone;
  const query = () => {
    const q = new URLSearchParams();
    if (storeId) q.set("storeId", storeId);
    if (from) q.set("from", dayStartIso(from, zone));
    if (to) q.set("to", dayEndIso(to, zone));
    return q;
  };
  const feedback = useAsync(
    () => api.analyticsFeedback(query()).then(normaliseFeedback),
    [api, storeId, from, to, zone],
  );
  const behaviour = useAsync(
    () => api.analyticsBehaviour(query()).then(normaliseBehaviour),
    [api, storeId, from, to, zone],
  );
  const needs = useAsync(
    () =>
      loadNeedsByChannel(
        api,
        from ? dayStartIso(from, workspaceZone) : "",
        to ? dayEndIso(to, workspaceZone) : "",
      ),
    [api, from, to, workspaceZone],
  );
  const lookup = makeLookup(stores.data ?? [], [], locale);
  const weekdayLabels = WEEKDAYS.map((d) => t(`weekday.${d}`));
  const fb = feedback.data;
  const totalFb = fb ? fb.counts.reduce((a, b) => a + b, 0) : 0;

  const bRows = behaviour.data?.rows ?? [];
  const behaviours = [...new Set(bRows.map((r) => r.behaviour))];
  const zones = [...new Set(bRows.map((r) => r.zone))];
  const bCount = new Map<string, number>();
  for (const r of bRows)
    bCount.set(
      `${r.behaviour}\u0000${r.zone}`,
      (bCount.get(`${r.behaviour}\u0000${r.zone}`) ?? 0) + r.count,
    );
  const behaviourTotal = (b: string) =>
    zones.reduce((s, z) => s + (bCount.get(`${b}\u0000${z}`) ?? 0), 0);
  behaviours.sort((a, b) => behaviourTotal(b) - behaviourTotal(a));

  return (
    <section class="page wide analytics">
      <div class="page-head">
        <div>
          <h1>{t("analytics.title")}</h1>
          <p class="muted">{t("analytics.lead")}</p>
        </div>
        <form class="filters-inline" onSubmit={(e) => e.preventDefault()}>
          <label>
            {t("analytics.store")}
            <select value={storeId} onChange={(e) => setStoreId(e.currentTarget.value)}>
              <option value="">{t("analytics.allStores")}</option>
              {(stores.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("scope.from")}
            <input type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label>
            {t("scope.to")}
            <input type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
          </label>
        </form>
      </div>

      <h2>{t("analytics.feedback")}</h2>
      <ProblemBanner error={feedback.error} onRetry={feedback.reload} />
      {fb && (
        <div class="chart-grid">
          <div class="card kpi">
            <h3>{t("analytics.happyIndex")}</h3>
            <p class="kpi-value">
              {fb.happyIndex === null ? "—" : formatNumber(fb.happyIndex, locale, 0)}
            </p>
            <p class="small muted">
              {t("analytics.responses", { count: totalFb })}
              {fb.suspect > 0 && ` · ${t("analytics.suspect", { count: fb.suspect })}`}
            </p>
            <FaceBars
              counts={fb.counts}
              labels={[1, 2, 3, 4].map((i) => t(`face.${i as 1 | 2 | 3 | 4}`))}
            />
          </div>
          <TrendChart
            title={t("analytics.trend")}
            note={`${t("analytics.trendNote")} ${t("analytics.trendFew", { min: MIN_DAY_COUNT })}`}
            points={fb.byDay.map((d) => ({
              key: d.day,
              label: formatDayShort(d.day, locale),
              value: d.happyIndex,
              count: d.count,
            }))}
            valueText={(p) =>
              t("analytics.trendPoint", {
                day: p.label,
                value: p.value === null ? "—" : formatNumber(p.value, locale, 0),
                count: p.count,
              })
            }
            head={[t("analytics.day"), t("analytics.happyIndex"), t("analytics.responsesHead")]}
          />
        </div>
      )}
      {fb && (
        <div class="chart-grid heat-row">
          <div>
            <Heatmap
              title={t(heatMode === "count" ? "analytics.heatmap" : "analytics.heatmapHappy")}
              note={t(
                heatMode === "count" ? "analytics.heatmapNote" : "analytics.heatmapHappyNote",
              )}
              values={heatMode === "count" ? fb.hourWeekday : fb.hourWeekdayHappy}
              {...(heatMode === "happy" ? { scaleMax: 100, diverging: true } : {})}
              legend={
                heatMode === "happy"
                  ? {
                      title: t("analytics.legend"),
                      low: `0 · ${t("analytics.legendUnhappy")}`,
                      high: `100 · ${t("analytics.legendHappy")}`,
                      empty: t("analytics.legendEmpty"),
                    }
                  : {
                      title: t("analytics.legend"),
                      low: t("analytics.legendFew"),
                      high: t("analytics.legendMany"),
                      empty: t("analytics.legendEmpty"),
                    }
              }
              rowLabels={weekdayLabels}
              hourLabel={t("analytics.hour")}
              cellText={(day, hour, v) =>
                heatMode === "count"
                  ? t("analytics.heatCell", { day, hour, count: v ?? 0 })
                  : t("analytics.heatCellHappy", {
                      day,
                      hour,
                      value: v === null ? "—" : formatNumber(v, locale, 0),
                    })
              }
              controls={
                <div
                  class="segmented toggle"
                  role="radiogroup"
                  aria-label={t("analytics.heatMode")}
                >
                  {(["count", "happy"] as const).map((m) => (
                    <label key={m} class="seg">
                      <input
                        type="radio"
                        name="heat-mode"
                        checked={heatMode === m}
                        onChange={() => setHeatMode(m)}
                      />
                      <span>{t(`analytics.heatMode.${m}`)}</span>
                    </label>
                  ))}
                </div>
              }
            />
          </div>
          {fb.byReason.length > 0 && (
            <div class="card">
              <h3>{t("analytics.reasons")}</h3>
              <ol class="reason-list">
                {fb.byReason.slice(0, 10).map((r) => (
                  <li key={r.code}>
                    <span>{lookup.reasonLabel(storeId || undefined, r.code) || r.code}</span>
                    <strong>{r.count}</strong>
                  </li>
                ))}
              </ol>
            </div>
          )}
        </div>
      )}

      <h2>{t("analytics.behaviour")}</h2>
      <ProblemBanner error={behaviour.error} onRetry={behaviour.reload} />
      {behaviour.data && bRows.length === 0 && <p class="empty">{t("analytics.noBehaviour")}</p>}
      {bRows.length > 0 && (
        <MatrixChart
          title={t("analytics.behaviourByZone")}
          note={t("analytics.behaviourNote")}
          corner={t("analytics.behaviourHead")}
          rows={behaviours.map((b) => ({
            key: b,
            label: lookup.behaviourLabel(storeId || undefined, b) ?? b,
          }))}
          cols={zones.map((z) => ({ key: z, label: z }))}
          value={(b, z) => bCount.get(`${b}\u0000${z}`) ?? 0}
          cellText={(b, z, n) => t("analytics.zoneCell", { behaviour: b, zone: z, n })}
        />
      )}

      <h2>{t("analytics.needs")}</h2>
      <ProblemBanner error={needs.error} onRetry={needs.reload} />
      {needs.data && (
        <StackedBars
          title={t("analytics.needsByChannel")}
          note={
            needs.data.truncated
              ? t("analytics.needsTruncated", { n: needs.data.observations })
              : t("analytics.needsNote", { count: needs.data.observations })
          }
          corner={t("analytics.need")}
          rows={NEED_CODES.map((n) => ({ key: n, label: label(NEEDS[n]) }))}
          series={CHANNEL_CODES.map((c) => ({
            key: c,
            label: label(CHANNELS[c]),
            colour: CHANNEL_COLOURS[c] ?? "#888",
          }))}
          value={(n, c) => needs.data?.counts.get(n)?.get(c) ?? 0}
          segmentText={(n, c, v) => t("analytics.needCell", { need: n, channel: c, n: v })}
        />
      )}
    </section>
  );
}
