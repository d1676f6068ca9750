// Cookie arithmetic of docs/sync-protocol.md "Server pull algorithm", shared by adapters:
// where a pull starts, and which cookie ends a page. Rows are read in
// (version, id) order strictly after the start position.
import type { Cookie } from "@sightline/shared";

export type Position = { v: number; k: string | null };
export type PullStart = { reset: boolean; from: Position };

/**
 * Where to resume. A missing cookie, one from another database (epoch) or
 * one ahead of this database's history starts over with `reset`.
 */
export function pullStart(cookie: Cookie | null, epoch: string, currentVersion: number): PullStart {
  if (!cookie || cookie.epoch !== epoch || cookie.v > currentVersion) {
    return { reset: true, from: { v: 0, k: null } };
  }
  return { reset: false, from: { v: cookie.v, k: cookie.k ?? null } };
}

/**
 * The cookie that ends a page. More to come → the last row's (v, k); the
 * last page → the current version without k: all of it has been seen.
 */
export function pageCookie(
  epoch: string,
  currentVersion: number,
  last: { version: number; id: string } | undefined,
  hasMore: boolean,
): Cookie {
  if (hasMore && last) return { epoch, v: last.version, k: last.id };
  return { epoch, v: currentVersion };
}
