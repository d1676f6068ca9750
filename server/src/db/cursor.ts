// The one cursor of every observation page — the REST list (newest first) and
// a journal's timeline (either order): the keyset (captured_ms, id) of the
// page's last row, as opaque base64url JSON. Both adapters read and write it,
// so a cursor handed out by one instance works on any other.
import type { Entity } from "@sightline/shared";

export type ObservationCursor = [capturedMs: number, id: string];

export const encodeCursor = (c: ObservationCursor): string =>
  Buffer.from(JSON.stringify(c)).toString("base64url");

/** The cursor, or null when there is none or it is not one of ours (read as "from the start"). */
export function decodeCursor(s: string | undefined): ObservationCursor | null {
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

/**
 * One page from rows fetched with LIMIT `limit + 1`: the first `limit` as
 * entities, and the cursor after the last of them when another row followed.
 */
export function keysetPage<R extends { captured_ms: number | null; id: string }>(
  rows: readonly R[],
  limit: number,
  toEntity: (r: R) => Entity,
): { items: Entity[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toEntity),
    nextCursor: rows.length > limit && last ? encodeCursor([last.captured_ms ?? 0, last.id]) : null,
  };
}
