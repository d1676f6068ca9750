// The journal at a glance: observations per channel, average 5W1H, insights,
// single-source insights and open actions.
import type { Insight, JournalStats } from "../api/types.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ChannelBadge } from "../ui/channel-badge.tsx";
import { formatNumber } from "../ui/format.ts";

type Props = {
  stats: JournalStats | undefined;
  /** Loaded timeline length, when the server does not say the scope's total. */
  loaded: number;
  insights: readonly Insight[];
};

export function StatsStrip({ stats, loaded, insights }: Props) {
  const total = stats?.total ?? loaded;
  const { t, locale } = useI18n();
  const single = insights.filter((i) => i.corroboration?.singleSource).length;
  const open = insights
    .flatMap((i) => i.actions ?? [])
    .filter((a) => a.status === "todo" || a.status === "doing").length;
  const by = Object.entries(stats?.byChannel ?? {}).filter(([, n]) => (n ?? 0) > 0);
  const f = stats?.fiveW1H;
  const avg = typeof f === "number" ? f : f?.average;
  return (
    <dl class="stats">
      <div>
        <dt>{t("stats.observations")}</dt>
        <dd>{formatNumber(total, locale)}</dd>
      </div>
      <div class="by-channel">
        <dt>{t("stats.byChannel")}</dt>
        <dd>
          {by.map(([c, n]) => (
            <span key={c} class="stat-ch">
              <ChannelBadge channel={c} /> {formatNumber(n ?? 0, locale)}
            </span>
          ))}
        </dd>
      </div>
      {avg !== undefined && (
        <div>
          <dt>{t("stats.fiveW1H")}</dt>
          <dd>{formatNumber(avg, locale, 1)}/6</dd>
        </div>
      )}
      <div>
        <dt>{t("stats.insights")}</dt>
        <dd>
          {insights.length}
          {single > 0 && <span class="warn-text small"> · {t("stats.single", { n: single })}</span>}
        </dd>
      </div>
      <div>
        <dt>{t("stats.openActions")}</dt>
        <dd>{open}</dd>
      </div>
    </dl>
  );
}
