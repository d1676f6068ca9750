// One observation in the merged timeline: channel badge, time, 5W1H meter,
// what was seen, the other Ws, quote, screenshot, needs and tags. Draggable
// onto an insight; in pick mode it offers supports / contradicts / context.
import { METHODS, type Method } from "@sightline/shared/vocabulary/methods";
import { NEEDS, type NeedCode } from "@sightline/shared/vocabulary/needs";
import { type Observation, STANCES, type Stance } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ChannelBadge } from "../ui/channel-badge.tsx";
import { formatDateTime } from "../ui/format.ts";
import { useTimeZone } from "../ui/time-zone.ts";
import { startObservationDrag } from "./evidence-drag.ts";
import { FiveW1HMeter } from "./five-w1h-meter.tsx";
import type { Lookup } from "./journal-lookup.ts";
import { MarkedText } from "./marked-text.tsx";
import { RatingFace } from "./rating-face.tsx";

export type PickTarget = {
  insightNumber: number;
  onPick: (observationId: string, stance: Stance) => void;
};

/** A timeline row: the observation, with the names and search marks the timeline query adds. */
type Row = Observation & {
  storeName?: string | null | undefined;
  competitorName?: string | null | undefined;
  marks?: Record<string, [number, number][]> | undefined;
};

type Props = {
  observation: Row;
  lookup: Lookup;
  linkedTo: readonly number[];
  pick: PickTarget | null;
  fresh: boolean;
  highlighted: boolean;
  draggable: boolean;
};

export function TimelineItem({
  observation: o,
  lookup,
  linkedTo,
  pick,
  fresh,
  highlighted,
  draggable,
}: Props) {
  const { api } = useApp();
  const { t, label, locale } = useI18n();
  const timeZone = useTimeZone();
  const marks = o.marks ?? {};
  const m = (field: string, text: string) => <MarkedText text={text} ranges={marks[field]} />;
  const method = Object.hasOwn(METHODS, o.method ?? "") ? METHODS[o.method as Method] : undefined;
  const storeName = o.storeName ?? lookup.storeName(o.storeId);
  const competitorName = o.competitorName ?? lookup.competitorName(o.competitorId);
  const place = [
    storeName && m("storeName", storeName),
    o.zone,
    competitorName && m("competitorName", competitorName),
    o.eventName,
    o.booth,
  ].filter(Boolean);
  const behaviour = lookup.behaviourLabel(o.storeId, o.behaviour);
  const ws: [string, string, string | undefined][] = [
    ["who", t("w.who"), o.who],
    ["where", t("w.where"), o.where],
    ["why", t("w.why"), o.why],
    ["how", t("w.how"), o.how],
  ];
  const classes = [
    "obs",
    `ch-line-${o.channel}`,
    fresh && "fresh",
    highlighted && "highlighted",
    pick && "picking",
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <article
      class={classes}
      draggable={draggable}
      onDragStart={(e) => startObservationDrag(e, o.id)}
      data-observation-id={o.id}
      aria-label={o.what}
    >
      <header class="obs-head">
        <ChannelBadge channel={o.channel} source={o.source} />
        {method && <span class="method muted">{label(method)}</span>}
        <time class="muted" dateTime={o.capturedAt}>
          {formatDateTime(o.capturedAt, locale, timeZone)}
        </time>
        <span class="spacer" />
        {linkedTo.map((n) => (
          <span key={n} class="linked" title={t("timeline.linkedTo", { n })}>
            #{n}
          </span>
        ))}
        <FiveW1HMeter observation={o} />
      </header>
      {place.length > 0 && (
        <p class="place muted">
          {place.map((p, i) => (
            <span key={i}>
              {i > 0 && " · "}
              {p}
            </span>
          ))}
        </p>
      )}
      <div class="obs-body">
        {o.channel === "feedback" && o.rating !== undefined && <RatingFace rating={o.rating} />}
        <div class="obs-text">
          {behaviour && behaviour !== o.what && <span class="behaviour">{behaviour}</span>}
          <p class="what">{m("what", o.what)}</p>
          {o.question && <p class="muted small">{t("timeline.question", { q: o.question })}</p>}
          {o.reasons && o.reasons.length > 0 && (
            <p class="small">
              {o.reasons.map((r) => lookup.reasonLabel(o.storeId, r)).join(" · ")}
            </p>
          )}
          {o.suspect && <span class="tag warn">{t("timeline.suspect")}</span>}
        </div>
      </div>
      {ws.some(([, , v]) => v) && (
        <dl class="ws">
          {ws.map(([field, k, v]) =>
            v ? (
              <div key={field}>
                <dt>{k}</dt>
                <dd>{m(field, v)}</dd>
              </div>
            ) : null,
          )}
        </dl>
      )}
      {o.evidence?.quote && (
        <blockquote class="quote">
          {o.evidence.prefix && <span class="ctx">…{o.evidence.prefix}</span>}
          <span class="quote-text">{m("evidence.quote", o.evidence.quote)}</span>
          {o.evidence.suffix && <span class="ctx">{o.evidence.suffix}…</span>}
        </blockquote>
      )}
      {o.evidence?.facts?.prices && o.evidence.facts.prices.length > 0 && (
        <p class="prices">
          {o.evidence.facts.prices.map((p) => (
            <span key={`${p.amount}${p.currency}`} class="price">
              {new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB", {
                style: "currency",
                currency: p.currency,
                maximumFractionDigits: 0,
              }).format(p.amount)}
            </span>
          ))}
        </p>
      )}
      {o.evidence?.screenshot && (
        <a class="shot" href={api.blobUrl(o.evidence.screenshot)} target="_blank" rel="noopener">
          <img
            src={api.blobUrl(o.evidence.screenshot)}
            alt={t("timeline.screenshot")}
            loading="lazy"
          />
        </a>
      )}
      {o.url && (
        <p class="small url">
          <a href={o.url} target="_blank" rel="noopener noreferrer">
            {o.pageTitle || o.url}
          </a>
        </p>
      )}
      {((o.needs?.length ?? 0) > 0 || (o.tags?.length ?? 0) > 0) && (
        <p class="tags">
          {(o.needs ?? []).map((n) => (
            <span key={n} class="need">
              {Object.hasOwn(NEEDS, n) ? label(NEEDS[n as NeedCode]) : n}
            </span>
          ))}
          {(o.tags ?? []).map((x, i) => (
            <span key={x} class="tag">
              #{m(`tags.${i}`, x)}
            </span>
          ))}
        </p>
      )}
      {pick && (
        <fieldset class="pick-row">
          <legend class="small">{t("pick.addTo", { n: pick.insightNumber })}</legend>
          {STANCES.map((s) => (
            <button
              key={s}
              type="button"
              class={`btn small stance-${s}`}
              onClick={() => pick.onPick(o.id, s)}
            >
              {t(`stance.${s}`)}
            </button>
          ))}
        </fieldset>
      )}
    </article>
  );
}
