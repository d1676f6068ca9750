// Fixtures for the Db contract suite, built through the port only (no
// SQL), so the same suite runs against every adapter.
import { randomUUID } from "node:crypto";
import { hlcFormat, type Mutation, type StoreInput, uuidv7 } from "@sightline/shared";
import type { DeviceRole } from "../../src/auth/roles.ts";
import { KIND_OF_ROLE } from "../../src/auth/roles.ts";
import type { Db, DevicePrincipal, PullChange } from "../../src/db/port.ts";

export type DbFactory = () => Promise<Db>;

export const STORE_INPUT: StoreInput = {
  name: "Quận 1",
  timeZone: "Asia/Ho_Chi_Minh",
  zones: ["Cửa vào", "Quầy"],
  behaviours: [{ code: "asked-price", label_vi: "Hỏi giá", label_en: "Asked price" }],
  feedbackQuestion: { vi: "Bạn hài lòng không?", en: "Are you happy?" },
  reasons: [{ code: "too-pricey", need: "price", label_vi: "Giá cao", label_en: "Too pricey" }],
};

export const iso = (ms: number) => new Date(ms).toISOString();
export const NOW = new Date("2026-03-10T08:00:00.000Z");

export async function seedWorkspace(db: Db, name = "Acme") {
  const ws = await db.createWorkspace(name);
  const admin = await db.createUser({
    workspaceId: ws.id,
    email: `admin-${randomUUID()}@example.com`,
    name: null,
    role: "admin",
    passwordHash: "scrypt$x",
  });
  const shop = await db.createStore(ws.id, STORE_INPUT);
  /** Pair a device through a fresh code issued by `ownerId` (default: the admin). */
  async function pair(role: DeviceRole, o: { storeId?: string; ownerId?: string } = {}) {
    const codeHash = randomUUID();
    const tokenHash = randomUUID();
    await db.createPairingCode({
      workspaceId: ws.id,
      codeHash,
      role,
      storeId: role === "staff" ? (o.storeId ?? shop.id) : null,
      label: null,
      createdBy: o.ownerId ?? admin.id,
      expiresAt: iso(Date.now() + 60_000),
    });
    const r = await db.pairDevice({
      codeHash,
      deviceId: randomUUID(),
      kind: KIND_OF_ROLE[role],
      name: null,
      origin: null,
      tokenHash,
      now: iso(Date.now()),
    });
    if (!r.ok) throw new Error(`pairing failed: ${r.reason}`);
    const d = r.device;
    const principal: DevicePrincipal = {
      type: "device",
      workspaceId: ws.id,
      deviceId: d.id,
      kind: d.kind,
      role: d.role,
      storeId: d.storeId,
      ownerId: d.ownerId,
    };
    return { principal, tokenHash };
  }
  return { ws, admin, shop, pair };
}

let tick = 0;
/** A fresh, increasing HLC for `deviceId`. */
export const hlc = (deviceId: string) =>
  hlcFormat({ ms: NOW.getTime() + ++tick, counter: 0, node: deviceId });

export function storeCreate(
  seq: number,
  d: DevicePrincipal,
  extra: Record<string, unknown> = {},
): Mutation {
  return {
    seq,
    op: "obs.create",
    id: uuidv7(),
    hlc: hlc(d.deviceId),
    fields: {
      channel: "store",
      method: "shopper-observation",
      capturedAt: NOW.toISOString(),
      storeId: d.storeId,
      what: `Khách hỏi giá #${seq}`,
      behaviour: "asked-price",
      ...extra,
    },
  };
}

export function webCreate(
  seq: number,
  d: DevicePrincipal,
  extra: Record<string, unknown> = {},
): Mutation {
  return {
    seq,
    op: "obs.create",
    id: uuidv7(),
    hlc: hlc(d.deviceId),
    fields: {
      channel: "web",
      method: "competitor-audit",
      capturedAt: NOW.toISOString(),
      url: "https://shop.example.vn/p/1",
      what: `Giá giảm còn ${seq}.000₫`,
      ...extra,
    },
  };
}

export function pushAs(db: Db, d: DevicePrincipal, mutations: Mutation[], now = NOW) {
  return db.push({ workspaceId: d.workspaceId, device: d, appVersion: "test", mutations, now });
}

/** A pull page with its changes decoded from their JSON text, as a client reads them. */
export async function pullAs(
  db: Db,
  d: DevicePrincipal,
  cookie: Parameters<Db["pull"]>[0]["cookie"],
  limit = 1000,
  now = NOW,
) {
  const page = await db.pull({
    workspaceId: d.workspaceId,
    device: d,
    cookie,
    limit,
    now,
    kioskWindowDays: 30,
  });
  return {
    ...page,
    changes: page.changes.map((c) => JSON.parse(Buffer.from(c).toString("utf8")) as PullChange),
  };
}
