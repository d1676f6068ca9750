// Rate-limit buckets shared by every server instance on the database: one
// atomic upsert per take (the row lock of ON CONFLICT DO UPDATE serialises
// instances taking from one key), refilled from the elapsed time. Rows of
// idle keys are swept now and then so the table stays small.
import type { RateBucketsDb } from "../port.ts";
import type { PgHandle } from "./handle.ts";

const SWEEP_EVERY = 1000;
const IDLE_MS = 86_400_000;

export function createRateBucketsPart({ sql }: PgHandle): RateBucketsDb {
  let takes = 0;
  return {
    async takeRateToken(key, spec, now) {
      if (++takes % SWEEP_EVERY === 0)
        await sql`DELETE FROM rate_buckets WHERE at_ms < ${now - IDLE_MS}`;
      const cap = spec.capacity;
      const rate = spec.perSecond;
      const refilled = () => sql`least(${cap}::float8, rate_buckets.tokens
        + greatest(0, ${now}::bigint - rate_buckets.at_ms) / 1000.0 * ${rate}::float8)`;
      const [r] = await sql<{ tokens: number; ok: boolean }[]>`
        INSERT INTO rate_buckets (key, tokens, at_ms, ok) VALUES (${key}, ${cap - 1}, ${now}, true)
        ON CONFLICT (key) DO UPDATE SET
          ok = ${refilled()} >= 1,
          tokens = ${refilled()} - CASE WHEN ${refilled()} >= 1 THEN 1 ELSE 0 END,
          at_ms = greatest(rate_buckets.at_ms, ${now}::bigint)
        RETURNING tokens, ok`;
      if (!r) throw new Error("takeRateToken: no row");
      return r.ok
        ? { ok: true }
        : { ok: false, retryAfterSec: Math.max(1, Math.ceil((1 - r.tokens) / rate)) };
    },
  };
}
