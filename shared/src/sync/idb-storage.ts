// IndexedDB SyncStorage on `idb`: stores entities, outbox, meta and staging.
// Each port method is one IndexedDB transaction and awaits nothing but its own
// requests, so a write is durable together with its outbox entry and HLC.
import {
  type DBSchema,
  type IDBPDatabase,
  type IDBPObjectStore,
  openDB,
  type StoreNames,
} from "idb";
import type { Entity } from "../entity.ts";
import {
  ackMeta,
  applyChange,
  newMeta,
  planLocalWrite,
  planPull,
  planRebase,
  replayOutbox,
} from "./local-state.ts";
import type { PullResponse } from "./messages/pull.ts";
import type { LocalWrite, OutboxEntry, SyncMeta, SyncStorage } from "./storage.ts";

interface SyncDB extends DBSchema {
  entities: { key: string; value: Entity };
  staging: { key: string; value: Entity };
  outbox: { key: number; value: OutboxEntry };
  meta: { key: string; value: SyncMeta };
}

const META = "meta";

/**
 * Open (creating if needed) the sync database named `name` — one per paired
 * device. Uses the global `indexedDB` (tests load `fake-indexeddb/auto`).
 */
export async function openIdbStorage(
  name = "sightline-sync",
): Promise<SyncStorage & { close(): void }> {
  const db = await openDB<SyncDB>(name, 1, {
    upgrade(d) {
      d.createObjectStore("entities", { keyPath: "id" });
      d.createObjectStore("staging", { keyPath: "id" });
      d.createObjectStore("outbox", { keyPath: "seq" });
      d.createObjectStore("meta");
    },
  });
  return idbStorage(db);
}

