// The job runner: polls the durable queue (db JobsDb), runs each claimed job
// with the handler of its kind, completes it or schedules the retry with
// backoff, and keeps recurring work (`every`) enqueued once per period. One
// runner per server process; the serve composition root starts it and stops
// it on graceful shutdown (stop waits for the jobs in hand, then returns).
// Delivery is at least once: a process killed mid-job leaves the lease to
// run out and another claim runs the job again, so handlers are idempotent
// (webhooks carry the event id, receivers dedupe on it).
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Job, JobsDb, NewJob } from "../db/port.ts";
import { type Backoff, backoffDelay } from "./backoff.ts";
import { periodKey, type Recurring, withinCatchUp } from "./every.ts";

/** What a handler may say instead of succeeding. */
export class RetryLater extends Error {
  constructor(
    message: string,
    /** Absolute time of the next attempt (otherwise: the kind's backoff). */
    readonly atMs?: number,
  ) {
    super(message);
  }
}
/** A failure retrying cannot fix (the subscription is gone, a bad payload). */
export class GiveUp extends Error {}

export type JobContext = { job: Job; nowMs: number; signal: AbortSignal };
export type JobHandler = {
  run(payload: unknown, ctx: JobContext): Promise<void>;
  backoff?: Backoff;
  /** How long a claim holds the job (default 1 minute); longer than the slowest run. */
  leaseMs?: number;
  /** Told of an attempt that failed (the webhook delivery log records it). */
  onFailure?(
    payload: unknown,
    ctx: JobContext & { error: Error; retryAtMs: number | null },
  ): Promise<void>;
};

export type JobRunnerOptions = {
  db: JobsDb;
  handlers: Record<string, JobHandler>;
  logger: Logger;
  now?: () => number;
  /** How often the queue is polled when idle (default 1 s). */
  pollMs?: number;
  /** Jobs run at once by this process (default 4). */
  concurrency?: number;
  recurring?: readonly Recurring[];
  /**
   * In-process periodic work run from the loop (the alert dispatcher): safe
   * on every instance at once by its own claims. True when it did something
   * (the loop goes round again at once: it may have enqueued jobs).
   */
  ticks?: readonly { name: string; everyMs: number; run(nowMs: number): Promise<boolean> }[];
  workerId?: string;
};

export type JobRunner = {
  start(): void;
  /** Stop claiming, wait (up to `graceMs`) for the jobs in hand. Unfinished ones are retried later by their lease. */
  stop(graceMs?: number): Promise<void>;
  /** Enqueue and wake the loop (a job due now runs without waiting for the next poll). */
  enqueue(job: NewJob): Promise<{ id: string; created: boolean }>;
  /** Wake the loop now. */
  poke(): void;
  /** Resolves when the queue has nothing due and nothing runs (tests). */
  idle(): Promise<void>;
  /** What this process did since it started (the /metrics gauges). */
  stats(): JobStats;
};

export type JobStats = { running: number; completed: number; retried: number; gaveUp: number };

const DEFAULT_LEASE_MS = 60_000;
const DEFAULT_BACKOFF: Backoff = { baseMs: 5_000, maxMs: 15 * 60_000 };

