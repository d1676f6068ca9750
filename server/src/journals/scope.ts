// Journal scope helpers shared by every adapter: the time window in ms (the
// timeline's keyset cursor is every observation page's, db/cursor.ts).
import type { JournalScope } from "./model.ts";

/** `from` inclusive, `to` exclusive; a bare date `to` includes that whole day (UTC). */
export function scopeWindow(s: JournalScope): { fromMs?: number; toMs?: number } {
  return {
    ...(s.from ? { fromMs: Date.parse(s.from) } : {}),
    ...(s.to ? { toMs: Date.parse(s.to) + (s.to.length === 10 ? 86_400_000 : 0) } : {}),
  };
}
