// Which earlier captures a content script should look for on its page, read
// from the local mirror (this device's captures and, after a pull, the rest
// of the owner's) and from teammates' captures of the page the server
// answered (team-captures.ts: prices and captured element only). Quotes and
// elements are checked per capture; prices only against the newest capture
// of the page that recorded prices, yours or a teammate's, so a price seen
// three times is reported as changed once, and recording the change makes it
// the new baseline.
import {
  type Entity,
  isLive,
  type PageCapture,
  type Price,
  type Selector,
} from "@sightline/shared";
import { samePage } from "@sightline/shared/page-key";
import type { EarlierCapture } from "../messages.ts";

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

/** A capture as this module compares them, before prices are given to the newest only. */
type Candidate = EarlierCapture & { allPrices?: Price[] | undefined };

export function capturesOfPage(
  entities: readonly Entity[],
  page: { url: string; canonicalUrl?: string | undefined },
  team: readonly PageCapture[] = [],
): EarlierCapture[] {
  const mine: Candidate[] = entities
    .filter(isLive)
    .map((e) => ({ id: e.id, f: e.fields as WebFields }))
    .filter(
      ({ f }) =>
        (f.channel === "web" || f.channel === "event") &&
        samePage(page, { url: f.url, canonicalUrl: f.evidence?.facts?.canonicalUrl }),
    )
    .map(({ id, f }) => {
      const ev = f.evidence ?? {};
      const element = ev.facts?.element;
      const c: Candidate = { id, capturedAt: f.capturedAt ?? "", selectors: ev.selectors ?? [] };
      if (ev.quote) c.quote = ev.quote;
      if (element) {
        c.elementSelector = element.selector;
        if (element.text !== undefined) c.text = element.text;
      }
      c.allPrices = ev.facts?.prices;
      return c;
    });
  // Teammates' captures the mirror does not hold (the server answers this person's too).
  const known = new Set(mine.map((c) => c.id));
  const theirs: Candidate[] = team
    .filter((t) => !known.has(t.id))
    .map((t) => {
      const c: Candidate = { id: t.id, capturedAt: t.capturedAt, selectors: [] };
      if (t.element) {
        c.elementSelector = t.element.selector;
        if (t.element.text !== undefined) c.text = t.element.text;
      }
      c.allPrices = t.prices;
      return c;
    });
  const all = [...mine, ...theirs]
    .sort((a, b) => time(b.capturedAt) - time(a.capturedAt))
    .slice(0, MAX_EARLIER);
  const withPrices = all.find((c) => (c.allPrices?.length ?? 0) > 0);
  return all.map(({ allPrices, ...c }) =>
    withPrices?.id === c.id && allPrices ? { ...c, prices: allPrices } : c,
  );
}

function time(iso: string | undefined): number {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(t) ? 0 : t;
}
