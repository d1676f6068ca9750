// Captures → observation fields (the wire names of docs/domain.md "Observation fields"). Pure: the
// worker validates the result with the shared ObservationCreateSchema when
// it commits the write, so anything produced here that the server would
// refuse fails loudly on this device first.
import { isoWithOffset } from "@sightline/shared/captured-at";
import type { ExtensionKey, extension } from "@sightline/shared/i18n/extension";
import type { Translate } from "@sightline/shared/i18n/translate";
import type * as z from "zod/mini";
import type { CapturePayload, CapturePayloadSchema, PageChange, Settings } from "../messages.ts";

export type ParsedCapture = z.output<typeof CapturePayloadSchema>;
export type CompetitorRef = { id: string; name: string } | null;
export type Fields = Record<string, unknown>;
type T = Translate<typeof extension>;

const cap = (s: string, max: number) => {
  if (s.length <= max) return s;
  const c = s.charCodeAt(max - 1);
  return s.slice(0, c >= 0xd800 && c <= 0xdbff ? max - 1 : max);
};
const oneLine = (s: string, max: number) => cap(s.replace(/\s+/g, " ").trim(), max);

/** An http(s) URL that fits the wire cap, or undefined (file:, data:, too long). */
export function wireUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  if (url.length <= 2048) return url;
  try {
    const u = new URL(url);
    const bare = `${u.origin}${u.pathname}`;
    return bare.length <= 2048 ? bare : undefined;
  } catch {
    return undefined;
  }
}

/** "Title — URL", the prefilled answer to "where" for a web capture. */
export function webWhere(title: string, url: string | undefined): string | undefined {
  const parts = [oneLine(title, 500), url ?? ""].filter((s) => s.length > 0);
  return parts.length ? cap(parts.join(" — "), 2000) : undefined;
}

const whatKey: Record<ParsedCapture["kind"], ExtensionKey> = {
  selection: "capture.what.element",
  element: "capture.what.element",
  region: "capture.what.region",
  visible: "capture.what.visible",
};

/** Drop undefined values and empty arrays/objects, so no field is sent blank. */
function compact<O extends Fields>(o: O): O {
  const out: Fields = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === "") continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out as O;
}

export type CaptureContext = {
  competitor: CompetitorRef;
  screenshot?: string | undefined;
  now: Date;
  t: T;
};

/** The `obs.create` fields of a web capture (selection, element, region, visible). */
export function fieldsFromCapture(c: ParsedCapture, ctx: CaptureContext): Fields {
  const url = wireUrl(c.url);
  const title = oneLine(c.title, 500);
  const elementText = c.facts.element?.text;
  const what =
    (c.quote && cap(c.quote.trim(), 4000)) ||
    (c.kind === "element" && elementText && cap(elementText, 4000)) ||
    ctx.t(whatKey[c.kind], { title: title || url || "?" });
  const evidence = compact({
    quote: c.quote,
    prefix: c.prefix,
    suffix: c.suffix,
    selectors: c.selectors,
    screenshot: ctx.screenshot,
    facts: c.facts,
  });
  return compact({
    channel: "web",
    method: "competitor-audit",
    capturedAt: isoWithOffset(ctx.now.getTime()),
    what,
    who: ctx.competitor?.name,
    competitorId: ctx.competitor?.id,
    where: webWhere(c.title, url ?? c.url.slice(0, 300)),
    url,
    pageTitle: title || undefined,
    basis: "observed",
    evidence,
  });
}

export type EventNoteInput = {
  text: string;
  photo?: string | undefined;
  competitor: CompetitorRef;
  /** Seen first-hand (default), inferred, or heard from someone at the booth. */
  basis?: "observed" | "inferred" | "heard" | undefined;
};

/** The `obs.create` fields of an event-mode note or photo. */
export function fieldsFromEventNote(
  input: EventNoteInput,
  mode: Settings["eventMode"],
  now: Date,
  t: T,
): Fields {
  const eventName = oneLine(mode.eventName, 200);
  const booth = oneLine(mode.booth, 200);
  const place = [eventName, booth].filter(Boolean).join(" — ");
  const what = cap(input.text.trim(), 4000) || t("event.photoWhat", { place: place || "?" });
  return compact({
    channel: "event",
    method: "event-visit",
    capturedAt: isoWithOffset(now.getTime()),
    what,
    who: input.competitor?.name,
    competitorId: input.competitor?.id,
    where: place || undefined,
    eventName: eventName || undefined,
    booth: booth || undefined,
    basis: input.basis ?? "observed",
    evidence: input.photo ? { screenshot: input.photo } : undefined,
  });
}

export type ChangeContext = {
  change: PageChange;
  page: { url: string; title: string; facts: ParsedCapture["facts"] };
  competitor: CompetitorRef;
  now: Date;
  t: T;
};

function evidenceOfChange(x: ChangeContext): Fields | undefined {
  const evidence: Fields = {};
  if (x.change.recorded) evidence.change = x.change.recorded;
  if (Object.keys(x.page.facts).length > 0) evidence.facts = x.page.facts;
  return Object.keys(evidence).length > 0 ? evidence : undefined;
}

/** A new observation recording "old → new" on a revisited page. */
export function fieldsFromChange(x: ChangeContext): Fields {
  const { change } = x;
  const before = oneLine(change.before, 900);
  const after = oneLine(change.after, 900);
  const what = x.t(change.kind === "price" ? "change.what.price" : "change.what.element", {
    before,
    after,
  });
  const url = wireUrl(x.page.url);
  return compact({
    channel: "web",
    method: "competitor-audit",
    capturedAt: isoWithOffset(x.now.getTime()),
    what: cap(what, 4000),
    who: x.competitor?.name,
    competitorId: x.competitor?.id,
    where: webWhere(x.page.title, url),
    url,
    pageTitle: oneLine(x.page.title, 500) || undefined,
    needs: change.kind === "price" ? ["price"] : undefined,
    basis: "observed",
    note: cap(x.t("change.note", { before, after }), 4000),
    // The change as data (evidence.change) and the page's facts (prices with role
    // and key) as they are now; no quote, so the formatted price is never
    // re-anchored as text on a later visit.
    evidence: evidenceOfChange(x),
  });
}

export type { CapturePayload };
