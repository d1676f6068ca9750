// The real server app (in-memory SQLite by default) seen the way sync
// simulations need it: a sync handler, device pairing through the real
// routes, a full entity dump, per-device lastSeq, and a replay of every push
// ever delivered (for the "re-delivery changes nothing" invariant).
import { createTestApp, TEST_STORE } from "@sightline/server/testing";
import type { Entity, SyncPath, TransportResponse } from "@sightline/shared";

export type Harness = {
  workspaceId: string;
  storeId: string;
  /** A second store of the same workspace: kiosks of `storeId` may not write there. */
  otherStoreId: string;
  handler(path: SyncPath, body: unknown, token: string): Promise<TransportResponse>;
  pair(deviceId: string, role: "staff" | "marketer"): Promise<{ token: string }>;
  dumpAll(): Promise<Entity[]>;
  lastSeqs(): Promise<Map<string, number>>;
  replayAllPushes(): Promise<void>;
  close(): Promise<void>;
};

export async function startHarness(o: { file?: string } = {}): Promise<Harness> {
  const t = await createTestApp(o.file ? { file: o.file } : {});
  const other = await t.db.createStore(t.workspaceId, {
    ...TEST_STORE,
    name: "Sightline Hà Nội",
  });
  const delivered: { path: SyncPath; body: unknown; token: string }[] = [];
  return {
    workspaceId: t.workspaceId,
    storeId: t.storeId,
    otherStoreId: other.id,
    async handler(path, body, token) {
      if (path === "/v1/sync/push") delivered.push({ path, body: structuredClone(body), token });
      return t.handler(path, body, token);
    },
    async pair(deviceId, role) {
      const d = await t.pair(role, { deviceId });
      return { token: d.token };
    },
    dumpAll: () => t.dumpAll(),
    async lastSeqs() {
      const devices = await t.db.listDevices(t.workspaceId);
      return new Map(devices.map((d) => [d.id, d.lastSeq]));
    },
    async replayAllPushes() {
      for (const d of delivered.splice(0)) await t.handler(d.path, d.body, d.token);
    },
    close: () => t.close(),
  };
}
