// Two tenants for the security suite: workspace A (the callers under test:
// every person role, a kiosk, an extension, revoked devices, a signed-out
// session, an API key of each scope, a revoked key and a key whose creator
// was disabled) and workspace B (another company, whose data carries a marker and
// must never reach A's callers). Both get a store, a competitor, observations,
// a screenshot, and — through the journal routes — a journal with an insight
// and an action, so every route has real ids to aim at.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Mutation, uuidv4, uuidv7 } from "@sightline/shared";
import { hashPassword } from "../../../src/auth/password.ts";
import { newResetCode } from "../../../src/auth/reset-code.ts";
import type { Access, UserRole } from "../../../src/auth/roles.ts";
import { sha256Hex as hashToken, newToken } from "../../../src/auth/tokens.ts";
import { storeObservation, webObservation } from "../mutations.ts";
import { createTestApp, type TestApp, type TestAppOptions, type TestDevice } from "../test-app.ts";
import { createDbFingerprint, createPgFingerprint, type DbFingerprint } from "./db-fingerprint.ts";

/** Everything a caller or a sample request needs to know about one tenant. */
export type Tenant = {
  name: "A" | "B" | "ghost";
  workspaceId: string;
  storeId: string;
  competitorId: string;
  /** A web observation (from the extension) and a store observation (from the kiosk). */
  webObservationId: string;
  storeObservationId: string;
  blob: { sha256: string; bytes: Uint8Array<ArrayBuffer> };
  journalId: string;
  insightId: string;
  actionId: string;
  adminToken: string;
  kiosk: TestDevice;
  extension: TestDevice;
  /** A paired device kept for revocation attempts by the other tenant. */
  spareDeviceId: string;
  /** A person kept for account changes (role, disable, delete, reset) by the other tenant. */
  spareUserId: string;
  /** An API key kept for revocation attempts by the other tenant. */
  spareApiKeyId: string;
  /** A webhook kept for attempts by the other tenant (its secret holds the marker). */
  spareWebhookId: string;
  /**
   * Strings only this tenant's data holds (its marker, workspace id and device
   * ids): none may appear in an answer to the other tenant's callers. Other ids
   * are not listed — a caller may legitimately echo an id it sent itself.
   */
  secrets: string[];
};

export const CALLER_NAMES = [
  "anonymous",
  "admin",
  "manager",
  "marketer",
  "staff",
  "viewer",
  "kiosk",
  "extension",
  "revoked-kiosk",
  "revoked-extension",
  "signed-out",
  "cross-site-cookie",
  "other-admin",
  "read-key",
  "import-key",
  "revoked-key",
  "key-of-disabled-admin",
] as const;
export type CallerName = (typeof CALLER_NAMES)[number];

export type Caller = {
  name: CallerName;
  /** Bearer token (or the session cookie for cross-site-cookie); null when anonymous. */
  token: string | null;
  /** The role a route's access list names this caller by, when it has a live identity. */
  access: Access | null;
  tenant: Tenant;
  device?: TestDevice;
  /** Signs in again as the same person (for routes that end the session). */
  freshSession?: () => Promise<string>;
  /** Send the token as the session cookie with a foreign Origin (CSRF). */
  crossSiteCookie?: boolean;
};

export type World = {
  t: TestApp;
  a: Tenant;
  b: Tenant;
  callers: Caller[];
  /** The next seq for a device (pushes from samples stay gap-free). */
  nextSeq(deviceId: string): number;
  /** Align the seq counter with what the server holds (after rejected pushes). */
  setSeq(deviceId: string, lastSeq: number): void;
  /** A newly paired device of a tenant, to be revoked by a sample. */
  spareDevice(tenant: Tenant): Promise<string>;
  /** A fresh pairing code of a tenant (for the anonymous pairing route). */
  pairingCode(tenant: Tenant, role?: "staff" | "marketer"): Promise<string>;
  /** A new viewer of a tenant, to be changed or deleted by a sample. */
  spareUser(tenant: Tenant): Promise<string>;
  /**
   * A session of a new person of `role` (password PASSWORD), for routes that
   * act on the caller's own account (password change, sign out everywhere)
   * without ending the callers' own sessions.
   */
  throwawaySession(tenant: Tenant, role: UserRole): Promise<string>;
  /** A one-time password reset code for a new person of the tenant. */
  resetCode(tenant: Tenant): Promise<string>;
  /** A new API key of the tenant (made by its admin), to be revoked by a sample. */
  spareApiKey(tenant: Tenant): Promise<string>;
  /** Ids of the right shape that exist nowhere (to compare answers with foreign ids). */
  ghost: Tenant;
  fingerprint: DbFingerprint;
  close(): Promise<void>;
};

