// One entry point per format, with its media type (GET /v1/journals/:id/export).
import { renderCsv } from "./csv.ts";
import { renderHtml } from "./html.ts";
import type { ExportFormat, JournalExport } from "./journal-export.ts";
import { renderJson } from "./json.ts";
import { renderMarkdown } from "./markdown.ts";

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  html: "text/html; charset=utf-8",
};

export function renderExport(x: JournalExport, format: ExportFormat): string {
  switch (format) {
    case "md":
      return renderMarkdown(x);
    case "csv":
      return renderCsv(x);
    case "json":
      return renderJson(x);
    case "html":
      return renderHtml(x);
  }
}
