// In-memory SyncStorage: the reference implementation of the port, used by
// tests and simulations. Every method runs synchronously to completion, so
// each is trivially atomic.
import type { Entity } from "../entity.ts";
import {
  ackMeta,
  applyChange,
  clockRejectedSeqs,
  newMeta,
  planLocalWrite,
  planPull,
  planRebase,
  planRestamp,
  replayOutbox,
} from "./local-state.ts";
import type { PullResponse } from "./messages/pull.ts";
import type { RejectedMutation } from "./messages/push.ts";
import type { LocalWrite, OutboxEntry, OutboxStats, SyncMeta, SyncStorage } from "./storage.ts";

export function createMemoryStorage(): SyncStorage {
  let meta: SyncMeta | null = null;
  let entities = new Map<string, Entity>();
  let staging = new Map<string, Entity>();
  const outbox = new Map<number, OutboxEntry>();

  const need = (): SyncMeta => {
    if (!meta) throw new Error("sync storage not initialised");
    return meta;
  };
  const clone = <T>(v: T): T => structuredClone(v);

  return {
    async init(deviceId, workspaceId, serverLastSeq) {
      meta ??= newMeta(deviceId, workspaceId, serverLastSeq);
      return clone(meta);
    },
    async meta() {
      return meta ? clone(meta) : null;
    },
    async commitLocal(write: LocalWrite, now) {
      const plan = planLocalWrite(need(), entities.get(write.id), clone(write), now);
      meta = plan.meta;
      entities.set(plan.entity.id, plan.entity);
      outbox.set(plan.entry.seq, plan.entry);
      return clone(plan.entry);
    },
    async outboxFrom(fromSeq, limit) {
      const out: OutboxEntry[] = [];
      for (let s = Math.max(1, fromSeq); s < need().nextSeq && out.length < limit; s++) {
        const e = outbox.get(s);
        if (e) out.push(clone(e));
      }
      return out;
    },
    async ack(lastSeq, rejected: readonly RejectedMutation[], now, serverTime) {
      const before = need();
      const acked = ackMeta(before, lastSeq, rejected, now, serverTime);
      const refused = clockRejectedSeqs(before, acked, rejected).flatMap((s) => {
        const e = outbox.get(s);
        return e ? [clone(e)] : [];
      });
      for (let s = before.ackedSeq + 1; s <= acked.ackedSeq; s++) {
        const e = outbox.get(s);
        if (e && e.ackedAt === null) e.ackedAt = now;
      }
      const plan = planRestamp(acked, refused, now);
      for (const e of plan.entries) outbox.set(e.seq, e);
      meta = plan.meta;
    },
    async rebase(serverLastSeq, o) {
      const m = need();
      const pending = [...outbox.values()].filter((e) => e.seq > m.ackedSeq);
      const plan = planRebase(m, pending, serverLastSeq, o?.all);
      if (!plan) return;
      for (const e of pending) outbox.delete(e.seq);
      for (const e of plan.entries) outbox.set(e.seq, e);
      meta = plan.meta;
    },
    async applyPull(page: PullResponse, now) {
      const before = need();
      const plan = planPull(before, page, now);
      for (const e of outbox.values()) {
        if (e.seq > before.ackedSeq && e.seq <= plan.meta.ackedSeq && e.ackedAt === null)
          e.ackedAt = now;
        if (e.seq > plan.meta.ackedSeq) e.ackedAt = null; // rewound after a server restore
      }
      if (plan.clearStaging) staging = new Map();
      const target = plan.target === "staging" ? staging : entities;
      for (const c of page.changes) {
        const id = c.op === "put" ? c.entity.id : c.id;
        // Staging holds server state only; later pages carry later versions (as in idb).
        target.set(
          id,
          applyChange(plan.target === "staging" ? undefined : target.get(id), c, before),
        );
      }
      if (plan.swap) {
        entities = staging;
        staging = new Map();
        const pending = [...outbox.values()]
          .filter((e) => e.seq > page.lastSeq)
          .sort((a, b) => a.seq - b.seq);
        for (const [id, e] of replayOutbox((id) => entities.get(id), pending, before))
          entities.set(id, e);
      }
      meta = plan.meta;
    },
    async prune(olderThan) {
      let n = 0;
      for (const [seq, e] of outbox) {
        if (e.ackedAt !== null && e.ackedAt < olderThan) {
          outbox.delete(seq);
          n++;
        }
      }
      return n;
    },
    async stats(): Promise<OutboxStats> {
      const m = need();
      // "Oldest" is the first entry still queued (lowest seq), as in idb.
      const queued = [...outbox.values()]
        .filter((e) => e.seq > m.ackedSeq)
        .sort((a, b) => a.seq - b.seq);
      return { unsynced: queued.length, oldestUnsyncedAt: queued[0]?.createdAt ?? null };
    },
    async entity(id) {
      const e = entities.get(id);
      return e ? clone(e) : undefined;
    },
    async entities() {
      return clone([...entities.values()]);
    },
  };
}
