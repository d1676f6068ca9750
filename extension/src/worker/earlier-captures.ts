// Which earlier captures a content script should look for on its page, read
// from the local mirror (this device's captures and, after a pull, the rest
// of the owner's). Quotes and elements are checked per capture; prices only
// against the newest capture of the page that recorded prices, so a price
// seen three times is reported as changed once, and recording the change
// makes it the new baseline.
import { type Entity, isLive, type Price, type Selector } from "@sightline/shared";
import type { EarlierCapture } from "../messages.ts";
import { samePage } from "./page-key.ts";

type WebFields = {
  channel?: string;
  url?: string;
  capturedAt?: string;
  evidence?: {
    quote?: string;
    selectors?: Selector[];
    facts?: {
      canonicalUrl?: string;
      prices?: Price[];
      element?: { selector: string; text?: string };
    };
  };
};

export const MAX_EARLIER = 200;

export function capturesOfPage(
  entities: readonly Entity[],
  page: { url: string; canonicalUrl?: string | undefined },
): EarlierCapture[] {
  const mine = entities
    .filter(isLive)
    .map((e) => ({ id: e.id, f: e.fields as WebFields }))
    .filter(
      ({ f }) =>
        (f.channel === "web" || f.channel === "event") &&
        samePage(page, { url: f.url, canonicalUrl: f.evidence?.facts?.canonicalUrl }),
    )
    .sort((a, b) => time(b.f.capturedAt) - time(a.f.capturedAt))
    .slice(0, MAX_EARLIER);
  const withPrices = mine.find(({ f }) => (f.evidence?.facts?.prices?.length ?? 0) > 0);
  return mine.map(({ id, f }) => {
    const ev = f.evidence ?? {};
    const element = ev.facts?.element;
    const c: EarlierCapture = { id, capturedAt: f.capturedAt ?? "", selectors: ev.selectors ?? [] };
    if (ev.quote) c.quote = ev.quote;
    if (element) {
      c.elementSelector = element.selector;
      if (element.text !== undefined) c.text = element.text;
    }
    if (withPrices?.id === id && ev.facts?.prices) c.prices = ev.facts.prices;
    return c;
  });
}

function time(iso: string | undefined): number {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(t) ? 0 : t;
}
