// One import file → mapped rows: CSV or JSON lines, columns planned once,
// every row mapped (map-rows.ts). A file-level problem (unreadable CSV, a
// mapped column that does not exist) fails the whole file; row problems are
// listed per row and the good rows still go in. A row id seen twice in one
// file keeps its first row.

import { timeSlicer } from "../../runtime/time-slice.ts";
import type { JsonLine } from "./json-lines.ts";
import {
  type ImportOptions,
  type MappedRow,
  mapRow,
  planColumns,
  type RowError,
} from "./map-rows.ts";
import { type ImportFormat, readRows } from "./read-rows.ts";

export { IMPORT_FORMATS, type ImportFormat } from "./read-rows.ts";
/** Rows per request; bigger files go in several requests. */
export const MAX_IMPORT_ROWS = 20_000;
/** Row errors listed in a report; beyond, they are only counted (a bounded answer). */
export const MAX_REPORTED_ERRORS = 1000;

export type ParsedImport =
  /** `uncounted`: bad lines counted but not among `rows` (beyond MAX_REPORTED_ERRORS). */
  | { ok: true; rows: MappedRow[]; uncounted?: number }
  | { ok: false; errors: Array<RowError & { line?: number }> };

/**
 * Read and map one file. Rows are read one at a time and reading stops at
 * the first row over MAX_IMPORT_ROWS (the file is refused whole), so an
 * oversized file of tiny rows costs no more than a full one.
 */
export async function parseImport(
  content: string,
  format: ImportFormat,
  o: ImportOptions,
): Promise<ParsedImport> {
  const lines: JsonLine[] = [];
  let tooMany = false;
  const read = await readRows(
    content,
    format,
    (row) => {
      if (lines.length === MAX_IMPORT_ROWS) {
        tooMany = true;
        return false;
      }
      lines.push(row);
      return true;
    },
    MAX_REPORTED_ERRORS,
  );
  if (!read.ok)
    return { ok: false, errors: [{ path: "file", line: read.line, message: read.message }] };
  if (tooMany) {
    return {
      ok: false,
      errors: [{ path: "file", message: `more than ${MAX_IMPORT_ROWS} rows; split the file` }],
    };
  }
  const uncounted = read.errorCount - read.errors.length;
  const early = read.errors.map(
    (e): MappedRow => ({
      ok: false,
      line: e.line,
      errors: [{ path: "(row)", message: e.message }],
    }),
  );
  const header = [...new Set(lines.flatMap((l) => Object.keys(l.value)))];
  if (lines.length === 0) return { ok: true, rows: early, uncounted };
  const planned = planColumns(header, o);
  if (!planned.ok) return { ok: false, errors: planned.errors };
  const seen = new Set<string>();
  const rows: MappedRow[] = [];
  // Mapping 20,000 rows takes a few hundred ms: let other requests in between.
  const pause = timeSlicer();
  for (const l of lines) {
    const wait = rows.length % 256 === 255 ? pause() : undefined;
    if (wait) await wait;
    const r = mapRow(l.line, l.value, planned.plan, o);
    if (r.sourceRowId !== undefined && seen.has(r.sourceRowId)) {
      rows.push({
        ok: false,
        line: l.line,
        sourceRowId: r.sourceRowId,
        errors: [
          {
            path: "(row)",
            message: `row id "${r.sourceRowId}" already appears earlier in this file`,
          },
        ],
      });
      continue;
    }
    if (r.sourceRowId !== undefined) seen.add(r.sourceRowId);
    rows.push(r);
  }
  return { ok: true, rows: [...early, ...rows].sort((a, b) => a.line - b.line), uncounted };
}
