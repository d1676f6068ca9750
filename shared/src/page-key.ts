// "This page": which earlier captures belong to the page in a tab (the
// extension) or asked about (the server's GET /v1/pages/captures). URLs are
// compared after dropping what does not change the page — the fragment,
// tracking parameters, a trailing slash, default ports, host case — and a
// capture also matches through its page's canonical URL.

const TRACKING = /^(utm_|fbclid$|gclid$|gbraid$|wbraid$|mc_|_ga$|yclid$|ref$|ref_src$|zarsrc$)/i;

/** A comparable key for `url`, or null when it is not an http(s) URL. */
export function pageKey(url: string | undefined | null): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  const params = [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : "";
  const path = u.pathname.length > 1 ? u.pathname.replace(/\/+$/, "") : u.pathname;
  return `${u.protocol}//${u.host.toLowerCase()}${path}${query}`;
}

/** True when a capture made on `captured` (with its canonical URL) is about the page `current`. */
export function samePage(
  current: { url: string; canonicalUrl?: string | undefined },
  captured: { url?: string | undefined; canonicalUrl?: string | undefined },
): boolean {
  const here = new Set([pageKey(current.url), pageKey(resolve(current.canonicalUrl, current.url))]);
  here.delete(null);
  const there = [pageKey(captured.url), pageKey(resolve(captured.canonicalUrl, captured.url))];
  return there.some((k) => k !== null && here.has(k));
}

function resolve(maybeRelative: string | undefined, base: string | undefined): string | undefined {
  if (!maybeRelative) return undefined;
  try {
    return new URL(maybeRelative, base).toString();
  } catch {
    return undefined;
  }
}
