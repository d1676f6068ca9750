// One line saying what a journal covers: dates, channels, stores and
// competitors by name (an id only while names are loading), needs, tags.
import { CHANNELS, type Channel } from "@sightline/shared/vocabulary/channels";
import { NEEDS, type NeedCode } from "@sightline/shared/vocabulary/needs";
import type { Scope } from "../api/types.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { formatDate } from "../ui/format.ts";
import { useTimeZone } from "../ui/time-zone.ts";

type Props = {
  scope: Scope;
  storeNames?: Record<string, string>;
  competitorNames?: Record<string, string>;
};

export function ScopeSummary({ scope, storeNames = {}, competitorNames = {} }: Props) {
  const { t, label, locale } = useI18n();
  // Scope bounds are instants at the workspace's day edges: read them in its zone.
  const timeZone = useTimeZone();
  const parts: string[] = [];
  const from = scope.from ? formatDate(scope.from, locale, timeZone) : "";
  const to = scope.to ? formatDate(scope.to, locale, timeZone) : "";
  if (from && to) parts.push(t("scope.dates", { from, to }));
  else if (from) parts.push(t("scope.since", { date: from }));
  else if (to) parts.push(t("scope.until", { date: to }));
  if (scope.channels?.length) {
    parts.push(
      scope.channels
        .map((c) => (CHANNELS[c as Channel] ? label(CHANNELS[c as Channel]) : c))
        .join(", "),
    );
  }
  if (scope.storeIds?.length) {
    parts.push(scope.storeIds.map((s) => storeNames[s] ?? s).join(", "));
  }
  if (scope.competitorIds?.length) {
    parts.push(scope.competitorIds.map((s) => competitorNames[s] ?? s).join(", "));
  }
  if (scope.needs?.length) {
    parts.push(
      scope.needs.map((n) => (NEEDS[n as NeedCode] ? label(NEEDS[n as NeedCode]) : n)).join(", "),
    );
  }
  if (scope.tags?.length) parts.push(scope.tags.map((x) => `#${x}`).join(" "));
  return <p class="scope muted">{parts.length ? parts.join(" · ") : t("scope.everything")}</p>;
}
