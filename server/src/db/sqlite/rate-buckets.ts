// Rate-limit buckets on SQLite: one upsert per take. A SQLite file has one
// server process, so the app keeps its buckets in memory instead
// (middleware/rate-limit); this part exists so the port is the same on both
// adapters and the contract suite pins one behaviour.
import type { RateBucketsDb } from "../port.ts";
import type { SqliteHandle } from "./handle.ts";

export function createRateBucketsPart({ db, queue }: SqliteHandle): RateBucketsDb {
  const take = db.prepare(
    `INSERT INTO rate_buckets (key, tokens, at_ms, ok) VALUES (@key, @capacity - 1, @now, 1)
     ON CONFLICT (key) DO UPDATE SET
       ok = (min(@capacity, tokens + max(0, @now - at_ms) / 1000.0 * @rate) >= 1),
       tokens = min(@capacity, tokens + max(0, @now - at_ms) / 1000.0 * @rate)
         - (min(@capacity, tokens + max(0, @now - at_ms) / 1000.0 * @rate) >= 1),
       at_ms = max(at_ms, @now)
     RETURNING tokens, ok`,
  );
  return {
    takeRateToken: (key, spec, now) =>
      queue.run(() => {
        const r = take.get({ key, capacity: spec.capacity, rate: spec.perSecond, now }) as {
          tokens: number;
          ok: number;
        };
        return r.ok
          ? { ok: true as const }
          : {
              ok: false as const,
              retryAfterSec: Math.max(1, Math.ceil((1 - r.tokens) / spec.perSecond)),
            };
      }),
  };
}
