// A simulated device: the real client sync engine on fake-indexeddb (or
// memory) storage, talking through a (faulty) transport. Records every write
// it made so invariants can be checked against the server afterwards.
import { openIdbStorage } from "@sightline/browser/idb-storage";
import {
  type Cookie,
  clockRejectedSeqs,
  compareCookies,
  createMemoryStorage,
  createSyncEngine,
  type OutboxEntry,
  type SyncEngine,
  type SyncStorage,
  type Transport,
} from "@sightline/shared";

export type SimClient = {
  name: string;
  deviceId: string;
  token: string;
  engine: SyncEngine;
  storage: SyncStorage;
  /** Every outbox entry this device ever committed. */
  written: OutboxEntry[];
  /** Cookies seen after each applied pull page (for monotonicity). */
  cookies: Cookie[];
  /** Seq of a write the server refused for its clock → seq it was queued again under. */
  restamped: Map<number, number>;
  clock: { skewMs: number };
};

export async function createSimClient(o: {
  name: string;
  deviceId: string;
  workspaceId: string;
  token: string;
  transport: Transport;
  storage?: "idb" | "memory";
  skewMs?: number;
  baseNow?: () => number;
  /** The pairing answer's lastSeq: a fresh storage starts its seq line after it. */
  serverLastSeq?: number;
}): Promise<SimClient> {
  const base =
    o.storage === "memory" ? createMemoryStorage() : await openIdbStorage(`sim-${o.deviceId}`);
  await base.init(o.deviceId, o.workspaceId, o.serverLastSeq);
  const cookies: Cookie[] = [];
  const restamped = new Map<number, number>();
  const clock = { skewMs: o.skewMs ?? 0 };
  // Observe cookies as the engine applies pages, and re-stamped writes as it
  // acks, without changing behaviour.
  const storage: SyncStorage = {
    ...base,
    async ack(lastSeq, rejected, now, serverTime) {
      const before = await base.meta();
      await base.ack(lastSeq, rejected, now, serverTime);
      const after = await base.meta();
      if (!before || !after) return;
      clockRejectedSeqs(before, after, rejected).forEach((seq, i) => {
        restamped.set(seq, before.nextSeq + i);
      });
    },
    async applyPull(page, now) {
      await base.applyPull(page, now);
      const m = await base.meta();
      if (m?.cookie) cookies.push(m.cookie);
    },
  };
  const now = () => (o.baseNow ?? Date.now)() + clock.skewMs;
  const engine = createSyncEngine({
    storage,
    transport: o.transport,
    appVersion: "sim",
    now,
    batchSize: 50,
  });
  const written: OutboxEntry[] = [];
  const wrapped: SyncEngine = {
    ...engine,
    async write(w) {
      const e = await engine.write(w);
      written.push(e);
      return e;
    },
  };
  return {
    name: o.name,
    deviceId: o.deviceId,
    token: o.token,
    engine: wrapped,
    storage,
    written,
    cookies,
    restamped,
    clock,
  };
}

/** Cookies within one epoch never move backwards. */
export function cookiesMonotonic(cookies: readonly Cookie[]): boolean {
  for (let i = 1; i < cookies.length; i++) {
    const a = cookies[i - 1] as Cookie;
    const b = cookies[i] as Cookie;
    if (a.epoch === b.epoch && compareCookies(b, a) < 0) return false;
  }
  return true;
}
