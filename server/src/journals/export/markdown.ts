// Markdown export of a journal: a summary (question, goal, scope, counts by
// channel, insights by status; dates local to the workspace), then every insight
// with its corroboration, scorecard, evidence (quotes and screenshots as
// blob links) and actions. Every user text is escaped (escape.ts).
import { PRINCIPLES } from "../../insights/vocabulary.ts";
import { escapeMarkdown as md } from "./escape.ts";
import {
  blobUrl,
  describeScope,
  type ExportInsight,
  type JournalExport,
  quoteOf,
  summaryFacts,
  type Words,
  wordsFor,
} from "./journal-export.ts";

export function renderMarkdown(x: JournalExport): string {
  const w = wordsFor(x.locale, x.timeZone);
  const { t } = w;
  const j = x.journal;
  const out: string[] = [
    `# ${md(j.title)}`,
    "",
    `_${t("export.generated", { at: w.dateTime(x.generatedAt) })}_`,
    "",
    `## ${t("export.summary")}`,
    "",
  ];
  if (j.question) out.push(`**${t("export.question")}:** ${md(j.question)}  `);
  if (j.goal) out.push(`**${t("export.goal")}:** ${md(j.goal)}  `);
  out.push(`**${t("export.scope")}:** ${md(describeScope(j.scope, w, x.names))}`, "");
  for (const f of summaryFacts(x, w)) out.push(`- **${f.label}:** ${md(f.value)}`);
  out.push("", `## ${t("export.insights")}`, "");
  if (x.insights.length === 0) out.push(t("export.noInsights"), "");
  const href = x.imageHref ?? blobUrl;
  x.insights.forEach((insight, k) => {
    out.push(...renderInsight(insight, k + 1, w, href));
  });
  return `${out.join("\n").trimEnd()}\n`;
}

function renderInsight(
  i: ExportInsight,
  n: number,
  w: Words,
  href: (sha256: string) => string,
): string[] {
  const { t } = w;
  const c = i.corroboration;
  const out = [`### ${n}. ${md(i.statement)}`, ""];
  out.push(`- ${t("export.status")}: ${t(`status.${i.status}`)}`);
  if (i.needs.length) out.push(`- ${t("export.needs")}: ${i.needs.map(w.need).join(", ")}`);
  out.push(
    `- ${t("export.corroboration", {
      channels: c.channels,
      types: c.dataTypes.map(w.channel).join(", ") || "—",
      observations: c.observations,
    })}${c.singleSource ? ` — **⚠ ${t("export.singleSource")}**` : ""}`,
  );
  if (c.contradicting) out.push(`- ${t("export.contradicting", { count: c.contradicting })}`);
  if (i.overrideReason) out.push(`- ${t("export.override", { reason: md(i.overrideReason) })}`);
  out.push("", `#### ${t("export.scorecard")}`, "");
  out.push(
    `| ${t("export.principle")} | ${t("export.score")} | ${t("export.note")} |`,
    "|---|---|---|",
  );
  for (const p of PRINCIPLES) {
    const s = i.principles[p];
    out.push(`| ${t(`principle.${p}`)} | ${s ? `${s.score}/3` : "—"} | ${s ? md(s.note) : ""} |`);
  }
  const weakest = i.scorecard.weakest
    ? t(`principle.${i.scorecard.weakest}`)
    : t("export.notScored");
  out.push("", t("export.total", { total: i.scorecard.total, weakest }), "");
  out.push(`#### ${t("export.evidence")}`, "");
  if (i.evidence.length === 0) out.push(t("export.noEvidence"));
  for (const e of i.evidence) {
    const o = e.observation;
    const head = `**${t(`stance.${e.stance}`)}**`;
    if (!o) {
      out.push(`- ${head} · ${t("export.deleted")}`);
      continue;
    }
    const where =
      o.channel === "import" && o.source
        ? `${w.channel("import")} (${md(o.source)})`
        : w.channel(o.channel);
    out.push(`- ${head} · ${where} · ${w.day(o.capturedAt)} · ${md(o.what)}`);
    if (e.note) out.push(`  ${md(e.note)}`);
    const quote = quoteOf(o);
    if (quote) for (const line of quote.split(/\r?\n/)) out.push(`  > ${md(line)}`);
    if (o.evidence?.screenshot)
      out.push(`  ![${t("export.screenshot")}](${href(o.evidence.screenshot)})`);
  }
  out.push("", `#### ${t("export.actions")}`, "");
  if (i.actions.length === 0) out.push(t("export.noActions"));
  for (const a of i.actions) {
    const meta = [
      a.owner ? `${t("export.owner")}: ${md(a.owner)}` : "",
      a.due ? `${t("export.due")}: ${w.day(a.due)}` : "",
      t(`action.${a.status}`),
    ].filter(Boolean);
    out.push(`- [${a.status === "done" ? "x" : " "}] ${md(a.title)} — ${meta.join(" · ")}`);
  }
  out.push("");
  return out;
}
