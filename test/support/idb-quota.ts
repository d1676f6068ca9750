// A full disk for fake-indexeddb: while `full` is on, every put/add aborts its
// transaction with a QuotaExceededError DOMException — what a browser does
// when a transaction would exceed the origin's quota (the request fails and
// the whole transaction rolls back; nothing of it is kept).
// https://w3c.github.io/IndexedDB/#dom-idbtransaction-error
import "fake-indexeddb/auto";

type Aborting = { _abort(name: string): void; _state: string };
type Store = { transaction: Aborting; put: Method; add: Method };
type Method = (this: Store, ...args: unknown[]) => unknown;

export function installQuota() {
  const proto = (globalThis as unknown as { IDBObjectStore: { prototype: Store } }).IDBObjectStore
    .prototype;
  const original = { put: proto.put, add: proto.add };
  const state = { full: false, refused: 0 };
  const doomed = new WeakSet<Aborting>();
  for (const name of ["put", "add"] as const) {
    proto[name] = function (this: Store, ...args: unknown[]) {
      const request = original[name].apply(this, args);
      const tx = this.transaction;
      if (state.full && !doomed.has(tx)) {
        doomed.add(tx);
        state.refused++;
        // Like a browser: the requests are queued, then the transaction fails
        // as a whole before it commits. fake-indexeddb's internal abort with
        // an error name is the spec's "abort a transaction with error".
        queueMicrotask(() => {
          if (tx._state !== "finished" && tx._state !== "committing")
            tx._abort("QuotaExceededError");
        });
      }
      return request;
    };
  }
  return {
    state,
    restore() {
      proto.put = original.put;
      proto.add = original.add;
    },
  };
}
