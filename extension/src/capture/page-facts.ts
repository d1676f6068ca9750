// The facts a competitor audit wants from any page, read at capture time:
// where it really lives (canonical URL), what it calls itself, what it
// stresses (headings), what it asks the visitor to do (calls to action) and
// what it charges. Every string is capped to the wire schema's limits.
import type { PageFacts } from "@sightline/shared";
import { capText, collapseText } from "./cap-text.ts";
import { elementText } from "./element-box.ts";
import { extractPrices } from "./prices.ts";
import { isRendered } from "./visibility.ts";

export type { PageFacts };

const MAX_URL = 2048;
const MAX_OG_KEYS = 20;
const MAX_HEADINGS = 10;
const MAX_SHORT = 200;
const MAX_CTAS = 20;
/** Longer "buttons" are cards or banners, not calls to action. */
const MAX_CTA_TEXT = 80;
const CTA_SELECTOR = [
  "button",
  'input[type="submit"]',
  'input[type="button"]',
  '[role="button"]',
  'a[class*="btn"]',
  'a[class*="button"]',
  'a[class*="cta"]',
].join(",");

/** `href` resolved against `base`, if it is an http(s) URL that fits the cap. */
function httpUrl(href: string | null | undefined, base: string): string | null {
  if (!href?.trim()) return null;
  try {
    const url = new URL(href.trim(), base);
    return /^https?:$/.test(url.protocol) && url.href.length <= MAX_URL ? url.href : null;
  } catch {
    return null;
  }
}

function canonicalUrl(doc: Document, href: string): string {
  const link = doc.querySelector('link[rel~="canonical"]')?.getAttribute("href");
  const og = doc.querySelector('meta[property="og:url"]')?.getAttribute("content");
  const withoutHash = href.split("#")[0] ?? href;
  return httpUrl(link, href) ?? httpUrl(og, href) ?? capText(withoutHash, MAX_URL);
}

function openGraph(doc: Document): Record<string, string> {
  const og: Record<string, string> = {};
  for (const meta of Array.from(doc.querySelectorAll('meta[property^="og:"], meta[name^="og:"]'))) {
    const key = (meta.getAttribute("property") ?? meta.getAttribute("name") ?? "").slice(0, 100);
    const value = meta.getAttribute("content");
    if (!value || key in og) continue; // first of repeated keys (og:image) wins
    if (Object.keys(og).length >= MAX_OG_KEYS) break;
    og[key] = capText(value.trim(), 2000);
  }
  return og;
}

function headings(doc: Document, tag: "h1" | "h2" | "h3"): string[] {
  const out: string[] = [];
  for (const h of Array.from(doc.querySelectorAll(tag))) {
    if (!isRendered(h)) continue;
    const text = collapseText(h.textContent ?? "", MAX_SHORT);
    if (text) out.push(text);
    if (out.length >= MAX_HEADINGS) break;
  }
  return out;
}

function callsToAction(doc: Document): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const el of Array.from(doc.querySelectorAll(CTA_SELECTOR))) {
    if (!isRendered(el)) continue;
    // tagName, not instanceof: content scripts may see DOM objects of another realm.
    const label =
      el.tagName === "INPUT"
        ? (el as HTMLInputElement).value
        : elementText(el) || (el.getAttribute("aria-label") ?? "");
    const text = collapseText(label, MAX_SHORT);
    if (!text || text.length > MAX_CTA_TEXT || seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    out.push(text);
    if (out.length >= MAX_CTAS) break;
  }
  return out;
}

/**
 * Facts about `doc`, with URLs resolved against `location.href` (the page's
 * address; pass `window.location` in a content script). Absent facts are
 * omitted, lists are always present (possibly empty). Valid for PageFactsSchema.
 */
export function extractPageFacts(doc: Document, location: { href: string }): PageFacts {
  const facts: PageFacts = {
    canonicalUrl: canonicalUrl(doc, location.href),
    openGraph: openGraph(doc),
    headings: { h1: headings(doc, "h1"), h2: headings(doc, "h2"), h3: headings(doc, "h3") },
    callsToAction: callsToAction(doc),
    prices: extractPrices(doc),
  };
  const title = collapseText(doc.title, 500);
  if (title) facts.title = title;
  const lang = doc.documentElement.getAttribute("lang")?.trim();
  if (lang) facts.lang = capText(lang, 35);
  const description = doc.querySelector('meta[name="description"]')?.getAttribute("content");
  if (description?.trim()) facts.description = collapseText(description, 2000);
  return facts;
}
