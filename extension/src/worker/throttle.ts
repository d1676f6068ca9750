// captureVisibleTab is rate-limited by Chrome (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND
// = 2; a third call within a second fails). Every screenshot goes through one
// queue that starts calls at least `minIntervalMs` apart, in arrival order.

export type Clock = {
  now(): number;
  sleep(ms: number): Promise<void>;
};

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export type IntervalQueue = {
  /** Run `fn` once the previous call started at least `minIntervalMs` ago. */
  run<T>(fn: () => Promise<T>): Promise<T>;
};

export function createIntervalQueue(
  minIntervalMs: number,
  clock: Clock = realClock,
): IntervalQueue {
  let tail: Promise<unknown> = Promise.resolve();
  let lastStart = Number.NEGATIVE_INFINITY;
  return {
    run<T>(fn: () => Promise<T>): Promise<T> {
      const turn = tail.then(async () => {
        const wait = lastStart + minIntervalMs - clock.now();
        if (wait > 0) await clock.sleep(wait);
        lastStart = clock.now();
      });
      // The next caller waits for this one's *start*, not its end.
      tail = turn;
      return turn.then(fn);
    },
  };
}
