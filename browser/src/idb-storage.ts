// IndexedDB SyncStorage on `idb`: keeps entities, outbox, meta and staging.
// Each port method is one IndexedDB transaction and awaits nothing but its own
// requests, so a write is durable together with its outbox entry and HLC.
//
// The mirror and the staging area are the two object stores "entities" and
// "staging"; which one holds the mirror is recorded under the meta key
// "mirror" (absent: "entities"). A reset pulls into the other one, and the
// swap at its end flips that record and clears the old mirror — instead of
// copying every entity across, which was most of an initial pull.
//
// Pulled pages are written with raw requests that are not awaited one by
// one: a failing request aborts the transaction, and `settle` reports it.
import type { Entity } from "@sightline/shared/entity";
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
} from "@sightline/shared/sync/local-state";
import type { PullResponse } from "@sightline/shared/sync/messages/pull";
import type {
  LocalWrite,
  OutboxEntry,
  SyncMeta,
  SyncStorage,
} from "@sightline/shared/sync/storage";
import {
  type DBSchema,
  type IDBPDatabase,
  type IDBPObjectStore,
  type IDBPTransaction,
  openDB,
  type StoreNames,
  unwrap,
} from "idb";

type EntityObjectStore = "entities" | "staging";

interface SyncDB extends DBSchema {
  entities: { key: string; value: Entity };
  staging: { key: string; value: Entity };
  outbox: { key: number; value: OutboxEntry };
  /** SyncMeta under "meta"; the name of the store holding the mirror under "mirror". */
  meta: { key: string; value: SyncMeta | EntityObjectStore };
}

const META = "meta";
const MIRROR = "mirror";
const ALL = ["meta", "entities", "staging", "outbox"] as const;
type AnyTx = IDBPTransaction<SyncDB, ArrayLike<StoreNames<SyncDB>>, IDBTransactionMode>;

const other = (s: EntityObjectStore): EntityObjectStore =>
  s === "entities" ? "staging" : "entities";

