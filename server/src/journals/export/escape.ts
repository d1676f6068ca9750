// Escaping for each export format: user text never becomes markup.

const HTML: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text safe in HTML element content and quoted attribute values. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML[c] as string);

/**
 * Text safe inline in Markdown (CommonMark): inline markup characters are
 * backslash-escaped, line breaks become spaces, and a line cannot start a
 * list, heading or quote.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/\s*[\r\n]+\s*/g, " ")
    .replace(/[\\`*_{}[\]<>|!#~]|&(?=#?\w+;)/g, "\\$&")
    .replace(/^[-+=]/, "\\$&")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma or line
 * break; a leading = + - @ tab or CR is neutralised with an apostrophe so
 * a spreadsheet never runs it as a formula (CSV injection).
 */
export function csvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return "";
  let s = String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
