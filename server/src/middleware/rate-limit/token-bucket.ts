// Token buckets keyed by caller: `capacity` requests at once, refilled at
// `perSecond`. Full buckets are forgotten so memory stays bounded.
export type BucketSpec = { capacity: number; perSecond: number };
export type Take = { ok: true } | { ok: false; retryAfterSec: number };

export function createBuckets(spec: BucketSpec, now: () => number) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refill = (b: { tokens: number; at: number }, t: number) =>
    Math.min(spec.capacity, b.tokens + ((t - b.at) / 1000) * spec.perSecond);

  function sweep(t: number) {
    for (const [k, b] of buckets) if (refill(b, t) >= spec.capacity) buckets.delete(k);
  }

  return {
    take(key: string): Take {
      const t = now();
      if (buckets.size > 10_000) sweep(t);
      const b = buckets.get(key) ?? { tokens: spec.capacity, at: t };
      const tokens = refill(b, t);
      if (tokens < 1) {
        buckets.set(key, { tokens, at: t });
        return { ok: false, retryAfterSec: Math.max(1, Math.ceil((1 - tokens) / spec.perSecond)) };
      }
      buckets.set(key, { tokens: tokens - 1, at: t });
      return { ok: true };
    },
  };
}
