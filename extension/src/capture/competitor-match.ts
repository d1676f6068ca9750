// Which competitor a page belongs to, from the workspace's competitor list.
// Matching is on whole DNS labels: `m.shop.vn` is shop.vn's, `notshop.vn`
// and `shop.vn.evil.com` are not. The most specific domain wins, so a
// marketplace (`shopee.vn`) and a brand's store on it (`mall.shopee.vn`) can
// be told apart.

export interface CompetitorDomains {
  domains: readonly string[];
}

/**
 * A domain as typed by an admin ("Shop.vn.", "*.shop.vn", "https://shop.vn/x",
 * "cửahàng.vn") reduced to a lowercase ASCII hostname, or null if it isn't one.
 */
export function normaliseDomain(domain: string): string | null {
  let d = domain
    .trim()
    .toLowerCase()
    .replace(/^\*?\./, "");
  if (!d) return null;
  if (!/^[a-z][a-z\d+.-]*:\/\//.test(d)) d = `http://${d}`;
  try {
    const host = new URL(d).hostname.replace(/\.$/, "");
    return host.includes(".") || host === "localhost" ? host : null;
  } catch {
    return null;
  }
}

/**
 * The competitor whose domain list covers `url`'s host (the host itself or a
 * subdomain of it), preferring the longest matching domain; null when none
 * does or the URL has no host (about:, file:).
 */
export function matchCompetitor<C extends CompetitorDomains>(
  url: string,
  competitors: readonly C[],
): C | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, "");
  } catch {
    return null;
  }
  if (!host) return null;
  let best: C | null = null;
  let bestLength = 0;
  for (const competitor of competitors) {
    for (const raw of competitor.domains) {
      const domain = normaliseDomain(raw);
      if (!domain || domain.length <= bestLength) continue;
      if (host === domain || host.endsWith(`.${domain}`)) {
        best = competitor;
        bestLength = domain.length;
      }
    }
  }
  return best;
}
