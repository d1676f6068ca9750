// One import file → mapped rows: CSV or JSON lines, columns planned once,
// every row mapped (map-rows.ts). A file-level problem (unreadable CSV, a
// mapped column that does not exist) fails the whole file; row problems are
// listed per row and the good rows still go in. A row id seen twice in one
// file keeps its first row.
import { csvObjects, parseCsv } from "@sightline/shared/import/csv";
import { parseJsonLines } from "./json-lines.ts";
import {
  type ImportOptions,
  type MappedRow,
  mapRow,
  planColumns,
  type RowError,
} from "./map-rows.ts";

export const IMPORT_FORMATS = ["csv", "jsonl"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
/** Rows per request; bigger files go in several requests. */
export const MAX_IMPORT_ROWS = 20_000;
/** Row errors listed in a report; beyond, they are only counted (a bounded answer). */
export const MAX_REPORTED_ERRORS = 1000;

export type ParsedImport =
  /** `uncounted`: bad lines counted but not among `rows` (beyond MAX_REPORTED_ERRORS). */
  | { ok: true; rows: MappedRow[]; uncounted?: number }
  | { ok: false; errors: Array<RowError & { line?: number }> };

export function parseImport(content: string, format: ImportFormat, o: ImportOptions): ParsedImport {
  let lines: Array<{ line: number; value: Record<string, unknown> }>;
  let uncounted = 0;
  const early: MappedRow[] = [];
  if (format === "csv") {
    const csv = parseCsv(content);
    if (!csv.ok)
      return { ok: false, errors: [{ path: "file", line: csv.line, message: csv.message }] };
    lines = csvObjects(csv.header, csv.records);
  } else {
    const jl = parseJsonLines(content, MAX_REPORTED_ERRORS);
    lines = jl.rows;
    uncounted = jl.errorCount - jl.errors.length;
    for (const e of jl.errors)
      early.push({ ok: false, line: e.line, errors: [{ path: "(row)", message: e.message }] });
  }
  if (lines.length > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      errors: [{ path: "file", message: `more than ${MAX_IMPORT_ROWS} rows; split the file` }],
    };
  }
  const header = [...new Set(lines.flatMap((l) => Object.keys(l.value)))];
  if (lines.length === 0) return { ok: true, rows: early, uncounted };
  const planned = planColumns(header, o);
  if (!planned.ok) return { ok: false, errors: planned.errors };
  const seen = new Set<string>();
  const rows = lines.map((l): MappedRow => {
    const r = mapRow(l.line, l.value, planned.plan, o);
    if (r.sourceRowId === undefined) return r;
    if (seen.has(r.sourceRowId)) {
      return {
        ok: false,
        line: l.line,
        sourceRowId: r.sourceRowId,
        errors: [
          {
            path: "(row)",
            message: `row id "${r.sourceRowId}" already appears earlier in this file`,
          },
        ],
      };
    }
    seen.add(r.sourceRowId);
    return r;
  });
  return { ok: true, rows: [...early, ...rows].sort((a, b) => a.line - b.line), uncounted };
}
