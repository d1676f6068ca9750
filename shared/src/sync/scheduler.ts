// When to sync (docs/sync-protocol.md "Client rules"): on write (debounced), on `online`,
// on visibility, on a timer, on a poke, on "Sync now". Failures back off
// exponentially with jitter and honour Retry-After. Requests that arrive
// while a round runs trigger one more round afterwards, so no write waits
// for the next timer.
import type { SyncEngine, SyncOutcome } from "./engine.ts";

export type SyncStatus = {
  state: "idle" | "syncing" | "waiting" | "unauthorized" | "too-old";
  lastOutcome: SyncOutcome | null;
  nextAttemptAt: number | null;
  failures: number;
};

export type Timers = {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export type SchedulerOptions = {
  engine: SyncEngine;
  timers?: Timers;
  random?: () => number;
  now?: () => number;
  /** Debounce after a write (default 300 ms). */
  debounceMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Periodic sync even without triggers (0 = off). */
  intervalMs?: number;
  onStatus?: (s: SyncStatus) => void;
};

export type SyncScheduler = {
  /** Ask for a sync; `soon` debounces (for writes), otherwise runs now. */
  request(reason: "write" | "online" | "visible" | "timer" | "poke" | "manual" | "start"): void;
  status(): SyncStatus;
  /**
   * "Sync now" that reports back: runs a round as `manual` and resolves with
   * the outcome of a round that started after this call (a round already
   * running does not count: it may have read the outbox before the user's
   * last write). Null when the scheduler is stopped before such a round ran.
   */
  syncNow(): Promise<SyncOutcome | null>;
  /** Resolves when no round is running or queued. */
  idle(): Promise<void>;
  stop(): void;
};

/** Delay before retry `attempt` (1-based): exponential with "equal jitter". */
export function backoffDelay(
  attempt: number,
  base: number,
  max: number,
  random: () => number,
): number {
  const ceiling = Math.min(max, base * 2 ** Math.min(attempt - 1, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function createSyncScheduler(o: SchedulerOptions): SyncScheduler {
  const timers: Timers = o.timers ?? {
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
    clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  };
  const random = o.random ?? Math.random;
  const now = o.now ?? Date.now;
  const base = o.baseDelayMs ?? 1000;
  const max = o.maxDelayMs ?? 5 * 60_000;
  let status: SyncStatus = { state: "idle", lastOutcome: null, nextAttemptAt: null, failures: 0 };
  let timer: unknown = null;
  let interval: unknown = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const waiters: (() => void)[] = [];
  // syncNow callers waiting for the next round to start, then for its outcome.
  let asking: ((o: SyncOutcome | null) => void)[] = [];

  const set = (patch: Partial<SyncStatus>) => {
    status = { ...status, ...patch };
    o.onStatus?.(status);
  };
  const schedule = (ms: number) => {
    if (timer !== null) timers.clearTimeout(timer);
    set({ nextAttemptAt: now() + ms });
    timer = timers.setTimeout(() => {
      timer = null;
      run();
    }, ms);
  };
  const settle = () => {
    if (running || timer !== null) return;
    for (const w of waiters.splice(0)) w();
  };

  async function loop(): Promise<void> {
    do {
      again = false;
      const answering = asking;
      asking = [];
      set({ state: "syncing", nextAttemptAt: null });
      // The engine answers network and server trouble with an outcome; a
      // storage failure (a full disk while acking) throws. Report it and back
      // off like any failure, instead of an unhandled rejection and a status
      // stuck at "syncing".
      const outcome: SyncOutcome = await o.engine.sync().catch((e: unknown) => ({
        ok: false as const,
        failure: "storage" as const,
        detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
      }));
      if (outcome.ok) {
        set({ state: "idle", lastOutcome: outcome, failures: 0 });
        for (const answer of answering) answer(outcome);
        continue;
      }
      const failures = status.failures + 1;
      if (outcome.failure === "unauthorized" || outcome.failure === "too-old")
        set({ state: outcome.failure, lastOutcome: outcome, failures });
      else set({ state: "waiting", lastOutcome: outcome, failures });
      for (const answer of answering) answer(outcome);
      // "Sync now" pressed during this failed round gets a round of its own, not the backoff.
      if (again && asking.length > 0 && !stopped) continue;
      // 401 and 426 wait for a person (new code, app update), not for a timer.
      if (status.state !== "waiting") return;
      const delay = outcome.retryAfterMs ?? backoffDelay(failures, base, max, random);
      if (!stopped) schedule(delay);
      return;
    } while (again && !stopped);
  }

  function run() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = loop().finally(() => {
      running = null;
      settle();
    });
  }

  if (o.intervalMs) {
    const tick = () => {
      interval = timers.setTimeout(tick, o.intervalMs as number);
      if (status.state !== "waiting") run();
    };
    interval = timers.setTimeout(tick, o.intervalMs);
  }

  const request: SyncScheduler["request"] = (reason) => {
    if (stopped) return;
    if (reason === "write") {
      if (status.state === "waiting") return; // backoff already scheduled
      schedule(o.debounceMs ?? 300);
      return;
    }
    if (timer !== null) {
      timers.clearTimeout(timer);
      timer = null;
    }
    // A manual or network-back trigger resets the backoff.
    if (reason === "manual" || reason === "online") set({ failures: 0 });
    run();
  };

  return {
    request,
    status: () => status,
    syncNow() {
      if (stopped) return Promise.resolve(null);
      const answer = new Promise<SyncOutcome | null>((resolve) => asking.push(resolve));
      request("manual");
      return answer;
    },
    idle: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        settle();
      }),
    stop() {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      if (interval !== null) timers.clearTimeout(interval);
      for (const w of waiters.splice(0)) w();
      for (const answer of asking.splice(0)) answer(null);
    },
  };
}
