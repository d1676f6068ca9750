// The demo's four weeks. Day 0 is 28 days ago; on PRICE_CUT_DAY a competitor
// (PhoneHub) cuts a phone's price on its site, and for the week after, the
// stores see more price questions, phone checking and walk-outs, and more
// unhappy feedback citing price — a true cross-channel pattern for insight
// suggestions to find.
import { vnTime } from "./random.ts";

export const DAYS = 28;
export const PRICE_CUT_DAY = 17;
export const EFFECT_DAYS = 8;
const DAY = 86_400_000;

export type Timeline = {
  dayStart(day: number): number;
  at(day: number, hour: number, minute: number): string;
  ms(iso: string): number;
};

/**
 * Days as local (UTC+7) midnights, ending yesterday: the month is the same
 * whatever the hour it is seeded at, so the demo tells the same story at
 * 8 a.m. and at 11 p.m. (when it ended today, the taps of today's hours
 * gone by changed which topics came first). Today is left to the
 * visitor's own taps. The seed still drops anything later than `now`.
 */
export function timeline(now: Date): Timeline {
  const local = now.getTime() + 7 * 3_600_000;
  const todayLocalMidnight = local - (local % DAY) - 7 * 3_600_000;
  const dayStart = (day: number) => todayLocalMidnight - (DAYS - day) * DAY;
  return {
    dayStart,
    at: (day, hour, minute) => vnTime(dayStart(day) + (hour * 60 + minute) * 60_000),
    ms: (iso) => Date.parse(iso),
  };
}

export const inPriceWar = (day: number) =>
  day >= PRICE_CUT_DAY && day < PRICE_CUT_DAY + EFFECT_DAYS;
