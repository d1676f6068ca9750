// Every string we capture ends up on the wire with a length cap (see
// shared/src/schema). Capping here, at the source, keeps a capture valid
// instead of having the whole observation rejected by the server.

/**
 * `s` cut to at most `max` UTF-16 units, never splitting a surrogate pair.
 * Appends nothing: callers store exact page text, not decorated text.
 */
export function capText(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.charCodeAt(max - 1);
  const end = cut >= 0xd800 && cut <= 0xdbff ? max - 1 : max;
  return s.slice(0, end);
}

/** Trim and collapse runs of whitespace to one space, then cap. */
export function collapseText(s: string, max: number): string {
  return capText(s.replace(/\s+/g, " ").trim(), max);
}
