// The import screen's preview (POST /v1/observations/import/preview): the
// file's columns, the field each column would feed when nothing is mapped by
// hand (the same guess as the import, map-rows.ts planColumns), the row id
// column, and the first rows as text — nothing checked row by row, nothing
// written. The screen shows it, lets the manager change the mapping, then
// dry-runs and imports with the chosen mapping.

import type { ImportField } from "@sightline/shared/import/columns";
import { planColumns, type RowError } from "./map-rows.ts";
import { type ImportFormat, readRows } from "./read-rows.ts";

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

/**
 * Read the whole file once, row by row, keeping only the first PREVIEW_ROWS
 * rows (and, for JSON lines, every key seen): a big file is counted, never
 * held.
 */
export async function previewImport(
  content: string,
  format: ImportFormat,
): Promise<
  { ok: true; preview: ImportPreview } | { ok: false; errors: Array<RowError & { line?: number }> }
> {
  const first: Array<Record<string, unknown>> = [];
  const keys = new Set<string>();
  let total = 0;
  const read = await readRows(content, format, (row) => {
    total++;
    if (first.length < PREVIEW_ROWS) first.push(row.value);
    if (format === "jsonl") for (const k of Object.keys(row.value)) keys.add(k);
    return true;
  });
  if (!read.ok)
    return { ok: false, errors: [{ path: "file", line: read.line, message: read.message }] };
  const columns = format === "csv" ? read.header : [...keys];
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
      rows: first.map((v) => Object.fromEntries(columns.map((c) => [c, cell(v[c])]))),
      total,
    },
  };
}
