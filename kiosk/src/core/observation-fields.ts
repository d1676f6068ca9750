// The observation fields a kiosk writes (docs/domain.md "Observation fields"): a
// behaviour tap and a dwell (channel `store`) and a feedback answer (channel
// `feedback`). Empty optional values are left out rather than sent empty.
import { isoWithOffset } from "@sightline/shared/captured-at";
import type { Segment } from "./segments.ts";

export type Fields = Record<string, unknown>;

export type StoreTap = {
  storeId: string;
  /** Tap time, ms since epoch. */
  at: number;
  behaviour: string;
  /** The behaviour's label (a note goes in `note`, beside it). */
  what: string;
  zone?: string | undefined;
  segment: Segment;
  note?: string | undefined;
  needs?: readonly string[] | undefined;
};

export type Dwell = {
  storeId: string;
  startedAt: number;
  endedAt: number;
  what: string;
  zone?: string | undefined;
  segment: Segment;
};

export type FeedbackAnswer = {
  storeId: string;
  /** Face press time. */
  at: number;
  rating: 1 | 2 | 3 | 4;
  what: string;
  question?: string | undefined;
  reasons: readonly string[];
  /** Need codes of the chosen reasons. */
  needs?: readonly string[] | undefined;
  suspect: boolean;
};

const text = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
const list = (a: readonly string[] | undefined) =>
  a && a.length > 0 ? [...new Set(a)] : undefined;
const segmentOf = (s: Segment) =>
  s.ageBand || s.party
    ? { ...(s.ageBand ? { ageBand: s.ageBand } : {}), ...(s.party ? { party: s.party } : {}) }
    : undefined;

function compact(o: Fields): Fields {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

export function storeTapFields(t: StoreTap): Fields {
  return compact({
    channel: "store",
    method: "shopper-observation",
    capturedAt: isoWithOffset(t.at),
    storeId: t.storeId,
    what: t.what,
    behaviour: t.behaviour,
    zone: text(t.zone),
    segment: segmentOf(t.segment),
    note: text(t.note),
    needs: list(t.needs),
  });
}

export function dwellFields(d: Dwell): Fields {
  return compact({
    channel: "store",
    method: "shopper-observation",
    capturedAt: isoWithOffset(d.startedAt),
    storeId: d.storeId,
    what: d.what,
    zone: text(d.zone),
    segment: segmentOf(d.segment),
    durationSec: Math.max(0, Math.round((d.endedAt - d.startedAt) / 1000)),
  });
}

export function feedbackFields(a: FeedbackAnswer): Fields {
  return compact({
    channel: "feedback",
    method: "feedback",
    capturedAt: isoWithOffset(a.at),
    storeId: a.storeId,
    what: a.what,
    rating: a.rating,
    question: text(a.question),
    reasons: [...new Set(a.reasons)],
    needs: list(a.needs),
    suspect: a.suspect,
  });
}
