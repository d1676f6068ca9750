// JSON lines (one JSON object per line, https://jsonlines.org/): what CRM
// and analytics exports write. Blank lines are skipped; a line that is not
// a JSON object is a per-row error and the others still count. Only the
// first `maxErrors` errors are kept; the rest are counted (an 8 MB file of
// bad lines must not become millions of error objects), and lines are found
// with indexOf rather than one split array of every line.

export type JsonLine = { line: number; value: Record<string, unknown> };
export type JsonLinesResult = {
  rows: JsonLine[];
  errors: Array<{ line: number; message: string }>;
  /** Every bad line, kept in `errors` or not. */
  errorCount: number;
};

export function parseJsonLines(
  input: string,
  maxErrors = Number.POSITIVE_INFINITY,
): JsonLinesResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: JsonLine[] = [];
  const errors: JsonLinesResult["errors"] = [];
  let errorCount = 0;
  const fail = (line: number, message: () => string) => {
    errorCount++;
    if (errors.length < maxErrors) errors.push({ line, message: message() });
  };
  let line = 0;
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf("\n", start);
    const end = nl === -1 ? text.length : nl;
    const raw = text.slice(start, end > start && text[end - 1] === "\r" ? end - 1 : end);
    start = end + 1;
    line++;
    const trimmed = raw.trim();
    if (trimmed === "") continue;
    // Not even the start of an object: no parse (and no exception) needed.
    if (trimmed[0] !== "{") {
      fail(line, () => "each line must be a JSON object");
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      fail(line, () => `not JSON: ${(e as Error).message}`);
      continue;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      fail(line, () => "each line must be a JSON object");
      continue;
    }
    rows.push({ line, value: value as Record<string, unknown> });
  }
  return { rows, errors, errorCount };
}
