// An import file read in the browser, for the import screen: CSV (`,` `;` or
// tab, quoted fields with line breaks, BOM) or JSON lines, as a header and
// rows that keep their original text and line — so the screen can preview
// the first rows, ask the server how it reads the columns (a sample of the
// file, not all of it), and send the file in slices (a progress bar) whose
// row errors still name the line of the whole file.
import { IMPORT_FIELDS } from "@sightline/shared/import/columns";
import { CSV_EMPTY, type CsvRecord, csvObjects, parseCsv } from "@sightline/shared/import/csv";
import type { ImportField } from "../api/client.ts";

export type ImportFormat = "csv" | "jsonl";
export type ImportRow = { line: number; raw: string; values: Record<string, string> };
export type ImportFile = {
  format: ImportFormat;
  header: string[];
  /** CSV: the header record's text (repeated at the top of every slice). */
  headerRaw: string;
  rows: ImportRow[];
};

export type MappingField = ImportField | "rowId";
/** The fields the screen maps, in the order it shows them. */
export const MAPPED_FIELDS: readonly MappingField[] = [
  "what",
  "who",
  "where",
  "why",
  "how",
  "capturedAt",
  "storeId",
  "competitorId",
  "needs",
  "tags",
  "rowId",
];

export function formatOf(name: string, text: string): ImportFormat {
  if (/\.(jsonl|ndjson|json)$/i.test(name)) return "jsonl";
  if (/\.(csv|tsv|txt)$/i.test(name)) return "csv";
  return text
    .replace(/^\uFEFF/, "")
    .trimStart()
    .startsWith("{")
    ? "jsonl"
    : "csv";
}

export function readImportFile(name: string, input: string): ImportFile | { error: string } {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  return formatOf(name, text) === "jsonl" ? readJsonLines(text) : readCsv(text);
}

function readJsonLines(text: string): ImportFile | { error: string } {
  const rows: ImportRow[] = [];
  const keys = new Set<string>();
  text.split("\n").forEach((rawLine, k) => {
    const raw = rawLine.replace(/\r$/, "");
    if (!raw.trim()) return;
    let values: Record<string, string> = {};
    try {
      const v = JSON.parse(raw) as unknown;
      if (v && typeof v === "object" && !Array.isArray(v)) {
        values = Object.fromEntries(
          Object.entries(v).map(([key, x]) => [
            key,
            typeof x === "string" ? x : Array.isArray(x) ? x.join(", ") : JSON.stringify(x),
          ]),
        );
        if (rows.length < 200) for (const key of Object.keys(values)) keys.add(key);
      }
    } catch {
      // a bad line still goes to the server, which reports it with its line
    }
    rows.push({ line: k + 1, raw, values });
  });
  if (rows.length === 0) return { error: "empty" };
  return { format: "jsonl", header: [...keys], headerRaw: "", rows };
}

function readCsv(text: string): ImportFile | { error: string } {
  const csv = parseCsv(text);
  if (!csv.ok) return { error: csv.message === CSV_EMPTY ? "empty" : "quote" };
  const { header, headerRecord } = csv;
  return {
    format: "csv",
    header,
    headerRaw: text.slice(headerRecord.start, headerRecord.end),
    rows: csvObjects(header, csv.records).map((r, k) => {
      const rec = csv.records[k] as CsvRecord;
      return { line: r.line, raw: text.slice(rec.start, rec.end), values: r.value };
    }),
  };
}

/** Rows sent to the server's preview: enough to see every JSON-lines key the screen lists. */
export const PREVIEW_SAMPLE_ROWS = 200;

/** The first rows of the file as a file of their own, for `POST …/import/preview`. */
export function previewSample(file: ImportFile): string {
  const first = slices(file, PREVIEW_SAMPLE_ROWS)[0];
  return first ? first.content : `${file.headerRaw}\n`;
}

type ServerPreview = { mapping: Record<string, string>; rowIdColumn: string | null };

/**
 * The mapping the screen starts from: the server's own reading of the file
 * (its preview), so the screen can never guess differently from the import.
 * Only the fields the import knows and columns the file has are kept.
 */
export function mappingFromPreview(
  preview: ServerPreview,
  header: readonly string[],
): Partial<Record<MappingField, string>> {
  const out: Partial<Record<MappingField, string>> = {};
  const has = (column: string | null | undefined): column is string =>
    typeof column === "string" && header.includes(column);
  for (const field of IMPORT_FIELDS) {
    const column = preview.mapping[field];
    if (has(column)) out[field] = column;
  }
  if (has(preview.rowIdColumn)) out.rowId = preview.rowIdColumn;
  return out;
}

export type ImportSlice = {
  content: string;
  rows: number;
  /** The slice's line → the whole file's line (for row errors). */
  lineOf: (sliceLine: number) => number;
};

/** The file in slices of `size` rows, each a valid file of its own (CSV: with the header). */
export function slices(file: ImportFile, size: number): ImportSlice[] {
  const out: ImportSlice[] = [];
  const headerLines = file.format === "csv" ? file.headerRaw.split("\n").length : 0;
  for (let k = 0; k < file.rows.length; k += size) {
    const part = file.rows.slice(k, k + size);
    const map = new Map<number, number>();
    let at = headerLines + 1;
    for (const r of part) {
      map.set(at, r.line);
      at += r.raw.split("\n").length;
    }
    const body = part.map((r) => r.raw).join("\n");
    out.push({
      content: file.format === "csv" ? `${file.headerRaw}\n${body}\n` : `${body}\n`,
      rows: part.length,
      lineOf: (n) => map.get(n) ?? n,
    });
  }
  return out;
}
