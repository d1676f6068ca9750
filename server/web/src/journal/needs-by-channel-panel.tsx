// Which needs show up in which channels, over the journal's whole scope:
// a need seen in several kinds of data is a stronger lead than one seen in
// one. Folded away by default.
import { CHANNEL_CODES, CHANNELS } from "@sightline/shared/vocabulary/channels";
import { NEED_CODES, NEEDS } from "@sightline/shared/vocabulary/needs";
import type { JournalStats } from "../api/types.ts";
import { CHANNEL_COLOURS } from "../charts/scale.ts";
import { StackedBars } from "../charts/stacked-bars.tsx";
import { useI18n } from "../i18n/i18n.tsx";

export function NeedsByChannelPanel({ stats }: { stats: JournalStats | undefined }) {
  const { t, label } = useI18n();
  const m = stats?.needsByChannel;
  if (!m || Object.keys(m).length === 0) return null;
  const count = (need: string, channel: string) => m[channel]?.[need] ?? 0;
  const rows = NEED_CODES.filter((n) => CHANNEL_CODES.some((c) => count(n, c) > 0));
  return (
    <details class="needs-panel">
      <summary>{t("journal.needsByChannel", { count: rows.length })}</summary>
      <StackedBars
        title={t("analytics.needsByChannel")}
        corner={t("analytics.need")}
        rows={rows.map((n) => ({ key: n, label: label(NEEDS[n]) }))}
        series={CHANNEL_CODES.map((c) => ({
          key: c,
          label: label(CHANNELS[c]),
          colour: CHANNEL_COLOURS[c] ?? "#888",
        }))}
        value={count}
        segmentText={(n, c, v) => t("analytics.needCell", { need: n, channel: c, n: v })}
      />
    </details>
  );
}
