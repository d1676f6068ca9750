// JSON export of a journal: the whole JournalExport, stable and complete
// (for scripts and archives), pretty-printed.
import type { JournalExport } from "./journal-export.ts";

export function renderJson(x: JournalExport): string {
  // Screenshot bytes and link makers are for the other formats.
  const { locale, images: _images, imageHref: _href, ...rest } = x;
  return `${JSON.stringify({ format: "sightline-journal", version: 1, locale, ...rest }, null, 2)}\n`;
}
