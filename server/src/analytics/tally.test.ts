// The day-bucket reports equal the direct ones: random taps over several
// stores, zones and days, some unreadable, some suspect, some removed again,
// asked for random windows — composeFeedback / composeBehaviour over the
// index give exactly what feedbackAnalytics / behaviourAnalytics give over
// the taps in the window.
import { describe, expect, it } from "vitest";
import { behaviourAnalytics } from "./behaviour.ts";
import { type BehaviourData, behaviourTally, composeBehaviour } from "./behaviour-tally.ts";
import { feedbackAnalytics } from "./feedback.ts";
import { composeFeedback, type FeedbackData, feedbackTally } from "./feedback-tally.ts";
import { localPartsOf } from "./local-time.ts";
import { createDayIndex, type Tap, type Window } from "./tap-index.ts";

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ZONES: Record<string, string> = { a: "Asia/Ho_Chi_Minh", b: "Europe/Paris" };
const zoneOf = (s: string | undefined) => (s ? ZONES[s] : undefined);
const BASE = Date.parse("2026-03-01T00:00:00Z");

type Raw = {
  id: string;
  capturedAt: string;
  storeId: string | undefined;
  rating: number | undefined;
  reasons: string[];
  suspect: boolean;
  behaviour: string | undefined;
  zone: string | undefined;
};

function raw(r: () => number, i: number): Raw {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)] as T;
  const ms = BASE + Math.floor(r() * 10 * 86_400_000);
  return {
    id: `o${i}`,
    capturedAt:
      r() < 0.03 ? "not a time" : new Date(ms).toISOString().replace("Z", pick(["Z", "+07:00"])),
    storeId: pick(["a", "b", undefined]),
    rating: pick([1, 2, 3, 4, 4, 3, 0, undefined]),
    reasons: r() < 0.5 ? [pick(["price", "wait", "staff"]), pick(["price", "wait"])] : [],
    suspect: r() < 0.1,
    behaviour: pick(["asked-price", "left", undefined]),
    zone: pick(["Cửa", "Quầy", undefined]),
  };
}

const tapOf = <D>(x: Raw, data: D): Tap<D> => {
  const ms = Date.parse(x.capturedAt);
  return {
    id: x.id,
    ms: Number.isFinite(ms) ? ms : null,
    storeId: x.storeId,
    local: localPartsOf(x.capturedAt, zoneOf(x.storeId)),
    data,
  };
};
const fb = (x: Raw): FeedbackData => ({ rating: x.rating, reasons: x.reasons, suspect: x.suspect });
const bh = (x: Raw): BehaviourData => ({ behaviour: x.behaviour, zone: x.zone ?? "" });

const inWindow = (x: Raw, w: Window) => {
  if (w.storeId !== undefined && x.storeId !== w.storeId) return false;
  if (w.fromMs === undefined && w.toMs === undefined) return true;
  const ms = Date.parse(x.capturedAt);
  return (
    Number.isFinite(ms) &&
    (w.fromMs === undefined || ms >= w.fromMs) &&
    (w.toMs === undefined || ms < w.toMs)
  );
};

describe("day-bucket analytics", () => {
  it("equal the direct computation for any window, after removals", () => {
    let counted = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const r = rng(seed);
      let taps = Array.from({ length: 800 }, (_, i) => raw(r, i));
      const feedback = createDayIndex(feedbackTally);
      const behaviour = createDayIndex(behaviourTally);
      for (const x of taps) {
        feedback.add(tapOf(x, fb(x)));
        behaviour.add(tapOf(x, bh(x)));
      }
      // Edits and deletions: some taps leave, some change.
      const gone = new Set(taps.filter(() => r() < 0.1).map((x) => x.id));
      for (const id of gone) {
        feedback.remove(id);
        behaviour.remove(id);
      }
      taps = taps.filter((x) => !gone.has(x.id));
      taps = taps.map((x) => {
        if (r() > 0.1) return x;
        const y = { ...raw(r, 0), id: x.id };
        feedback.add(tapOf(y, fb(y)));
        behaviour.add(tapOf(y, bh(y)));
        return y;
      });
      for (let q = 0; q < 12; q++) {
        const a = BASE + Math.floor(r() * 11 * 86_400_000) - 86_400_000;
        const b = a + Math.floor(r() * 5 * 86_400_000);
        const w: Window = {
          ...(r() < 0.7 ? { fromMs: a } : {}),
          ...(r() < 0.7 ? { toMs: b } : {}),
          ...(r() < 0.4 ? { storeId: r() < 0.5 ? "a" : "b" } : {}),
        };
        const inside = taps.filter((x) => inWindow(x, w));
        for (const includeSuspect of [false, true]) {
          const want = feedbackAnalytics(
            inside.map((x) => ({ ...fb(x), capturedAt: x.capturedAt, storeId: x.storeId })),
            { includeSuspect, timeZoneOf: zoneOf },
          );
          expect(
            composeFeedback(feedback.select(w), { includeSuspect }),
            `seed ${seed} q ${q}`,
          ).toEqual(want);
        }
        const want = behaviourAnalytics(
          inside.map((x) => ({
            ...bh(x),
            zone: x.zone,
            capturedAt: x.capturedAt,
            storeId: x.storeId,
          })),
          { timeZoneOf: zoneOf },
        );
        expect(composeBehaviour(behaviour.select(w)), `seed ${seed} q ${q}`).toEqual(want);
        counted += want.total;
      }
    }
    expect(counted).toBeGreaterThan(10_000);
  });
});
