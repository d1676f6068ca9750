// CSV export of a journal, one table a spreadsheet can filter: a `kind`
// column says what each row is — `insight` (statement, status,
// corroboration, scorecard), `evidence` (one linked observation) or
// `action`. The override reason of an insight validated on one source has
// its column; captured_at stays ISO for sorting, captured_local is the
// workspace's local time. UTF-8 with a BOM so Excel reads Vietnamese text
// right; CRLF.
import { PRINCIPLES } from "../../insights/vocabulary.ts";
import { csvCell } from "./escape.ts";
import { blobUrl, type JournalExport, quoteOf, wordsFor } from "./journal-export.ts";

export const CSV_COLUMNS = [
  "kind",
  "insight_id",
  "statement",
  "status",
  "needs",
  "channels",
  "data_types",
  "supporting_observations",
  "single_source",
  ...PRINCIPLES.flatMap((p) => [p, `${p}_note`]),
  "principles_total",
  "weakest",
  "override_reason",
  "stance",
  "observation_id",
  "channel",
  "source",
  "captured_at",
  "captured_local",
  "what",
  "quote",
  "screenshot",
  "action_id",
  "action",
  "owner",
  "due",
  "action_status",
] as const;
type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string | number | boolean | null>>;

export function renderCsv(x: JournalExport): string {
  const w = wordsFor(x.locale, x.timeZone);
  const rows: Row[] = [];
  for (const i of x.insights) {
    const scores: Row = {};
    for (const p of PRINCIPLES) {
      scores[p] = i.principles[p]?.score ?? null;
      scores[`${p}_note`] = i.principles[p]?.note ?? null;
    }
    rows.push({
      kind: "insight",
      insight_id: i.id,
      statement: i.statement,
      status: i.status,
      needs: i.needs.join("|"),
      channels: i.corroboration.channels,
      data_types: i.corroboration.dataTypes.join("|"),
      supporting_observations: i.corroboration.observations,
      single_source: i.corroboration.singleSource,
      ...scores,
      principles_total: i.scorecard.total,
      weakest: i.scorecard.weakest,
      override_reason: i.overrideReason,
    });
    for (const e of i.evidence) {
      const o = e.observation;
      rows.push({
        kind: "evidence",
        insight_id: i.id,
        stance: e.stance,
        observation_id: e.observationId,
        channel: o?.channel ?? null,
        source: o?.source ?? null,
        captured_at: o?.capturedAt ?? null,
        captured_local: o ? w.dateTime(o.capturedAt) : null,
        what: o?.what ?? null,
        quote: quoteOf(o) ?? null,
        screenshot: o?.evidence?.screenshot ? blobUrl(o.evidence.screenshot) : null,
      });
    }
    for (const a of i.actions) {
      rows.push({
        kind: "action",
        insight_id: i.id,
        action_id: a.id,
        action: a.title,
        owner: a.owner,
        due: a.due,
        action_status: a.status,
      });
    }
  }
  const lines = [
    CSV_COLUMNS.join(","),
    ...rows.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(",")),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