export function createJobRunner(o: JobRunnerOptions): JobRunner {
  const now = o.now ?? Date.now;
  const pollMs = o.pollMs ?? 1_000;
  const concurrency = o.concurrency ?? 4;
  const workerId = o.workerId ?? randomUUID();
  const leaseClasses = new Map<number, string[]>();
  for (const [kind, h] of Object.entries(o.handlers)) {
    const lease = h.leaseMs ?? DEFAULT_LEASE_MS;
    leaseClasses.set(lease, [...(leaseClasses.get(lease) ?? []), kind]);
  }
  const abort = new AbortController();
  const running = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | null = null;
  let loop: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let started = false;
  let idleWaiters: (() => void)[] = [];
  const lastPeriod = new Map<string, number>();
  const lastTick = new Map<string, number>();
  const counts = { completed: 0, retried: 0, gaveUp: 0 };

  async function runTicks(nowMs: number) {
    for (const t of o.ticks ?? []) {
      if (nowMs - (lastTick.get(t.name) ?? Number.NEGATIVE_INFINITY) < t.everyMs) continue;
      lastTick.set(t.name, nowMs);
      try {
        if (await t.run(nowMs)) {
          lastTick.delete(t.name); // more may wait: go again next round
          again = true;
        }
      } catch (e) {
        o.logger.error({ err: e, tick: t.name }, "periodic work failed");
      }
    }
  }

  async function scheduleRecurring(nowMs: number) {
    for (const r of o.recurring ?? []) {
      const period = periodKey(r, nowMs);
      if (lastPeriod.get(r.name) === period) continue;
      if (!withinCatchUp(r, nowMs)) continue;
      // The dedupe key is the period: every instance enqueues it, one row exists, one claim runs it.
      await o.db.enqueueJob(
        {
          kind: r.kind,
          payload: { period, ...(r.payload ?? {}) },
          runAtMs: nowMs,
          dedupeKey: `every:${r.name}:${period}`,
          giveUpAtMs: nowMs + r.intervalMs,
        },
        nowMs,
      );
      lastPeriod.set(r.name, period);
    }
  }

  async function runOne(job: Job) {
    const handler = o.handlers[job.kind];
    const nowMs = now();
    const ctx: JobContext = { job, nowMs, signal: abort.signal };
    try {
      if (!handler) throw new GiveUp(`no handler for ${job.kind}`);
      await handler.run(job.payload, ctx);
      await o.db.completeJob(job.id, workerId, now());
      counts.completed++;
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      let retryAtMs: number | null = null;
      if (!(error instanceof GiveUp)) {
        retryAtMs =
          error instanceof RetryLater && error.atMs !== undefined
            ? error.atMs
            : now() + backoffDelay(handler?.backoff ?? DEFAULT_BACKOFF, job.attempts);
        if (job.giveUpAtMs !== null && retryAtMs > job.giveUpAtMs) retryAtMs = null;
      }
      try {
        await handler?.onFailure?.(job.payload, { ...ctx, error, retryAtMs });
      } catch (e2) {
        o.logger.warn({ err: e2, job: job.id }, "job failure hook failed");
      }
      const level = retryAtMs === null ? "warn" : "info";
      o.logger[level](
        { job: job.id, kind: job.kind, attempts: job.attempts, retryAtMs, err: error.message },
        retryAtMs === null ? "job gave up" : "job will retry",
      );
      if (retryAtMs === null) counts.gaveUp++;
      else counts.retried++;
      await o.db.failJob(job.id, workerId, { error: error.message, retryAtMs, nowMs: now() });
    }
  }

  async function tick() {
    do {
      again = false;
      if (stopped) return;
      // (runTicks may set `again` for the next round.)
      const nowMs = now();
      await scheduleRecurring(nowMs);
      await runTicks(nowMs);
      const free = concurrency - running.size;
      if (free <= 0) return;
      // Each kind is claimed with its own lease, so a job of a killed
      // process comes back after its kind's lease (30 s for a webhook), not
      // after the longest one.
      const jobs: Job[] = [];
      for (const [leaseMs, group] of leaseClasses) {
        if (jobs.length >= free) break;
        jobs.push(
          ...(await o.db.claimJobs({
            workerId,
            nowMs,
            leaseMs,
            limit: free - jobs.length,
            kinds: group,
          })),
        );
      }
      for (const job of jobs) {
        const p = runOne(job)
          .catch((e) => o.logger.error({ err: e, job: job.id }, "job bookkeeping failed"))
          .finally(() => {
            running.delete(p);
            again = true;
            wake();
          });
        running.add(p);
      }
      if (jobs.length === free) again = true;
      if (jobs.length === 0 && running.size === 0 && !again) {
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const w of waiters) w();
      }
    } while (again && !stopped);
  }

  function wake() {
    if (stopped || !started) return;
    if (loop) {
      again = true;
      return;
    }
    loop = tick()
      .catch((e) => o.logger.error({ err: e }, "job runner tick failed"))
      .finally(() => {
        loop = null;
        if (again) wake();
      });
  }

  return {
    start() {
      if (started) return;
      started = true;
      timer = setInterval(wake, pollMs);
      timer.unref?.();
      wake();
    },
    async stop(graceMs = 5_000) {
      stopped = true;
      if (timer) clearInterval(timer);
      const late = new Promise<void>((r) => setTimeout(r, graceMs).unref?.());
      // A claim in progress may still start jobs: let it finish, then wait for all in hand.
      const inHand = (async () => {
        if (loop) await loop;
        await Promise.allSettled([...running]);
      })();
      await Promise.race([inHand, late]);
      abort.abort();
    },
    async enqueue(job) {
      const r = await o.db.enqueueJob(job, now());
      wake();
      return r;
    },
    poke: wake,
    stats: () => ({ running: running.size, ...counts }),
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        wake();
      }),
  };
}
