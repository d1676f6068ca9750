// One entry point per format, with its media type (GET /v1/journals/:id/export).
// `zip` is the Markdown with its screenshots beside it (images/<sha256>.<ext>),
// so the file reads the same anywhere, without a login to the blob route.
import { renderCsv } from "./csv.ts";
import { fileStem } from "./file-name.ts";
import { renderHtml } from "./html.ts";
import type { ExportFormat, JournalExport } from "./journal-export.ts";
import { renderJson } from "./json.ts";
import { renderMarkdown } from "./markdown.ts";
import { writeZip } from "./zip.ts";

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  html: "text/html; charset=utf-8",
  zip: "application/zip",
};

const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
};

export function renderExport(x: JournalExport, format: "zip"): Uint8Array<ArrayBuffer>;
export function renderExport(x: JournalExport, format: Exclude<ExportFormat, "zip">): string;
export function renderExport(
  x: JournalExport,
  format: ExportFormat,
): string | Uint8Array<ArrayBuffer>;
export function renderExport(
  x: JournalExport,
  format: ExportFormat,
): string | Uint8Array<ArrayBuffer> {
  switch (format) {
    case "md":
      return renderMarkdown(x);
    case "csv":
      return renderCsv(x);
    case "json":
      return renderJson(x);
    case "html":
      return renderHtml(x);
    case "zip":
      return renderZip(x);
  }
}

function renderZip(x: JournalExport): Uint8Array<ArrayBuffer> {
  const images = [...(x.images ?? new Map())].map(([sha, img]) => ({
    sha,
    img,
    name: `images/${sha}.${EXTENSIONS[img.contentType] ?? "bin"}`,
  }));
  const byHash = new Map(images.map((i) => [i.sha, i.name]));
  const markdown = renderMarkdown({
    ...x,
    imageHref: (sha) => byHash.get(sha) ?? `/v1/blobs/${sha}`,
  });
  const modified = new Date(x.generatedAt);
  return writeZip([
    {
      name: `${fileStem(x.journal.title)}.md`,
      bytes: new TextEncoder().encode(markdown),
      modified,
    },
    ...images.map((i) => ({ name: i.name, bytes: i.img.bytes, modified })),
  ]);
}
