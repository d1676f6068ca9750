// JSON lines (one JSON object per line, https://jsonlines.org/): what CRM
// and analytics exports write. Blank lines are skipped; a line that is not
// a JSON object is a per-row error and the others still count.

export type JsonLine = { line: number; value: Record<string, unknown> };
export type JsonLinesResult = {
  rows: JsonLine[];
  errors: Array<{ line: number; message: string }>;
};

export function parseJsonLines(input: string): JsonLinesResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: JsonLine[] = [];
  const errors: JsonLinesResult["errors"] = [];
  text.split(/\r?\n/).forEach((raw, k) => {
    const line = k + 1;
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      errors.push({ line, message: `not JSON: ${(e as Error).message}` });
      return;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      errors.push({ line, message: "each line must be a JSON object" });
      return;
    }
    rows.push({ line, value: value as Record<string, unknown> });
  });
  return { rows, errors };
}
