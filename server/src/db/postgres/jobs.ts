// The durable job queue on PostgreSQL, for many instances on one database:
// a claim is ONE statement whose subquery locks due rows with FOR UPDATE
// SKIP LOCKED, so two instances claiming at the same moment take disjoint
// jobs (a row another claimer holds is skipped, and one it has just leased
// no longer matches when re-checked). A lease that runs out (the instance
// was killed) makes the job due again: at-least-once.
import { uuidv7 } from "@sightline/shared";
import type { JobsDb, NewJob } from "../port.ts";
import { type JobRow, toJob } from "../rows/jobs.ts";
import type { Sql, Tx } from "./connect.ts";
import type { PgHandle } from "./handle.ts";

/** Insert one job on `sql` (a pool or a transaction); a taken dedupe key changes nothing. */
export async function enqueueOn(
  sql: Sql | Tx,
  job: NewJob,
  nowMs: number,
): Promise<{ id: string; created: boolean }> {
  const id = uuidv7();
  const rows = await sql<{ id: string }[]>`
    INSERT INTO jobs (id, kind, payload, dedupe_key, run_at_ms, give_up_at_ms, created_at_ms)
    VALUES (${id}, ${job.kind}, ${JSON.stringify(job.payload ?? null)}::jsonb, ${job.dedupeKey ?? null},
      ${job.runAtMs}, ${job.giveUpAtMs ?? null}, ${nowMs})
    ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`;
  if (rows.length === 1) return { id, created: true };
  const [existing] = await sql<
    { id: string }[]
  >`SELECT id FROM jobs WHERE dedupe_key = ${job.dedupeKey ?? null}`;
  if (!existing) throw new Error("enqueueJob: conflict without a row");
  return { id: existing.id, created: false };
}

export function createJobsPart({ sql }: PgHandle): JobsDb {
  return {
    enqueueJob: (job, nowMs) => enqueueOn(sql, job, nowMs),
    async claimJobs(o) {
      const rows = await sql<JobRow[]>`
        UPDATE jobs SET locked_by = ${o.workerId}, locked_until_ms = ${o.nowMs + o.leaseMs},
          attempts = attempts + 1
        WHERE id IN (
          SELECT id FROM jobs WHERE state = 'pending' AND run_at_ms <= ${o.nowMs}
            AND (locked_until_ms IS NULL OR locked_until_ms <= ${o.nowMs})
            ${o.kinds ? sql`AND kind = ANY(${o.kinds as string[]})` : sql``}
          ORDER BY run_at_ms, id LIMIT ${o.limit}
          FOR UPDATE SKIP LOCKED)
        RETURNING *`;
      return rows.map(toJob).sort((a, b) => a.runAtMs - b.runAtMs || (a.id < b.id ? -1 : 1));
    },
    async completeJob(id, worker, now) {
      const r = await sql`
        UPDATE jobs SET state = 'done', locked_by = NULL, locked_until_ms = NULL, finished_at_ms = ${now}
        WHERE id = ${id} AND locked_by = ${worker} AND state = 'pending'`;
      return r.count === 1;
    },
    async failJob(id, worker, o) {
      const retry = o.retryAtMs;
      const r = await sql`
        UPDATE jobs SET
          state = CASE WHEN ${retry}::bigint IS NULL OR (give_up_at_ms IS NOT NULL AND ${retry}::bigint > give_up_at_ms)
                       THEN 'failed' ELSE 'pending' END,
          run_at_ms = coalesce(${retry}::bigint, run_at_ms),
          finished_at_ms = CASE WHEN ${retry}::bigint IS NULL OR (give_up_at_ms IS NOT NULL AND ${retry}::bigint > give_up_at_ms)
                       THEN ${o.nowMs}::bigint ELSE NULL END,
          last_error = ${o.error.slice(0, 2000)}, locked_by = NULL, locked_until_ms = NULL
        WHERE id = ${id} AND locked_by = ${worker} AND state = 'pending'`;
      return r.count === 1;
    },
    async getJob(id) {
      const [r] = await sql<JobRow[]>`SELECT * FROM jobs WHERE id = ${id}`;
      return r ? toJob(r) : null;
    },
    async pruneJobs(before) {
      const r = await sql`DELETE FROM jobs WHERE state <> 'pending' AND finished_at_ms < ${before}`;
      return r.count;
    },
  };
}
