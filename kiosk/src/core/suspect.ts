// The suspect-tap rule (docs/domain.md "Customer feedback", HappyOrNot's response
// interval): a feedback answer whose face was pressed less than 2 s after the
// previous face press on this tablet is kept but marked `suspect`, so reports
// can leave rapid repeat presses out.

export const SUSPECT_WINDOW_MS = 2000;

export type SuspectRule = {
  /** Record a face press at `now` (ms); true when it came too soon after the previous one. */
  tap(now: number): boolean;
};

/** One rule per tablet; every press counts, suspect or not, so mashing stays suspect. */
export function createSuspectRule(windowMs: number = SUSPECT_WINDOW_MS): SuspectRule {
  let last: number | null = null;
  return {
    tap(now) {
      // A clock that went backwards says nothing about speed: not suspect.
      const suspect = last !== null && now >= last && now - last < windowMs;
      last = now;
      return suspect;
    },
  };
}
