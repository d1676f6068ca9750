// The import screen's preview (POST /v1/observations/import/preview): the
// file's columns, the field each column would feed when nothing is mapped by
// hand (the same guess as the import, map-rows.ts planColumns), the row id
// column, and the first rows as text — nothing checked row by row, nothing
// written. The screen shows it, lets the manager change the mapping, then
// dry-runs and imports with the chosen mapping.

import type { ImportField } from "@sightline/shared/import/columns";
import { csvObjects, parseCsv } from "@sightline/shared/import/csv";
import { parseJsonLines } from "./json-lines.ts";
import { planColumns, type RowError } from "./map-rows.ts";
import type { ImportFormat } from "./parse-import.ts";

export const PREVIEW_ROWS = 20;

export type ImportPreview = {
  format: ImportFormat;
  columns: string[];
  /** field → column, as the import would read the file without a mapping. */
  mapping: Partial<Record<ImportField, string>>;
  rowIdColumn: string | null;
  /** The first rows, each cell as text ("" when empty). */
  rows: Record<string, string>[];
  /** Rows in the file (not counting the header). */
  total: number;
};

const cell = (v: unknown) =>
  v === null || v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v);

export function previewImport(
  content: string,
  format: ImportFormat,
):
  | { ok: true; preview: ImportPreview }
  | { ok: false; errors: Array<RowError & { line?: number }> } {
  let lines: Array<{ value: Record<string, unknown> }>;
  let columns: string[];
  if (format === "csv") {
    const csv = parseCsv(content);
    if (!csv.ok)
      return { ok: false, errors: [{ path: "file", line: csv.line, message: csv.message }] };
    lines = csvObjects(csv.header, csv.records);
    columns = csv.header;
  } else {
    lines = parseJsonLines(content, 0).rows;
    columns = [...new Set(lines.flatMap((l) => Object.keys(l.value)))];
  }
  const mapping: Partial<Record<ImportField, string>> = {};
  let rowIdColumn: string | null = null;
  const planned = planColumns(columns, {});
  if (planned.ok) {
    Object.assign(mapping, planned.plan.columns);
    rowIdColumn = planned.plan.rowId;
  } else if (columns[0] !== undefined) {
    // No text column found: still show what the other columns would feed.
    const guess = planColumns(columns, { mapping: { what: columns[0] } });
    if (guess.ok) {
      const { what: _, ...rest } = guess.plan.columns;
      Object.assign(mapping, rest);
      rowIdColumn = guess.plan.rowId;
    }
  }
  return {
    ok: true,
    preview: {
      format,
      columns,
      mapping,
      rowIdColumn,
      rows: lines
        .slice(0, PREVIEW_ROWS)
        .map((l) => Object.fromEntries(columns.map((c) => [c, cell(l.value[c])]))),
      total: lines.length,
    },
  };
}