export const PASSWORD = "correct horse battery";

/** A tiny valid PNG whose bytes differ per `salt` (so hashes differ per tenant). */
export function pngBytes(salt: string): Uint8Array<ArrayBuffer> {
  const head = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return new Uint8Array([...head, ...new TextEncoder().encode(salt)]);
}
/** The operator's /metrics scrape token in the security world. */
export const METRICS_TOKEN = "security-world-metrics-token";
export const sha256Hex = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

type Ok = (res: Response, status?: number) => Promise<unknown>;
const ok: Ok = async (res, status) => {
  if (status !== undefined ? res.status !== status : !res.ok)
    throw new Error(`${res.url} → ${res.status}: ${await res.text()}`);
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
};

export async function createWorld(o: TestAppOptions = {}): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), "sightline-security-"));
  const file = join(dir, "db.sqlite");
  // The other tenant's webhook points at 127.0.0.1:9: private targets allowed explicitly.
  const t = await createTestApp({
    file,
    metricsToken: METRICS_TOKEN,
    webhookAllowPrivate: true,
    ...o,
  });
  const seqs = new Map<string, number>();
  const nextSeq = (deviceId: string) => {
    const n = (seqs.get(deviceId) ?? 0) + 1;
    seqs.set(deviceId, n);
    return n;
  };
  const push = async (d: TestDevice, mutations: Mutation[]) => {
    const body = (await ok(await t.push(d, mutations), 200)) as { rejected: unknown[] };
    if (body.rejected.length) throw new Error(`fixture push rejected: ${JSON.stringify(body)}`);
  };

  const passwordHash = await hashPassword(PASSWORD);
  const newPerson = (workspaceId: string, role: UserRole) =>
    t.db.createUser({
      workspaceId,
      email: `p-${uuidv4().slice(0, 8)}@example.com`,
      name: null,
      role,
      passwordHash,
    });

  /** An API key made through its route by the admin holding `token`. */
  const apiKey = async (token: string, scope: "read" | "import") =>
    (await ok(
      await t.request("/v1/api-keys", {
        method: "POST",
        token,
        json: { name: `matrix ${scope} ${uuidv4().slice(0, 8)}`, scope },
      }),
      201,
    )) as { id: string; key: string };

  async function tenant(
    name: "A" | "B",
    ids: { workspaceId: string; storeId: string; adminToken: string },
  ): Promise<Tenant> {
    const marker = `SECRET-${name}-${uuidv4().slice(0, 8)}`;
    const api = (path: string, init: { method?: string; json?: unknown } = {}) =>
      t.request(path, { token: ids.adminToken, ...init });
    await ok(
      await api(`/v1/stores/${ids.storeId}`, {
        method: "PATCH",
        json: { name: `${marker} store` },
      }),
      200,
    );
    const competitor = (await ok(
      await api("/v1/competitors", {
        method: "POST",
        json: { name: `${marker} rival`, domains: [`${name.toLowerCase()}-rival.example.vn`] },
      }),
      201,
    )) as { id: string };
    const kiosk = await t.pair("staff", { storeId: ids.storeId, issuerToken: ids.adminToken });
    const extension = await t.pair("marketer", { issuerToken: ids.adminToken });
    const spare = await t.pair("marketer", { issuerToken: ids.adminToken });
    const spareUser = await newPerson(ids.workspaceId, "viewer");
    const spareKey = await apiKey(ids.adminToken, "import");
    const spareHook = (await ok(
      await api("/v1/webhooks", {
        method: "POST",
        json: { url: "http://127.0.0.1:9/hook", secret: `${marker} webhook secret` },
      }),
      201,
    )) as { id: string };
    const blobBytes = pngBytes(marker);
    const blob = { sha256: sha256Hex(blobBytes), bytes: blobBytes };
    await ok(
      await t.request(`/v1/blobs/${blob.sha256}`, {
        method: "PUT",
        token: extension.token,
        body: blobBytes,
        headers: { "content-type": "image/png" },
      }),
      201,
    );
    const web = webObservation(nextSeq(extension.deviceId), extension, {
      what: `${marker} web price cut`,
      who: `${marker} who`,
      competitorId: competitor.id,
      needs: ["price"],
      tags: [marker.toLowerCase()],
      evidence: { quote: `${marker} quote`, screenshot: blob.sha256 },
    });
    await push(extension, [web]);
    const shop = storeObservation(nextSeq(kiosk.deviceId), kiosk, {
      what: `${marker} asked price`,
      why: `${marker} why`,
    });
    await push(kiosk, [shop]);
    // Journals, insights and actions go through their routes (they own the rules).
    let journalId = `missing-journal-${name}`;
    let insightId = `missing-insight-${name}`;
    let actionId = `missing-action-${name}`;
    const j = await api("/v1/journals", {
      method: "POST",
      json: { title: `${marker} journal`, question: `${marker}?`, goal: "goal" },
    });
    if (j.status === 201) {
      journalId = ((await j.json()) as { id: string }).id;
      const i = (await ok(
        await api(`/v1/journals/${journalId}/insights`, {
          method: "POST",
          json: {
            statement: `${marker} insight`,
            evidence: [{ observationId: web.id, stance: "supports" }],
          },
        }),
        201,
      )) as { id: string };
      insightId = i.id;
      const a = (await ok(
        await api(`/v1/insights/${insightId}/actions`, {
          method: "POST",
          json: { title: `${marker} action` },
        }),
        201,
      )) as { id: string };
      actionId = a.id;
    }
    return {
      name,
      ...ids,
      competitorId: competitor.id,
      webObservationId: web.id,
      storeObservationId: shop.id,
      blob,
      journalId,
      insightId,
      actionId,
      kiosk,
      extension,
      spareDeviceId: spare.deviceId,
      spareUserId: spareUser.id,
      spareApiKeyId: spareKey.id,
      spareWebhookId: spareHook.id,
      secrets: [marker, ids.workspaceId, kiosk.deviceId, extension.deviceId, spare.deviceId],
    };
  }

  const a = await tenant("A", {
    workspaceId: t.workspaceId,
    storeId: t.storeId,
    adminToken: t.admin.token,
  });
  const other = await t.otherWorkspace("Beta Retail");
  const b = await tenant("B", other);

  // A new session straight in the database: signing in through the route costs an
  // scrypt derivation, and samples sign out many times.
  const sessionOf = (email: string) => async () => {
    const user = await t.db.findUserByEmail(email);
    if (!user) throw new Error(`no user ${email}`);
    const token = newToken();
    await t.db.createSession({
      tokenHash: hashToken(token),
      userId: user.id,
      workspaceId: user.workspaceId,
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    return token;
  };
  const adminSession = sessionOf(t.admin.email);
  const person = async (role: UserRole) => {
    const u = await t.loginAs(role);
    return { token: u.token, freshSession: sessionOf(u.email) };
  };
  const revoked = async (role: "staff" | "marketer") => {
    const d = await t.pair(role);
    await ok(
      await t.request(`/v1/devices/${d.deviceId}`, { method: "DELETE", token: t.admin.token }),
      204,
    );
    return d;
  };
  // API keys of workspace A: one per scope, a revoked one, and one whose
  // creator (a second admin) was disabled afterwards.
  const readKey = await apiKey(t.admin.token, "read");
  const importKey = await apiKey(t.admin.token, "import");
  const revokedKey = await apiKey(t.admin.token, "read");
  await ok(
    await t.request(`/v1/api-keys/${revokedKey.id}`, { method: "DELETE", token: t.admin.token }),
    204,
  );
  const secondAdmin = await t.loginAs("admin");
  const orphanKey = await apiKey(secondAdmin.token, "read");
  await ok(
    await t.request(`/v1/users/${secondAdmin.userId}`, {
      method: "PATCH",
      token: t.admin.token,
      json: { disabled: true },
    }),
    200,
  );
  const signedOut = await t.loginAs("viewer");
  await ok(await t.request("/v1/auth/logout", { method: "POST", token: signedOut.token }), 204);

  const callers: Caller[] = [
    { name: "anonymous", token: null, access: null, tenant: a },
    { name: "admin", token: t.admin.token, access: "admin", tenant: a, freshSession: adminSession },
    ...(await Promise.all(
      (["manager", "marketer", "staff", "viewer"] as const).map(async (role) => {
        const p = await person(role);
        return {
          name: role,
          token: p.token,
          access: role,
          tenant: a,
          freshSession: p.freshSession,
        };
      }),
    )),
    { name: "kiosk", token: a.kiosk.token, access: "device:staff", tenant: a, device: a.kiosk },
    {
      name: "extension",
      token: a.extension.token,
      access: "device:marketer",
      tenant: a,
      device: a.extension,
    },
    ...(await Promise.all(
      (["staff", "marketer"] as const).map(async (role) => {
        const d = await revoked(role);
        const name = role === "staff" ? "revoked-kiosk" : "revoked-extension";
        return { name, token: d.token, access: null, tenant: a, device: d } as Caller;
      }),
    )),
    { name: "signed-out", token: signedOut.token, access: null, tenant: a },
    {
      name: "cross-site-cookie",
      token: await adminSession(),
      access: "admin",
      tenant: a,
      crossSiteCookie: true,
    },
    {
      name: "other-admin",
      token: b.adminToken,
      access: "admin",
      tenant: b,
      // test-app.ts names the other workspace's admin after the workspace id.
      freshSession: sessionOf(`admin@${b.workspaceId}.example.com`),
    },
    { name: "read-key", token: readKey.key, access: "key:read", tenant: a },
    { name: "import-key", token: importKey.key, access: "key:import", tenant: a },
    { name: "revoked-key", token: revokedKey.key, access: null, tenant: a },
    { name: "key-of-disabled-admin", token: orphanKey.key, access: null, tenant: a },
  ];

  return {
    t,
    a,
    b,
    callers,
    nextSeq,
    setSeq: (deviceId, lastSeq) => void seqs.set(deviceId, lastSeq),
    async spareDevice(tenant) {
      const d = await t.pair("marketer", { issuerToken: tenant.adminToken });
      return d.deviceId;
    },
    spareUser: async (tenant) => (await newPerson(tenant.workspaceId, "viewer")).id,
    spareApiKey: async (tenant) => (await apiKey(tenant.adminToken, "read")).id,
    async throwawaySession(tenant, role) {
      const u = await newPerson(tenant.workspaceId, role);
      const token = newToken();
      await t.db.createSession({
        tokenHash: hashToken(token),
        userId: u.id,
        workspaceId: u.workspaceId,
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
      return token;
    },
    async resetCode(tenant) {
      const u = await newPerson(tenant.workspaceId, "viewer");
      const code = newResetCode();
      await t.db.createPasswordReset({
        codeHash: hashToken(code),
        workspaceId: tenant.workspaceId,
        userId: u.id,
        createdBy: u.id,
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      });
      return code;
    },
    async pairingCode(tenant, role = "marketer") {
      const r = (await ok(
        await t.request("/v1/pairing-codes", {
          method: "POST",
          token: tenant.adminToken,
          json: role === "staff" ? { role, storeId: tenant.storeId } : { role },
        }),
        201,
      )) as { code: string };
      return r.code;
    },
    ghost: ghostOf(a),
    fingerprint: t.database.url
      ? await createPgFingerprint(t.database.url)
      : createDbFingerprint(file),
    async close() {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function ghostOf(like: Tenant): Tenant {
  const bytes = pngBytes(`ghost ${uuidv4()}`);
  return {
    ...like,
    name: "ghost",
    workspaceId: uuidv4(),
    storeId: uuidv4(),
    competitorId: uuidv4(),
    webObservationId: uuidv7(),
    storeObservationId: uuidv7(),
    blob: { sha256: sha256Hex(bytes), bytes },
    journalId: uuidv7(),
    insightId: uuidv7(),
    actionId: uuidv7(),
    spareDeviceId: uuidv4(),
    spareUserId: uuidv7(),
    spareApiKeyId: uuidv7(),
    spareWebhookId: uuidv7(),
    secrets: [],
  };
}
