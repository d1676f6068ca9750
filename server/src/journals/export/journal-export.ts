// What every export format renders: the journal, its insights with their
// evidence (the observation, or null when it was deleted since), and the
// words to render them in.
import {
  CHANNELS,
  createTranslator,
  type Locale,
  NEEDS,
  type NeedCode,
  type Translate,
} from "@sightline/shared";
import type { InsightStatus } from "../../insights/vocabulary.ts";
import type { InsightView, Journal, JournalScope, ObservationView } from "../model.ts";
import { type ExportKey, exportCatalog } from "./catalog.ts";
import { formatDateTime, formatDay } from "./dates.ts";

export type ExportEvidence = InsightView["evidence"][number] & {
  observation: ObservationView | null;
};
export type ExportInsight = Omit<InsightView, "evidence"> & { evidence: ExportEvidence[] };

/** The counts an export opens with. */
export type ExportSummary = {
  /** Observations in the journal's whole scope. */
  observations: number;
  byChannel: Record<string, number>;
  insightsByStatus: Partial<Record<InsightStatus, number>>;
};

/** A screenshot's bytes (HTML embeds them as data URIs; the zip ships them as files). */
export type ExportImage = { contentType: string; bytes: Uint8Array };

export type JournalExport = {
  journal: Journal;
  summary?: ExportSummary;
  /** The workspace's time zone: dates are written in it (default UTC). */
  timeZone?: string;
  /** Screenshot bytes by sha256; a screenshot missing here links to the blob route. */
  images?: ReadonlyMap<string, ExportImage>;
  /** Markdown: where a screenshot is linked from (the zip's images/ folder); default the blob route. */
  imageHref?: (sha256: string) => string;
  insights: ExportInsight[];
  generatedAt: string;
  locale: Locale;
  /** Display names for ids in the scope (stores, competitors). */
  names?: { stores?: Record<string, string>; competitors?: Record<string, string> };
};

export const EXPORT_FORMATS = ["md", "csv", "json", "html", "zip"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The blob URL of a screenshot, as served by GET /v1/blobs/:sha256. */
export const blobUrl = (sha256: string) => `/v1/blobs/${sha256}`;

export type Words = {
  t: Translate<typeof exportCatalog>;
  /** An instant as a local day ("11/03/2024"; "11 Mar 2024"). */
  day: (iso: string) => string;
  /** An instant as a local day and time. */
  dateTime: (iso: string) => string;
  need: (n: NeedCode) => string;
  channel: (c: string) => string;
  key: (k: ExportKey) => string;
};

export function wordsFor(locale: Locale, timeZone = "UTC"): Words {
  const t = createTranslator(exportCatalog, locale);
  return {
    t,
    // A bare date (a scope bound, a due date) is that calendar day wherever one reads it.
    day: (iso) => formatDay(iso, locale, /^\d{4}-\d{2}-\d{2}$/.test(iso) ? "UTC" : timeZone),
    dateTime: (iso) => formatDateTime(iso, locale, timeZone),
    key: (k) => t(k),
    need: (n) => NEEDS[n]?.[locale] ?? n,
    channel: (c) => {
      if (c.startsWith("import:")) return `${CHANNELS.import[locale]} (${c.slice(7)})`;
      return CHANNELS[c as keyof typeof CHANNELS]?.[locale] ?? c;
    },
  };
}

/** A one-line description of a journal scope. */
export function describeScope(
  s: JournalScope,
  w: Words,
  names: JournalExport["names"] = {},
): string {
  const parts: string[] = [];
  if (s.from || s.to) parts.push(`${s.from ? w.day(s.from) : "…"} → ${s.to ? w.day(s.to) : "…"}`);
  if (s.channels?.length) parts.push(s.channels.map(w.channel).join(", "));
  if (s.storeIds?.length) parts.push(s.storeIds.map((id) => names.stores?.[id] ?? id).join(", "));
  if (s.competitorIds?.length) {
    parts.push(s.competitorIds.map((id) => names.competitors?.[id] ?? id).join(", "));
  }
  if (s.needs?.length) parts.push(s.needs.map(w.need).join(", "));
  if (s.tags?.length) parts.push(s.tags.map((t) => `#${t}`).join(" "));
  return parts.length ? parts.join(" · ") : w.t("export.scope.all");
}

/** The quote of an observation's evidence, if any. */
export const quoteOf = (o: ObservationView | null) => o?.evidence?.quote;

/** The summary's lines, in order: observations in scope, per channel, insights per status. */
export function summaryFacts(x: JournalExport, w: Words): { label: string; value: string }[] {
  const s = x.summary;
  if (!s) return [];
  const { t } = w;
  const channels = Object.entries(s.byChannel)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${w.channel(c)} ${n}`)
    .join(" · ");
  const statuses = Object.entries(s.insightsByStatus)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([st, n]) => `${t(`status.${st as InsightStatus}`)} ${n}`)
    .join(" · ");
  return [
    {
      label: t("export.observations"),
      value: t("export.observationCount", { count: s.observations }),
    },
    { label: t("export.byChannel"), value: channels || "—" },
    {
      label: t("export.insightsByStatus"),
      value: `${t("export.insightCount", { count: x.insights.length })}${statuses ? ` (${statuses})` : ""}`,
    },
  ];
}
