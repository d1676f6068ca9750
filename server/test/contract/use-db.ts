// A fresh Db per test from the adapter's factory, closed afterwards.
import { afterEach, beforeEach } from "vitest";
import type { Db } from "../../src/db/port.ts";
import type { DbFactory } from "./fixture.ts";

export function useDb(make: DbFactory): () => Db {
  let db: Db | null = null;
  beforeEach(async () => {
    db = await make();
  });
  afterEach(async () => {
    await db?.close();
    db = null;
  });
  return () => {
    if (!db) throw new Error("store not ready");
    return db;
  };
}
