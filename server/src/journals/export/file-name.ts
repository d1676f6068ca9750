// Export file names from the journal's title: an ASCII `filename` every
// client understands ("gia-doi-thu-quy-1.md") and the title itself in
// `filename*` (RFC 5987/6266, UTF-8 percent-encoded) for clients that read it.
import { foldText } from "@sightline/shared/text/fold";

/** An ASCII file stem: the folded title's words joined by hyphens (at most 60 characters). */
export function fileStem(title: string): string {
  const stem = foldText(title)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return stem || "journal";
}

/** RFC 5987 value-chars: what encodeURIComponent leaves, minus the few it keeps that RFC 5987 does not. */
const rfc5987 = (s: string) =>
  encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The Content-Disposition header of an export. */
export function contentDisposition(
  kind: "inline" | "attachment",
  title: string,
  extension: string,
): string {
  // The title as a file name: no path separators or control characters.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const clean = title.replace(/[\u0000-\u001f\u007f/\\]+/g, " ").trim() || "journal";
  return `${kind}; filename="${fileStem(title)}.${extension}"; filename*=UTF-8''${rfc5987(`${clean}.${extension}`)}`;
}
