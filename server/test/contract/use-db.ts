// A fresh store per test from the adapter's factory, closed afterwards.
import { afterEach, beforeEach } from "vitest";
import type { Store } from "../../src/db/port.ts";
import type { StoreFactory } from "./fixture.ts";

export function useStore(make: StoreFactory): () => Store {
  let store: Store | null = null;
  beforeEach(async () => {
    store = await make();
  });
  afterEach(async () => {
    await store?.close();
    store = null;
  });
  return () => {
    if (!store) throw new Error("store not ready");
    return store;
  };
}
