// SIGHTLINE_DEMO=1: seed the workspace with two stores, three competitors and
// a few hundred observations from a kiosk per store and one extension — all
// written through the real push algorithm, so they are ordinary entities.
// Idempotent: config is matched by name, devices by fixed ids, and re-pushing
// the same seqs is a no-op.
import { randomUUID } from "node:crypto";
import { hlcFormat, type Mutation } from "@sightline/shared";
import { KIND_OF_ROLE } from "../../auth/roles.ts";
import type { Db, DevicePrincipal } from "../../db/port.ts";
import {
  DEMO_COMPETITORS,
  DEMO_STORES,
  type DemoCompetitorKey,
  type DemoStoreKey,
} from "./catalog.ts";
import { seedDemoJournal } from "./journal.ts";
import { marketerDesk } from "./marketer-desk.ts";
import { createRng, demoId } from "./random.ts";
import { storeFloor } from "./store-floor.ts";
import { timeline } from "./timeline.ts";

type Keyed<K extends string> = Record<K, string>;

async function ensureConfig(db: Db, ws: string) {
  const stores = await db.listStores(ws);
  const competitors = await db.listCompetitors(ws);
  const storeIds = {} as Keyed<DemoStoreKey>;
  for (const [key, input] of Object.entries(DEMO_STORES) as [
    DemoStoreKey,
    (typeof DEMO_STORES)[DemoStoreKey],
  ][]) {
    storeIds[key] =
      stores.find((s) => s.name === input.name)?.id ?? (await db.createStore(ws, input)).id;
  }
  const competitorIds = {} as Keyed<DemoCompetitorKey>;
  for (const [key, input] of Object.entries(DEMO_COMPETITORS) as [
    DemoCompetitorKey,
    (typeof DEMO_COMPETITORS)[DemoCompetitorKey],
  ][]) {
    competitorIds[key] =
      competitors.find((c) => c.name === input.name)?.id ??
      (await db.createCompetitor(ws, input)).id;
  }
  return { storeIds, competitorIds };
}

/** A seed device with a fixed id, paired once through a code like any other. */
async function seedDevice(
  db: Db,
  ws: string,
  ownerId: string,
  deviceId: string,
  role: "staff" | "marketer",
  storeId: string | null,
): Promise<DevicePrincipal> {
  const known = (await db.listDevices(ws)).find((d) => d.id === deviceId);
  const principal = (d: {
    id: string;
    storeId: string | null;
    ownerId: string;
  }): DevicePrincipal => ({
    type: "device",
    workspaceId: ws,
    deviceId: d.id,
    kind: KIND_OF_ROLE[role],
    role,
    storeId: d.storeId,
    ownerId: d.ownerId,
  });
  if (known) return principal(known);
  const codeHash = `demo-${randomUUID()}`;
  const now = new Date();
  await db.createPairingCode({
    workspaceId: ws,
    codeHash,
    role,
    storeId,
    label: `Demo ${deviceId}`,
    createdBy: ownerId,
    expiresAt: new Date(now.getTime() + 60_000).toISOString(),
  });
  const r = await db.pairDevice({
    codeHash,
    deviceId,
    kind: KIND_OF_ROLE[role],
    name: `Demo ${deviceId}`,
    origin: null,
    tokenHash: `unusable-${randomUUID()}`,
    now: now.toISOString(),
  });
  if (!r.ok) throw new Error(`demo device ${deviceId}: ${r.reason}`);
  return principal(r.device);
}

async function pushAll(
  db: Db,
  d: DevicePrincipal,
  all: Record<string, unknown>[],
  now: Date,
): Promise<number> {
  // Nothing later than now: today's afternoon has not happened yet.
  const creates = all.filter((f) => Date.parse(String(f.capturedAt)) <= now.getTime() - 60_000);
  const mutations: Mutation[] = creates.map((fields, i) => {
    const ms = Date.parse(String(fields.capturedAt));
    return {
      seq: i + 1,
      op: "obs.create",
      id: demoId(ms, `${d.deviceId}:${i + 1}`),
      hlc: hlcFormat({ ms, counter: 0, node: d.deviceId }),
      fields,
    };
  });
  let applied = 0;
  for (let i = 0; i < mutations.length; i += 500) {
    const out = await db.push({
      workspaceId: d.workspaceId,
      device: d,
      appVersion: "demo-seed",
      mutations: mutations.slice(i, i + 500),
      now,
    });
    if (out.kind !== "ok") throw new Error(`demo push for ${d.deviceId}: ${out.kind}`);
    if (out.rejected.length)
      throw new Error(`demo push for ${d.deviceId} rejected: ${JSON.stringify(out.rejected[0])}`);
    applied += out.applied;
  }
  return applied;
}

/** Seed the demo into `workspaceId`; returns how many observations this call added. */
export async function seedDemo(
  db: Db,
  workspaceId: string,
  ownerId: string,
  now = new Date(),
): Promise<number> {
  const { storeIds, competitorIds } = await ensureConfig(db, workspaceId);
  const t = timeline(now);
  let added = 0;
  const seen = new Set<string>();
  for (const key of ["hcm", "hn"] as const) {
    const kiosk = await seedDevice(
      db,
      workspaceId,
      ownerId,
      `demo-kiosk-${key}`,
      "staff",
      storeIds[key],
    );
    const s = DEMO_STORES[key];
    added += await pushAll(
      db,
      kiosk,
      storeFloor(
        createRng(key === "hcm" ? 11 : 22),
        t,
        key,
        storeIds[key],
        s.zones,
        s.feedbackQuestion.vi,
        seen,
      ),
      now,
    );
  }
  const ext = await seedDevice(db, workspaceId, ownerId, "demo-extension", "marketer", null);
  added += await pushAll(db, ext, marketerDesk(createRng(33), t, competitorIds), now);
  await seedDemoJournal(db, workspaceId, ownerId, now);
  return added;
}
