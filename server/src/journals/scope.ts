// Journal scope helpers shared by every adapter: the time window in ms and
// the keyset cursor of the timeline.
import type { JournalScope } from "./model.ts";

/** `from` inclusive, `to` exclusive; a bare date `to` includes that whole day (UTC). */
export function scopeWindow(s: JournalScope): { fromMs?: number; toMs?: number } {
  return {
    ...(s.from ? { fromMs: Date.parse(s.from) } : {}),
    ...(s.to ? { toMs: Date.parse(s.to) + (s.to.length === 10 ? 86_400_000 : 0) } : {}),
  };
}

export type TimelineCursor = [capturedMs: number, id: string];

export const encodeTimelineCursor = (c: TimelineCursor) =>
  Buffer.from(JSON.stringify(c)).toString("base64url");

/** The cursor, or null when it is not one of ours (treated as "from the start"). */
export function decodeTimelineCursor(s: string | undefined): TimelineCursor | null {
  if (!s) return null;
  try {
    const v = JSON.parse(Buffer.from(s, "base64url").toString());
    return Array.isArray(v) && typeof v[0] === "number" && typeof v[1] === "string"
      ? [v[0], v[1]]
      : null;
  } catch {
    return null;
  }
}
