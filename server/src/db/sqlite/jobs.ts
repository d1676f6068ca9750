// The durable job queue on SQLite: one server process owns the file, so a
// claim is one IMMEDIATE transaction through the single writer (no other
// claimer can interleave); leases still matter — a job claimed by a process
// that was killed becomes due again when its lease runs out.
import { uuidv7 } from "@sightline/shared";
import type { JobsDb, NewJob } from "../port.ts";
import { type JobRow, toJob } from "../rows/jobs.ts";
import type { SqliteHandle } from "./handle.ts";

/** The INSERT of one job (used here and by other parts that enqueue inside their transaction). */
export function prepareEnqueue(db: SqliteHandle["db"]) {
  const insert = db.prepare(
    `INSERT INTO jobs (id, kind, payload, dedupe_key, run_at_ms, give_up_at_ms, created_at_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`,
  );
  const byKey = db.prepare("SELECT id FROM jobs WHERE dedupe_key = ?");
  return (job: NewJob, nowMs: number): { id: string; created: boolean } => {
    const id = uuidv7();
    const r = insert.run(
      id,
      job.kind,
      JSON.stringify(job.payload ?? null),
      job.dedupeKey ?? null,
      job.runAtMs,
      job.giveUpAtMs ?? null,
      nowMs,
    );
    if (r.changes === 1) return { id, created: true };
    const existing = byKey.get(job.dedupeKey) as { id: string };
    return { id: existing.id, created: false };
  };
}

export function createJobsPart({ db, queue }: SqliteHandle): JobsDb {
  const enqueue = prepareEnqueue(db);
  const due = db.prepare(
    `SELECT id FROM jobs WHERE state = 'pending' AND run_at_ms <= @now
       AND (locked_until_ms IS NULL OR locked_until_ms <= @now)
       AND (@kinds IS NULL OR kind IN (SELECT value FROM json_each(@kinds)))
     ORDER BY run_at_ms, id LIMIT @limit`,
  );
  const lease = db.prepare(
    `UPDATE jobs SET locked_by = @worker, locked_until_ms = @until, attempts = attempts + 1
     WHERE id = @id RETURNING *`,
  );
  const complete = db.prepare(
    `UPDATE jobs SET state = 'done', locked_by = NULL, locked_until_ms = NULL, finished_at_ms = @now
     WHERE id = @id AND locked_by = @worker AND state = 'pending'`,
  );
  const fail = db.prepare(
    `UPDATE jobs SET
       state = CASE WHEN @retry IS NULL OR (give_up_at_ms IS NOT NULL AND @retry > give_up_at_ms)
                    THEN 'failed' ELSE 'pending' END,
       run_at_ms = coalesce(@retry, run_at_ms),
       finished_at_ms = CASE WHEN @retry IS NULL OR (give_up_at_ms IS NOT NULL AND @retry > give_up_at_ms)
                    THEN @now ELSE NULL END,
       last_error = @error, locked_by = NULL, locked_until_ms = NULL
     WHERE id = @id AND locked_by = @worker AND state = 'pending'`,
  );
  const get = db.prepare("SELECT * FROM jobs WHERE id = ?");
  const prune = db.prepare("DELETE FROM jobs WHERE state <> 'pending' AND finished_at_ms < ?");
  const claim = db.transaction(
    (o: {
      workerId: string;
      nowMs: number;
      leaseMs: number;
      limit: number;
      kinds?: readonly string[];
    }) => {
      const ids = due.all({
        now: o.nowMs,
        kinds: o.kinds ? JSON.stringify(o.kinds) : null,
        limit: o.limit,
      }) as { id: string }[];
      return ids.map(({ id }) =>
        toJob(lease.get({ id, worker: o.workerId, until: o.nowMs + o.leaseMs }) as JobRow),
      );
    },
  );

  return {
    enqueueJob: (job, nowMs) => queue.run(() => enqueue(job, nowMs)),
    claimJobs: (o) => queue.run(() => claim.immediate(o)),
    completeJob: (id, worker, now) =>
      queue.run(() => complete.run({ id, worker, now }).changes === 1),
    failJob: (id, worker, o) =>
      queue.run(
        () =>
          fail.run({ id, worker, retry: o.retryAtMs, error: o.error.slice(0, 2000), now: o.nowMs })
            .changes === 1,
      ),
    getJob: (id) =>
      queue.run(() => {
        const r = get.get(id) as JobRow | undefined;
        return r ? toJob(r) : null;
      }),
    pruneJobs: (before) => queue.run(() => prune.run(before).changes),
  };
}