function idbStorage(db: IDBPDatabase<SyncDB>): SyncStorage & { close(): void } {
  const need = (m: SyncMeta | undefined): SyncMeta => {
    if (!m) throw new Error("sync storage not initialised");
    return m;
  };

  return {
    close: () => db.close(),
    async init(deviceId, workspaceId) {
      const tx = db.transaction("meta", "readwrite");
      let m = await tx.store.get(META);
      if (!m) {
        m = newMeta(deviceId, workspaceId);
        await tx.store.put(m, META);
      }
      await tx.done;
      return m;
    },
    async meta() {
      return (await db.get("meta", META)) ?? null;
    },
    async commitLocal(write: LocalWrite, now) {
      const tx = db.transaction(["meta", "entities", "outbox"], "readwrite");
      const [m, current] = await Promise.all([
        tx.objectStore("meta").get(META),
        tx.objectStore("entities").get(write.id),
      ]);
      let plan: ReturnType<typeof planLocalWrite>;
      try {
        plan = planLocalWrite(need(m), current, write, now);
      } catch (e) {
        tx.abort();
        await tx.done.catch(() => undefined);
        throw e;
      }
      const writes = [
        tx.objectStore("meta").put(plan.meta, META),
        tx.objectStore("entities").put(plan.entity),
        tx.objectStore("outbox").add(plan.entry),
      ];
      await settle(tx, Promise.all(writes));
      return plan.entry;
    },
    async outboxFrom(fromSeq, limit) {
      return db.getAll("outbox", IDBKeyRange.lowerBound(Math.max(1, fromSeq)), limit);
    },
    async ack(lastSeq, rejected, now) {
      const tx = db.transaction(["meta", "outbox"], "readwrite");
      const work = async () => {
        const before = need(await tx.objectStore("meta").get(META));
        const after = ackMeta(before, lastSeq, rejected, now);
        await markAcked(tx.objectStore("outbox"), before.ackedSeq, after.ackedSeq, now);
        await tx.objectStore("meta").put(after, META);
      };
      await settle(tx, work());
    },
    async rebase(serverLastSeq) {
      const tx = db.transaction(["meta", "outbox"], "readwrite");
      const m = need(await tx.objectStore("meta").get(META));
      const outbox = tx.objectStore("outbox");
      const pending = await outbox.getAll(IDBKeyRange.lowerBound(m.ackedSeq + 1));
      const plan = planRebase(m, pending, serverLastSeq);
      if (plan) {
        await Promise.all(pending.map((e) => outbox.delete(e.seq)));
        await Promise.all(plan.entries.map((e) => outbox.put(e)));
        await tx.objectStore("meta").put(plan.meta, META);
      }
      await tx.done;
    },
    async applyPull(page: PullResponse, now) {
      const tx = db.transaction(["meta", "entities", "staging", "outbox"], "readwrite");
      const work = async () => {
        const before = need(await tx.objectStore("meta").get(META));
        const plan = planPull(before, page, now);
        await markAcked(tx.objectStore("outbox"), before.ackedSeq, plan.meta.ackedSeq, now);
        await markUnacked(tx.objectStore("outbox"), plan.meta.ackedSeq, before.ackedSeq);
        if (plan.clearStaging) await tx.objectStore("staging").clear();
        const target = tx.objectStore(plan.target);
        const ids = page.changes.map((c) => (c.op === "put" ? c.entity.id : c.id));
        // Staging only ever holds server state, and a later page carries a
        // later version of the server's (join-merged) state: no read needed.
        // That halves the IndexedDB work of an initial pull.
        const currents =
          plan.target === "staging" ? [] : await Promise.all(ids.map((id) => target.get(id)));
        // Within one page an id appears once (server rows are unique per page).
        const writes = page.changes.map((c, i) => target.put(applyChange(currents[i], c, before)));
        await Promise.all(writes);
        if (plan.swap) {
          const staged = await tx.objectStore("staging").getAll();
          const live = tx.objectStore("entities");
          await live.clear();
          await Promise.all(staged.map((e) => live.put(e)));
          await tx.objectStore("staging").clear();
          const pending = await tx
            .objectStore("outbox")
            .getAll(IDBKeyRange.lowerBound(page.lastSeq + 1));
          const byId = new Map(staged.map((e) => [e.id, e]));
          const replayed = replayOutbox((id) => byId.get(id), pending, before);
          await Promise.all([...replayed.values()].map((e) => live.put(e)));
        }
        await tx.objectStore("meta").put(plan.meta, META);
      };
      await settle(tx, work());
    },
    async prune(olderThan) {
      const tx = db.transaction("outbox", "readwrite");
      let n = 0;
      for (let c = await tx.store.openCursor(); c; c = await c.continue()) {
        if (c.value.ackedAt === null) break; // acked entries form a prefix
        if (c.value.ackedAt < olderThan) {
          await c.delete();
          n++;
        }
      }
      await tx.done;
      return n;
    },
    async stats() {
      const tx = db.transaction(["meta", "outbox"], "readonly");
      const m = need(await tx.objectStore("meta").get(META));
      const range = IDBKeyRange.lowerBound(m.ackedSeq + 1);
      const [unsynced, first] = await Promise.all([
        tx.objectStore("outbox").count(range),
        tx.objectStore("outbox").openCursor(range),
      ]);
      await tx.done;
      return { unsynced, oldestUnsyncedAt: first?.value.createdAt ?? null };
    },
    async entity(id) {
      return db.get("entities", id);
    },
    async entities() {
      return db.getAll("entities");
    },
  };
}

/**
 * Wait for a transaction's requests and its commit. When the transaction
 * fails, throw its own error — a QuotaExceededError, say — rather than the
 * AbortError every request of it gets, and leave no rejection unhandled.
 */
async function settle<T>(
  tx: { done: Promise<void>; error: DOMException | null },
  work: Promise<T>,
): Promise<T> {
  try {
    const out = await work;
    await tx.done;
    return out;
  } catch (e) {
    await tx.done.catch(() => undefined);
    throw tx.error ?? e;
  }
}

type OutboxStore = IDBPObjectStore<SyncDB, ArrayLike<StoreNames<SyncDB>>, "outbox", "readwrite">;

/** Rewind acks in (to, from] — a restored server no longer holds them. */
async function markUnacked(outbox: OutboxStore, to: number, from: number): Promise<void> {
  if (to >= from) return;
  for (
    let c = await outbox.openCursor(IDBKeyRange.bound(to + 1, from));
    c;
    c = await c.continue()
  ) {
    if (c.value.ackedAt !== null) await c.update({ ...c.value, ackedAt: null });
  }
}

async function markAcked(
  outbox: OutboxStore,
  from: number,
  to: number,
  now: number,
): Promise<void> {
  if (to <= from) return;
  for (
    let c = await outbox.openCursor(IDBKeyRange.bound(from + 1, to));
    c;
    c = await c.continue()
  ) {
    if (c.value.ackedAt === null) await c.update({ ...c.value, ackedAt: now });
  }
}
