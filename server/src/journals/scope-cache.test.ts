import { describe, expect, it } from "vitest";
import { createScopeCache } from "./scope-cache.ts";
import type { ScannedObservation } from "./store-port.ts";

function fakeStore() {
  const calls: string[] = [];
  return {
    calls,
    scanScopedObservations: async (ws: string, scope: object): Promise<ScannedObservation[]> => {
      calls.push(`${ws}:${JSON.stringify(scope)}`);
      return [{ id: "o1", createdBy: "d", version: 1, fields: { what: "x" } }];
    },
  };
}

describe("createScopeCache", () => {
  it("scans once per workspace, version and scope (key order does not matter)", async () => {
    const store = fakeStore();
    const cache = createScopeCache(store);
    const a = await cache.get("w", 1, { channels: ["web"], needs: ["price"] });
    const b = await cache.get("w", 1, { needs: ["price"], channels: ["web"] });
    expect(b).toBe(a);
    await cache.get("w", 2, { channels: ["web"], needs: ["price"] });
    await cache.get("v", 2, { channels: ["web"], needs: ["price"] });
    expect(store.calls).toHaveLength(3);
  });

  it("computes a derived result once per entry", async () => {
    const cache = createScopeCache(fakeStore());
    const entry = await cache.get("w", 1, {});
    let runs = 0;
    const f = () => ++runs;
    expect(cache.derive(entry, "stats", f)).toBe(1);
    expect(cache.derive(entry, "stats", f)).toBe(1);
    expect(cache.derive(entry, "other", f)).toBe(2);
  });

  it("keeps the most recently used entries only", async () => {
    const store = fakeStore();
    const cache = createScopeCache(store, 2);
    await cache.get("w", 1, {});
    await cache.get("w", 2, {});
    await cache.get("w", 1, {});
    await cache.get("w", 3, {});
    await cache.get("w", 1, {});
    expect(store.calls).toHaveLength(3);
    await cache.get("w", 2, {});
    expect(store.calls).toHaveLength(4);
  });
});
