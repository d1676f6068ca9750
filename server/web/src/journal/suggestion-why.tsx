// The explanation under a suggestion: for a topic, the channels and counts,
// the distinctive terms, the time span and two or three representative
// comments (the members nearest its centre); for a time link, the competitor
// change and what moved afterwards, as base counts.
import { CHANNELS, type Channel } from "@sightline/shared/vocabulary/channels";
import { NEEDS, type NeedCode } from "@sightline/shared/vocabulary/needs";
import type { Suggestion } from "../api/types.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { formatDate, formatNumber } from "../ui/format.ts";
import { useTimeZone } from "../ui/time-zone.ts";
import type { Lookup } from "./journal-lookup.ts";

type Props = { why: Suggestion["why"]; lookup: Lookup };

export function SuggestionWhy({ why, lookup }: Props) {
  const { t, label, locale } = useI18n();
  // Instants read in the workspace's zone, like the timeline they point into.
  const timeZone = useTimeZone();
  if (typeof why === "string") return <p class="why small">{why}</p>;
  const dataType = (code: string) =>
    Object.hasOwn(CHANNELS, code) ? label(CHANNELS[code as Channel]) : code.replace(/^import:/, "");
  const lines: string[] = [];
  if (why.kind === "time-link") {
    lines.push(
      t("why.change", { date: formatDate(why.change.at, locale, timeZone), days: why.windowDays }),
    );
    for (const s of why.signals ?? []) {
      // Base counts, never a ratio: "0 → 11" reads true where "×12.3" over zero does not.
      if (s.type === "behaviour" || s.type === "complaints") {
        const counts = {
          before: formatNumber(s.before.count, locale),
          beforeDays: Math.round(s.before.days),
          after: formatNumber(s.after.count, locale),
          afterDays: Math.round(s.after.days),
        };
        if (s.type === "behaviour") {
          lines.push(
            t("why.behaviour", {
              label: lookup.behaviourLabel(undefined, s.behaviour) ?? s.behaviour,
              ...counts,
            }),
          );
        } else {
          const need = Object.hasOwn(NEEDS, s.need) ? label(NEEDS[s.need as NeedCode]) : s.need;
          lines.push(t("why.complaints", { need, ...counts }));
        }
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
        t("scope.dates", {
          from: formatDate(why.from, locale, timeZone),
          to: formatDate(why.to, locale, timeZone),
        }),
      );
    }
  }
  const quotes = why.kind === "theme" ? (why.quotes ?? []) : [];
  if (lines.length === 0 && quotes.length === 0) return null;
  return (
    <>
      <ul class="why small">
        {lines.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      {quotes.length > 0 && (
        <figure class="why small">
          <figcaption>{t("why.quotes")}</figcaption>
          {quotes.map((q) => (
            <blockquote key={q.observationId}>
              “{q.text}” <span class="muted">— {dataType(q.channel)}</span>
            </blockquote>
          ))}
        </figure>
      )}
    </>
  );
}
