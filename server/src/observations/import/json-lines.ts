// JSON lines (one JSON object per line, https://jsonlines.org/): what CRM
// and analytics exports write. Blank lines are skipped; a line that is not
// a JSON object is a per-row error and the others still count. Lines are
// read one at a time with indexOf (never one split array of every line), so
// a caller can stop early and an 8 MB file of bad lines never becomes
// millions of objects held at once.

export type JsonLine = { line: number; value: Record<string, unknown> };
/** A line that is not a JSON object, with why. */
export type JsonLineError = { line: number; message: string };
const NOT_AN_OBJECT = "each line must be a JSON object";

/** The lines of a JSON-lines text one at a time: an object, or an error (`message`). */
export function* jsonLines(input: string): Generator<JsonLine | JsonLineError> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
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
      yield { line, message: NOT_AN_OBJECT };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      yield { line, message: `not JSON: ${(e as Error).message}` };
      continue;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value))
      yield { line, message: NOT_AN_OBJECT };
    else yield { line, value: value as Record<string, unknown> };
  }
}
