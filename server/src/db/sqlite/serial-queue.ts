// One SQLite connection, one caller at a time. better-sqlite3 is synchronous,
// but the shared push algorithm awaits between statements; without this
// queue another request could run on the same connection mid-transaction
// and see (or break) uncommitted state.
export type SerialQueue = { run<T>(fn: () => T | Promise<T>): Promise<T> };

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(fn) {
      const result = tail.then(fn);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
