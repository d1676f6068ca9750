// createTestApp(): the real app on an in-memory SQLite database (or, with
// useTestDatabase, another adapter such as PostgreSQL), with a signed-in
// admin, one store, and helpers to sign in as any role, pair devices and
// push/pull — for route tests here and for other packages' tests. Requests go
// through app.request(); nothing listens on a port.
import { type Cookie, type Mutation, PROTOCOL_VERSION, type StoreInput } from "@sightline/shared";
import pino, { type Logger } from "pino";
import { createApp } from "../../src/app.ts";
import type { AppDeps } from "../../src/app-deps.ts";
import { hashPassword } from "../../src/auth/password.ts";
import type { UserRole } from "../../src/auth/roles.ts";
import type { Blobs } from "../../src/db/blob-port.ts";
import type { Db } from "../../src/db/port.ts";
import { openSqliteParts } from "../../src/db/sqlite/open.ts";
import { createMetrics } from "../../src/observability/metrics.ts";
import { bootstrap } from "../../src/seed/bootstrap.ts";
import type { Notifier } from "../../src/sync/notifier.ts";

export const TEST_STORE: StoreInput = {
  name: "Sightline Quận 1",
  timeZone: "Asia/Ho_Chi_Minh",
  zones: ["Cửa vào", "Kệ điện thoại", "Quầy thu ngân"],
  behaviours: [
    { code: "asked-price", label_vi: "Hỏi giá", label_en: "Asked price" },
    { code: "left-without-buying", label_vi: "Rời đi không mua", label_en: "Left without buying" },
  ],
  feedbackQuestion: { vi: "Bạn có hài lòng hôm nay?", en: "Were you happy with us today?" },
  reasons: [{ code: "price", need: "price", label_vi: "Giá", label_en: "Price" }],
};

export type TestDevice = {
  token: string;
  deviceId: string;
  storeId?: string;
  workspaceId: string;
  /** The server's lastSeq for the device when it paired (0 new; kept on re-admission). */
  lastSeq?: number;
};
type Init = RequestInit & { token?: string; json?: unknown };

export type TestAppOptions = Partial<
  Pick<
    AppDeps,
    | "now"
    | "rateLimit"
    | "sseHeartbeatMs"
    | "staticRoots"
    | "corsOrigins"
    | "shutdown"
    | "metricsToken"
    | "ready"
    | "ssePerToken"
    | "sessions"
    | "auditRetentionDays"
    | "warmAnalytics"
    | "webhookAllowPrivate"
  >
> & {
  logger?: Logger;
  /** SQLite file; default in memory. */
  file?: string;
};

/** The database side of a test app: one adapter's Db, blobs and notifier. */
export type TestDatabase = {
  db: Db;
  blobs: Blobs;
  notifier: Notifier;
  /** Every observation row as stored, for byte-identical comparisons. */
  dumpRows(): Promise<unknown[]>;
  /** PostgreSQL: the schema's URL, for a second connection to the same rows. */
  url?: string;
  close(): Promise<void>;
};

function sqliteDatabase(file: string): TestDatabase {
  const { db, blobs, notifier, close } = openSqliteParts(file);
  return {
    db,
    blobs,
    notifier,
    dumpRows: async () =>
      db.handle.db.prepare("SELECT * FROM observations ORDER BY workspace_id, id").all(),
    close,
  };
}

let openDatabase: (() => Promise<TestDatabase>) | null = null;
/** Run every later createTestApp() of this test file on `open()` (e.g. PostgreSQL). */
export function useTestDatabase(open: (() => Promise<TestDatabase>) | null): void {
  openDatabase = open;
}

