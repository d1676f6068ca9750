// An import file's rows, read one at a time and handed to a sink that keeps
// what it needs and says when to stop. Nothing is built for the whole file
// at once: an 8 MB file of four million one-cell rows once became four
// million records before the row limit was checked (1.8 GB of memory, a
// 16 s stall). The loop yields to the event loop every few milliseconds,
// so a long file never holds other requests for long.
import {
  CSV_EMPTY,
  csvObject,
  csvRecords,
  detectDelimiter,
  withoutBom,
} from "@sightline/shared/import/csv";
import { timeSlicer } from "../../runtime/time-slice.ts";
import { type JsonLine, type JsonLineError, jsonLines } from "./json-lines.ts";

export const IMPORT_FORMATS = ["csv", "jsonl"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export type RowsRead =
  | {
      ok: true;
      /** CSV: the header's names; JSON lines: none (each line has its own keys). */
      header: string[];
      /** The first `maxErrors` lines that are not JSON objects (JSON lines only). */
      errors: JsonLineError[];
      /** Every such line, listed or not. */
      errorCount: number;
    }
  | { ok: false; line: number; message: string };

/** Return false to stop reading (the rows so far stand; later ones are never parsed). */
export type RowSink = (row: JsonLine) => boolean;

/** How many rows go by between looks at the clock. */
const CHECK_EVERY = 256;

export async function readRows(
  content: string,
  format: ImportFormat,
  sink: RowSink,
  maxErrors = 0,
): Promise<RowsRead> {
  const pause = timeSlicer();
  let n = 0;
  // A promise only when it is time to yield: awaiting on every row would
  // cost a microtask per row.
  const turn = () => (++n % CHECK_EVERY === 0 ? pause() : undefined);
  if (format === "csv") {
    const text = withoutBom(content);
    let header: string[] | null = null;
    for (const r of csvRecords(text, detectDelimiter(text))) {
      if ("message" in r) return r;
      if (header === null) {
        header = r.cells.map((h) => h.trim());
        continue;
      }
      if (!sink(csvObject(header, r))) break;
      const wait = turn();
      if (wait) await wait;
    }
    if (header === null) return { ok: false, line: 1, message: CSV_EMPTY };
    return { ok: true, header, errors: [], errorCount: 0 };
  }
  const errors: JsonLineError[] = [];
  let errorCount = 0;
  for (const l of jsonLines(content)) {
    if ("value" in l) {
      if (!sink(l)) break;
    } else if (errorCount++ < maxErrors) errors.push(l);
    const wait = turn();
    if (wait) await wait;
  }
  return { ok: true, header: [], errors, errorCount };
}