/** The object store that holds the mirror, read in `tx` (which must include "meta"). */
async function mirrorOf(tx: AnyTx): Promise<EntityObjectStore> {
  const v = await tx.objectStore("meta").get(MIRROR);
  return v === "staging" ? "staging" : "entities";
}

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
  const need = (m: SyncMeta | EntityObjectStore | undefined): SyncMeta => {
    if (!m || typeof m !== "object") throw new Error("sync storage not initialised");
    return m;
  };

  return {
    close: () => db.close(),
    async init(deviceId, workspaceId, serverLastSeq) {
      const tx = db.transaction("meta", "readwrite");
      const found = await tx.store.get(META);
      let m: SyncMeta;
      if (found && typeof found === "object") m = found;
      else {
        m = newMeta(deviceId, workspaceId, serverLastSeq);
        await tx.store.put(m, META);
      }
      await tx.done;
      return m;
    },
    async meta() {
      const m = await db.get("meta", META);
      return m && typeof m === "object" ? m : null;
    },
    async commitLocal(write: LocalWrite, now) {
      const tx = db.transaction(ALL, "readwrite");
      const [m, mirror] = await Promise.all([tx.objectStore("meta").get(META), mirrorOf(tx)]);
      const current = await tx.objectStore(mirror).get(write.id);
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
        tx.objectStore(mirror).put(plan.entity),
        tx.objectStore("outbox").add(plan.entry),
      ];
      await settle(tx, Promise.all(writes));
      return plan.entry;
    },
    async outboxFrom(fromSeq, limit) {
      return db.getAll("outbox", IDBKeyRange.lowerBound(Math.max(1, fromSeq)), limit);
    },
    async ack(lastSeq, rejected, now, serverTime) {
      const tx = db.transaction(["meta", "outbox"], "readwrite");
      const work = async () => {
        const before = need(await tx.objectStore("meta").get(META));
        const after = ackMeta(before, lastSeq, rejected, now, serverTime);
        const outbox = tx.objectStore("outbox");
        const refused = await Promise.all(
          clockRejectedSeqs(before, after, rejected).map((s) => outbox.get(s)),
        );
        await markAcked(outbox, before.ackedSeq, after.ackedSeq, now);
        const plan = planRestamp(
          after,
          refused.filter((e) => e !== undefined),
          now,
        );
        await Promise.all(plan.entries.map((e) => outbox.add(e)));
        await tx.objectStore("meta").put(plan.meta, META);
      };
      await settle(tx, work());
    },
    async rebase(serverLastSeq, o) {
      const tx = db.transaction(["meta", "outbox"], "readwrite");
      const m = need(await tx.objectStore("meta").get(META));
      const outbox = tx.objectStore("outbox");
      const pending = await outbox.getAll(IDBKeyRange.lowerBound(m.ackedSeq + 1));
      const plan = planRebase(m, pending, serverLastSeq, o?.all);
      if (plan) {
        await Promise.all(pending.map((e) => outbox.delete(e.seq)));
        await Promise.all(plan.entries.map((e) => outbox.put(e)));
        await tx.objectStore("meta").put(plan.meta, META);
      }
      await tx.done;
    },
    async applyPull(page: PullResponse, now) {
      const tx = db.transaction(ALL, "readwrite");
      const work = async () => {
        const [m, mirror] = await Promise.all([tx.objectStore("meta").get(META), mirrorOf(tx)]);
        const before = need(m);
        const plan = planPull(before, page, now);
        await markAcked(tx.objectStore("outbox"), before.ackedSeq, plan.meta.ackedSeq, now);
        await markUnacked(tx.objectStore("outbox"), plan.meta.ackedSeq, before.ackedSeq);
        const spare = other(mirror);
        if (plan.clearStaging) unwrap(tx.objectStore(spare)).clear();
        const name = plan.target === "staging" ? spare : mirror;
        const target = unwrap(tx.objectStore(name));
        if (plan.target === "staging") {
          // Staging only ever holds server state, and a later page carries a
          // later version of the server's (join-merged) state: no read needed.
          for (const c of page.changes) target.put(applyChange(undefined, c, before));
        } else {
          const live = tx.objectStore(name);
          const ids = page.changes.map((c) => (c.op === "put" ? c.entity.id : c.id));
          const currents = await Promise.all(ids.map((id) => live.get(id)));
          // Within one page an id appears once (server rows are unique per page).
          page.changes.forEach((c, i) => {
            target.put(applyChange(currents[i], c, before));
          });
        }
        if (plan.swap) {
          // The staging area becomes the mirror; replay what the server has
          // not got yet on top of it, then empty the old mirror.
          const pending = await tx
            .objectStore("outbox")
            .getAll(IDBKeyRange.lowerBound(page.lastSeq + 1));
          const staged = tx.objectStore(spare);
          const ids = [...new Set(pending.map((e) => e.id))];
          const found = await Promise.all(ids.map((id) => staged.get(id)));
          const byId = new Map(ids.map((id, i) => [id, found[i]]));
          const replayed = replayOutbox((id) => byId.get(id), pending, before);
          for (const e of replayed.values()) target.put(e);
          unwrap(tx.objectStore(mirror)).clear(); // its space, not correctness: a reset clears first
          unwrap(tx.objectStore("meta")).put(spare, MIRROR);
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
      const tx = db.transaction(ALL, "readonly");
      return tx.objectStore(await mirrorOf(tx)).get(id);
    },
    async entities() {
      const tx = db.transaction(ALL, "readonly");
      return tx.objectStore(await mirrorOf(tx)).getAll();
    },
  };
}

/**
 * Wait for a transaction's requests and its commit. When the work or the
 * transaction fails, abort it and throw the transaction's own error — a
 * QuotaExceededError, say — rather than the AbortError every request of it
 * gets, and leave no rejection unhandled.
 */
async function settle<T>(
  tx: { done: Promise<void>; error: DOMException | null; abort(): void },
  work: Promise<T>,
): Promise<T> {
  try {
    const out = await work;
    await tx.done;
    return out;
  } catch (e) {
    // A request that threw synchronously (a DataCloneError, say) leaves the
    // transaction running: abort it, so nothing of a failed step commits.
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    await tx.done.catch(() => undefined);
    throw tx.error ?? e;
  }
}

type OutboxObjectStore = IDBPObjectStore<
  SyncDB,
  ArrayLike<StoreNames<SyncDB>>,
  "outbox",
  "readwrite"
>;

/** Rewind acks in (to, from] — a restored server no longer holds them. */
async function markUnacked(outbox: OutboxObjectStore, to: number, from: number): Promise<void> {
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
  outbox: OutboxObjectStore,
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
