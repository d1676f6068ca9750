// CSV per RFC 4180, as spreadsheets actually write it: quoted fields with
// "" escapes and line breaks inside, CRLF or LF records, a UTF-8 BOM, and
// `,` or `;` (or tab) as delimiter — Excel in a Vietnamese or European
// locale writes `;`. Lenient where it costs nothing (a stray quote inside
// an unquoted field is kept as text); an unterminated quote is an error.
// Shared by the server's import and the web app's import screen, which
// slices a file into batches by each record's offsets.

export type CsvRecord = {
  /** 1-based line where the record starts (for per-row error messages). */
  line: number;
  /** Offsets of the record's text, line break excluded, in the text without its BOM. */
  start: number;
  end: number;
  cells: string[];
};

export type CsvFailure = { ok: false; line: number; message: string };

export type CsvResult =
  | { ok: true; delimiter: string; header: string[]; headerRecord: CsvRecord; records: CsvRecord[] }
  | CsvFailure;

/** The message of a file with no record at all (the other failure is an unclosed quote). */
export const CSV_EMPTY = "the file is empty";

/** The delimiter of the first record: the most frequent of `,` `;` tab outside quotes. */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch in counts) counts[ch] = (counts[ch] as number) + 1;
  }
  let best = ",";
  for (const d of [";", "\t"]) if ((counts[d] as number) > (counts[best] as number)) best = d;
  return best;
}

/** A CSV text without its UTF-8 BOM (record offsets count from here). */
export const withoutBom = (input: string) =>
  input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;

/**
 * The records of a CSV text (BOM already removed) one at a time, blank lines
 * skipped, so a caller can stop early (the server's import stops one record
 * past its row limit rather than building millions of records). An
 * unclosed quote is yielded as a failure and ends the records.
 */
export function* csvRecords(text: string, d: string): Generator<CsvRecord | CsvFailure> {
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const from = i;
    let end = text.length;
    const cells: string[] = [];
    let cell = "";
    let atCellStart = true;
    let ended = false;
    while (i < text.length && !ended) {
      const ch = text[i] as string;
      if (atCellStart && ch === '"') {
        // A quoted field: runs to the closing quote; "" is a literal quote.
        i++;
        let closed = false;
        while (i < text.length) {
          const c = text[i] as string;
          if (c === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === "\n") line++;
          cell += c;
          i++;
        }
        if (!closed) {
          yield { ok: false, line: start, message: "a quoted field is never closed" };
          return;
        }
        atCellStart = false;
        continue;
      }
      if (ch === d) {
        cells.push(cell);
        cell = "";
        atCellStart = true;
        i++;
      } else if (ch === "\r" || ch === "\n") {
        end = i;
        i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
        line++;
        ended = true;
      } else {
        cell += ch;
        atCellStart = false;
        i++;
      }
    }
    if (!ended) end = i;
    cells.push(cell);
    const blank = cells.length === 1 && cells[0] === "";
    if (!blank) yield { line: start, start: from, end, cells };
  }
}

/** Parse a whole CSV text; the first record is the header. Blank lines are skipped. */
export function parseCsv(input: string, delimiter?: string): CsvResult {
  const text = withoutBom(input);
  const d = delimiter ?? detectDelimiter(text);
  const records: CsvRecord[] = [];
  for (const r of csvRecords(text, d)) {
    if ("message" in r) return r;
    records.push(r);
  }
  const [head, ...rest] = records;
  if (!head) return { ok: false, line: 1, message: CSV_EMPTY };
  const header = head.cells.map((h) => h.trim());
  return { ok: true, delimiter: d, header, headerRecord: head, records: rest };
}

/** A record as an object keyed by header name; extra cells are dropped, missing ones are "". */
export const csvObject = (header: string[], r: CsvRecord) => ({
  line: r.line,
  value: Object.fromEntries(header.map((h, k) => [h, r.cells[k] ?? ""])) as Record<string, string>,
});

/** Records as objects keyed by header name; extra cells are dropped, missing ones are "". */
export function csvObjects(header: string[], records: CsvRecord[]) {
  return records.map((r) => csvObject(header, r));
}
