// The explanation under a suggestion: for a theme, the channels and counts,
// the top terms and the time span; for a time link, the competitor change and
// what moved afterwards.
import { CHANNELS, type Channel } from "@sightline/shared/vocabulary/channels";
import { NEEDS, type NeedCode } from "@sightline/shared/vocabulary/needs";
import type { Suggestion } from "../api/types.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { formatDate, formatNumber } from "../ui/format.ts";
import type { Lookup } from "./journal-lookup.ts";

type Props = { why: Suggestion["why"]; lookup: Lookup };

export function SuggestionWhy({ why, lookup }: Props) {
  const { t, label, locale } = useI18n();
  if (typeof why === "string") return <p class="why small">{why}</p>;
  const dataType = (code: string) =>
    Object.hasOwn(CHANNELS, code) ? label(CHANNELS[code as Channel]) : code.replace(/^import:/, "");
  const lines: string[] = [];
  if (why.kind === "time-link") {
    lines.push(t("why.change", { date: formatDate(why.change.at, locale), days: why.windowDays }));
    for (const s of why.signals ?? []) {
      if (s.type === "behaviour") {
        lines.push(
          t("why.behaviour", {
            label: lookup.behaviourLabel(undefined, s.behaviour) ?? s.behaviour,
            ratio: formatNumber(s.ratio, locale, 1),
          }),
        );
      } else if (s.type === "complaints") {
        const need = Object.hasOwn(NEEDS, s.need) ? label(NEEDS[s.need as NeedCode]) : s.need;
        lines.push(t("why.complaints", { need, ratio: formatNumber(s.ratio, locale, 1) }));
      } else {
        lines.push(
          t("why.happy", {
            before: formatNumber(s.before, locale),
            after: formatNumber(s.after, locale),
          }),
        );
      }
    }
  } else {
    const types = why.dataTypes ?? why.channels ?? {};
    const parts = Object.entries(types).map(([c, n]) => `${dataType(c)} ${n ?? 0}`);
    if (parts.length) lines.push(parts.join(" · "));
    if (why.observations !== undefined && why.shown !== undefined && why.observations > why.shown) {
      lines.push(t("why.shown", { shown: why.shown, n: why.observations }));
    }
    if (why.topTerms?.length)
      lines.push(t("suggestions.terms", { terms: why.topTerms.slice(0, 6).join(", ") }));
    if (why.from && why.to) {
      lines.push(
        t("scope.dates", { from: formatDate(why.from, locale), to: formatDate(why.to, locale) }),
      );
    }
  }
  if (lines.length === 0) return null;
  return (
    <ul class="why small">
      {lines.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}
