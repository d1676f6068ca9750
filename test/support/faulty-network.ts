// A deterministic fault-injecting network between simulated clients and the
// real server handler: drop (request never arrives), lose the response after
// the server committed, duplicate and replay stale requests later (reorder),
// delay, and answer 5xx/429 without reaching the server.
import type { SyncPath, Transport, TransportResponse } from "@sightline/shared";
import type { Rng } from "./prng.ts";

export type Handler = (path: SyncPath, body: unknown, token: string) => Promise<TransportResponse>;

export type FaultRates = {
  drop: number;
  loseResponse: number;
  duplicate: number;
  replayStale: number;
  error5xx: number;
  rateLimit: number;
  maxDelayTicks: number;
};

export const NO_FAULTS: FaultRates = {
  drop: 0,
  loseResponse: 0,
  duplicate: 0,
  replayStale: 0,
  error5xx: 0,
  rateLimit: 0,
  maxDelayTicks: 0,
};
export const HARSH: FaultRates = {
  drop: 0.08,
  loseResponse: 0.08,
  duplicate: 0.08,
  replayStale: 0.05,
  error5xx: 0.05,
  rateLimit: 0.04,
  maxDelayTicks: 6,
};

export type FaultStats = Record<
  "requests" | "dropped" | "lostResponses" | "duplicates" | "replays" | "errors5xx" | "rateLimited",
  number
>;

export function createFaultyNetwork(handler: Handler, rng: Rng, rates: FaultRates) {
  let online = true;
  const stats: FaultStats = {
    requests: 0,
    dropped: 0,
    lostResponses: 0,
    duplicates: 0,
    replays: 0,
    errors5xx: 0,
    rateLimited: 0,
  };
  const stale: { path: SyncPath; body: unknown; token: string }[] = [];
  const tick = () => new Promise<void>((r) => setImmediate(r));
  const delay = async () => {
    for (let i = rng.int(rates.maxDelayTicks + 1); i > 0; i--) await tick();
  };

  /** Replay a remembered old request (its answer goes nowhere). */
  async function replayOne() {
    const old = stale.splice(rng.int(stale.length), 1)[0];
    if (!old) return;
    stats.replays++;
    await handler(old.path, old.body, old.token).catch(() => undefined);
  }

  function transportFor(token: () => string): Transport {
    return async (path, body) => {
      stats.requests++;
      const copy = structuredClone(body);
      await delay();
      if (!online || rng.chance(rates.drop)) {
        stats.dropped++;
        throw new TypeError("network error (dropped)");
      }
      if (rng.chance(rates.error5xx)) {
        stats.errors5xx++;
        return { status: 503, body: undefined, retryAfterMs: 10 };
      }
      if (rng.chance(rates.rateLimit)) {
        stats.rateLimited++;
        return { status: 429, body: { title: "slow down" }, retryAfterMs: 20 };
      }
      if (rng.chance(rates.replayStale) && stale.length > 0) await replayOne();
      if (rng.chance(rates.replayStale)) stale.push({ path, body: copy, token: token() });
      const res = await handler(path, copy, token());
      if (rng.chance(rates.duplicate)) {
        stats.duplicates++;
        await handler(path, structuredClone(copy), token());
      }
      await delay();
      if (rng.chance(rates.loseResponse)) {
        stats.lostResponses++;
        throw new TypeError("network error (response lost after commit)");
      }
      return res;
    };
  }

  return {
    transportFor,
    stats,
    setOnline(v: boolean) {
      online = v;
    },
    /** Deliver every remembered stale request now (end-of-run reordering). */
    async flushStale() {
      while (stale.length) await replayOne();
    },
  };
}
