// Plain text and a small HTML twin from one list of lines, so both parts of
// an email say the same thing. Every value is escaped in the HTML.
export type EmailLine = { text: string; kind?: "heading" | "item" | "muted" };

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "#39" }[c]};`,
  );

export function renderEmail(
  lines: readonly EmailLine[],
  lang: string,
): { text: string; html: string } {
  const text = lines
    .map((l) =>
      l.kind === "heading" ? `\n${l.text}` : l.kind === "item" ? `  • ${l.text}` : l.text,
    )
    .join("\n")
    .trim();
  const body = lines
    .map((l) =>
      l.kind === "heading"
        ? `<h3 style="margin:16px 0 4px">${esc(l.text)}</h3>`
        : l.kind === "item"
          ? `<div style="margin-left:16px">• ${esc(l.text)}</div>`
          : l.kind === "muted"
            ? `<p style="color:#666;font-size:12px">${esc(l.text)}</p>`
            : `<p>${esc(l.text)}</p>`,
    )
    .join("\n");
  return {
    text: `${text}\n`,
    html: `<!doctype html><html lang="${esc(lang)}"><body style="font-family:sans-serif">${body}</body></html>`,
  };
}
