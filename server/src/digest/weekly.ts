// The weekly digest of one journal owner: for each journal they own (not
// archived), the new observations of its scope by channel, new and changed
// insights, overdue actions; and the workspace's open alerts. Exact counts,
// read when the email is sent, so a retried send says what is true then.
import type { Locale } from "@sightline/shared";
import { notifications } from "@sightline/shared/i18n/notifications";
import { createTranslator } from "@sightline/shared/i18n/translate";
import { CHANNELS } from "@sightline/shared/vocabulary/channels";
import type { Db } from "../db/port.ts";
import { type EmailLine, renderEmail } from "../email/render.ts";
import { formatDay } from "../journals/export/dates.ts";

export type JournalWeek = {
  title: string;
  observations: number;
  byChannel: { channel: string; count: number }[];
  insightsNew: number;
  insightsChanged: number;
  overdue: { title: string; due: string }[];
};
export type DigestFacts = { journals: JournalWeek[]; openAlerts: number };

const DONE = new Set(["done", "dropped"]);

export async function gatherDigest(
  db: Db,
  o: { workspaceId: string; ownerId: string; fromIso: string; toIso: string },
): Promise<DigestFacts> {
  const from = Date.parse(o.fromIso);
  const to = Date.parse(o.toIso);
  const today = o.toIso.slice(0, 10);
  const inWeek = (iso: string | undefined) => {
    const ms = iso ? Date.parse(iso) : Number.NaN;
    return ms >= from && ms < to;
  };
  const journals: JournalWeek[] = [];
  for (const j of await db.listJournals(o.workspaceId)) {
    if (j.createdBy !== o.ownerId || j.archived) continue;
    const counts = new Map<string, number>();
    for (const obs of await db.scanScopedObservations(o.workspaceId, j.scope)) {
      const f = obs.fields as { capturedAt?: string; channel?: string };
      if (!inWeek(f.capturedAt)) continue;
      const ch = f.channel ?? "other";
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    const insights = await db.listInsights(o.workspaceId, j.id);
    journals.push({
      title: j.title,
      observations: [...counts.values()].reduce((a, b) => a + b, 0),
      byChannel: [...counts]
        .map(([channel, count]) => ({ channel, count }))
        .sort((a, b) => b.count - a.count),
      insightsNew: insights.filter((i) => inWeek(i.createdAt)).length,
      insightsChanged: insights.filter(
        (i) => !inWeek(i.createdAt) && Date.parse(i.createdAt) < from && inWeek(i.updatedAt),
      ).length,
      overdue: insights
        .flatMap((i) => i.actions)
        .filter((a) => a.due !== null && a.due < today && !DONE.has(a.status))
        .map((a) => ({ title: a.title, due: a.due as string }))
        .sort((a, b) => (a.due < b.due ? -1 : 1)),
    });
  }
  return { journals, openAlerts: await db.countOpenAlerts(o.workspaceId) };
}

/** The calendar day (YYYY-MM-DD) of an instant in a zone. */
function dayIn(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(ms);
}

/**
 * The last whole day the week covers, in the reader's zone: the day before
 * the one its end falls on. The week runs to Monday 01:00 UTC (the job's
 * time) — in Vietnam 08:00 Monday, in New York Sunday evening — and those
 * few hours of the next day are not "the week of … to Monday".
 */
export function lastDayOfWeek(toIso: string, timeZone: string): string {
  const end = dayIn(Date.parse(toIso), timeZone);
  return new Date(Date.parse(`${end}T12:00:00.000Z`) - 86_400_000).toISOString().slice(0, 10);
}

export function digestEmail(
  facts: DigestFacts,
  o: { locale: Locale; fromIso: string; toIso: string; timeZone?: string },
): { subject: string; text: string; html: string } {
  const t = createTranslator(notifications, o.locale, { formatNumbers: true });
  const zone = o.timeZone ?? "UTC";
  const from = formatDay(o.fromIso, o.locale, zone);
  const to = formatDay(`${lastDayOfWeek(o.toIso, zone)}T12:00:00.000Z`, o.locale, "UTC");
  const channel = (c: string) => CHANNELS[c as keyof typeof CHANNELS]?.[o.locale] ?? c;
  const lines: EmailLine[] = [{ text: t("digest.intro", { from, to }) }];
  if (facts.journals.length === 0) lines.push({ text: t("digest.noJournals") });
  for (const j of facts.journals) {
    lines.push({ text: t("digest.journal", { title: j.title }), kind: "heading" });
    lines.push({ text: t("digest.observations", { count: j.observations }), kind: "item" });
    for (const c of j.byChannel)
      lines.push({
        text: t("digest.byChannel", { channel: channel(c.channel), count: c.count }),
        kind: "item",
      });
    lines.push({ text: t("digest.insightsNew", { count: j.insightsNew }), kind: "item" });
    lines.push({ text: t("digest.insightsChanged", { count: j.insightsChanged }), kind: "item" });
    lines.push({ text: t("digest.overdue", { count: j.overdue.length }), kind: "item" });
    for (const a of j.overdue.slice(0, 20))
      lines.push({
        text: t("digest.overdueItem", { title: a.title, due: formatDay(a.due, o.locale) }),
        kind: "item",
      });
  }
  lines.push({ text: t("digest.openAlerts", { count: facts.openAlerts }), kind: "heading" });
  lines.push({ text: t("email.footer"), kind: "muted" });
  return { subject: t("digest.subject", { from, to }), ...renderEmail(lines, o.locale) };
}
