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
import type { InsightView, Journal, JournalScope, ObservationView } from "../model.ts";
import { type ExportKey, exportCatalog } from "./catalog.ts";

export type ExportEvidence = InsightView["evidence"][number] & {
  observation: ObservationView | null;
};
export type ExportInsight = Omit<InsightView, "evidence"> & { evidence: ExportEvidence[] };

export type JournalExport = {
  journal: Journal;
  insights: ExportInsight[];
  generatedAt: string;
  locale: Locale;
  /** Display names for ids in the scope (stores, competitors). */
  names?: { stores?: Record<string, string>; competitors?: Record<string, string> };
};

export const EXPORT_FORMATS = ["md", "csv", "json", "html"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The blob URL of a screenshot, as served by GET /v1/blobs/:sha256. */
export const blobUrl = (sha256: string) => `/v1/blobs/${sha256}`;

export type Words = {
  t: Translate<typeof exportCatalog>;
  need: (n: NeedCode) => string;
  channel: (c: string) => string;
  key: (k: ExportKey) => string;
};

export function wordsFor(locale: Locale): Words {
  const t = createTranslator(exportCatalog, locale);
  return {
    t,
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
  if (s.from || s.to) parts.push(`${s.from ?? "…"} → ${s.to ?? "…"}`);
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