export async function createTestApp(o: TestAppOptions = {}) {
  const database = openDatabase ? await openDatabase() : sqliteDatabase(o.file ?? ":memory:");
  const { db } = database;
  const deps: AppDeps = {
    db,
    blobs: database.blobs,
    notifier: database.notifier,
    metrics: createMetrics(),
    logger: o.logger ?? pino({ level: "silent" }),
    version: "test",
    rateLimit: false,
    ...o,
  };
  const app = createApp(deps);
  const adminPassword = "correct horse battery";
  const boot = await bootstrap(db, { adminEmail: "admin@example.com", adminPassword });
  const workspaceId = boot.workspace.id;
  const shop = await db.createStore(workspaceId, TEST_STORE);

  /** app.request with a bearer token and/or a JSON body. */
  const request = (path: string, { token, json, headers, ...init }: Init = {}) => {
    const h = new Headers(headers);
    if (token) h.set("authorization", `Bearer ${token}`);
    if (json !== undefined) h.set("content-type", "application/json");
    return app.request(path, {
      ...init,
      headers: h,
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
  };
  const ok = async (res: Response, status: number) => {
    if (res.status !== status)
      throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
    return res.json();
  };

  async function login(email: string, password: string): Promise<string> {
    return (
      await ok(await request("/v1/auth/login", { method: "POST", json: { email, password } }), 200)
    ).token;
  }
  const adminToken = await login("admin@example.com", adminPassword);

  let users = 0;
  /** A new user of `role` in this workspace, signed in. */
  async function loginAs(role: UserRole) {
    const email = `${role}-${++users}@example.com`;
    const created = await ok(
      await request("/v1/users", {
        method: "POST",
        token: adminToken,
        json: { email, password: adminPassword, role },
      }),
      201,
    );
    return { token: await login(email, adminPassword), userId: created.id as string, email };
  }

  /** Pair a kiosk (staff) or extension (marketer) through the real routes. */
  async function pair(
    role: "staff" | "marketer",
    p: { storeId?: string; deviceId?: string; issuerToken?: string } = {},
  ): Promise<TestDevice> {
    const body = role === "staff" ? { role, storeId: p.storeId ?? shop.id } : { role };
    const { code } = await ok(
      await request("/v1/pairing-codes", {
        method: "POST",
        token: p.issuerToken ?? adminToken,
        json: body,
      }),
      201,
    );
    const deviceId = p.deviceId ?? crypto.randomUUID();
    const kind = role === "staff" ? "kiosk" : "extension";
    const r = await ok(
      await request("/v1/devices/pair", { method: "POST", json: { code, deviceId, kind } }),
      201,
    );
    return {
      token: r.token,
      deviceId,
      workspaceId,
      ...(r.device.storeId ? { storeId: r.device.storeId } : {}),
      lastSeq: r.device.lastSeq,
    };
  }

  const push = (d: TestDevice, mutations: Mutation[]) =>
    request("/v1/sync/push", {
      method: "POST",
      token: d.token,
      json: {
        protocol: PROTOCOL_VERSION,
        deviceId: d.deviceId,
        clientSchema: 1,
        appVersion: "test",
        mutations,
      },
    });
  const pull = (d: TestDevice, cookie: Cookie | null, limit?: number) =>
    request("/v1/sync/pull", {
      method: "POST",
      token: d.token,
      json: {
        protocol: PROTOCOL_VERSION,
        deviceId: d.deviceId,
        clientSchema: 1,
        cookie,
        ...(limit ? { limit } : {}),
      },
    });

  /** A second tenant with its own admin and store, to prove isolation. */
  async function otherWorkspace(name = "Other Co") {
    const ws = await db.createWorkspace(name);
    const email = `admin@${ws.id}.example.com`;
    await db.createUser({
      workspaceId: ws.id,
      email,
      name: null,
      role: "admin",
      passwordHash: await hashPassword(adminPassword),
    });
    const otherShop = await db.createStore(ws.id, { ...TEST_STORE, name: `${name} store` });
    return {
      workspaceId: ws.id,
      storeId: otherShop.id,
      adminToken: await login(email, adminPassword),
    };
  }

  /** A sync Transport-shaped handler (path, body, token) for simulated clients. */
  async function handler(path: "/v1/sync/push" | "/v1/sync/pull", body: unknown, token: string) {
    const res = await request(path, { method: "POST", token, json: body });
    const type = res.headers.get("content-type") ?? "";
    const retry = res.headers.get("retry-after");
    return {
      status: res.status,
      body: type.includes("json") ? await res.json() : undefined,
      ...(retry ? { retryAfterMs: Number(retry) * 1000 } : {}),
    };
  }

  return {
    app,
    deps,
    db,
    workspaceId,
    storeId: shop.id,
    admin: {
      token: adminToken,
      userId: boot.created?.admin.id as string,
      email: "admin@example.com",
      password: adminPassword,
    },
    request,
    loginAs,
    otherWorkspace,
    pair,
    push,
    pull,
    handler,
    /** Every entity of the workspace, tombstones included, ordered by id. */
    dumpAll: () => db.dumpEntities(workspaceId),
    /** Every observation row as the adapter stores it. */
    dumpRows: () => database.dumpRows(),
    /** The database under the app (its `url` when it is PostgreSQL). */
    database,
    close: () => database.close(),
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
