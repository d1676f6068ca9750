// Teammates' captures of a page. A revisit compares the page with every
// capture of it, yours and teammates', but sync brings this device only its
// own person's observations; GET /v1/pages/captures (docs/http-api.md
// "Pages") answers the rest — each capture's prices and captured element —
// for one page. Best effort: offline, unpaired, refused or slow, the revisit
// goes on with this person's captures alone. One request a minute per page at
// most, so the review's retries on a late-loading page do not repeat it.
import { type PageCapture, PageCapturesSchema } from "@sightline/shared";
import { pageKey } from "@sightline/shared/page-key";
import type { ServerAccess } from "./blob-upload.ts";

export type PageRef = { url: string; canonicalUrl?: string | undefined };
export type TeamCaptures = (page: PageRef) => Promise<PageCapture[]>;

/** An answer is reused this long for the same page. */
const FRESH_MS = 60_000;
/** A revisit waits for teammates' captures at most this long. */
const TIMEOUT_MS = 2_500;

export function createTeamCaptures(o: {
  fetch: typeof fetch;
  server: ServerAccess;
  now(): number;
}): TeamCaptures {
  const cache = new Map<string, { at: number; captures: PageCapture[] }>();

  async function ask(page: PageRef): Promise<PageCapture[]> {
    const server = await o.server();
    if (!server) return [];
    const query = new URLSearchParams({ url: page.url });
    if (page.canonicalUrl && pageKey(page.canonicalUrl))
      query.set("canonicalUrl", page.canonicalUrl);
    const res = await o.fetch(new URL(`/v1/pages/captures?${query}`, server.baseUrl).toString(), {
      headers: { authorization: `Bearer ${server.token}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) {
      await res.body?.cancel();
      return [];
    }
    const parsed = PageCapturesSchema.safeParse(await res.json());
    return parsed.success ? parsed.data.captures : [];
  }

  return async (page) => {
    if (!pageKey(page.url)) return [];
    const key = `${page.url}\u0000${page.canonicalUrl ?? ""}`;
    const known = cache.get(key);
    if (known && o.now() - known.at < FRESH_MS) return known.captures;
    const captures = await ask(page).catch(() => []);
    cache.set(key, { at: o.now(), captures });
    if (cache.size > 100) cache.delete(cache.keys().next().value as string);
    return captures;
  };
}
