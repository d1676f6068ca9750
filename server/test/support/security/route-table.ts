// The security suite's own statement of who may call what, one entry per
// operation of the OpenAPI document ("METHOD /path" as the document spells
// it), with a valid sample request. Written by hand from docs/http-api.md and
// docs/architecture.md "Security model" — not copied from the routes — so the matrix test compares
// two independent statements: this table and each route's
// `x-sightline-access`. A route without an entry here fails the suite.
import { PROTOCOL_VERSION, uuidv4, uuidv7 } from "@sightline/shared";
import type { Access } from "../../../src/auth/roles.ts";
import { nextHlc } from "../mutations.ts";
import { TEST_STORE } from "../test-app.ts";
import {
  type Caller,
  METRICS_TOKEN,
  PASSWORD,
  pngBytes,
  sha256Hex,
  type Tenant,
  type World,
} from "./world.ts";

export type SampleRequest = {
  path: string;
  json?: unknown;
  body?: Uint8Array<ArrayBuffer> | string;
  headers?: Record<string, string>;
  /** Use this token instead of the caller's (e.g. a fresh session to sign out). */
  token?: string | null;
};

export type SampleContext = {
  world: World;
  caller: Caller;
  /** Whose ids the path and body aim at (the caller's own tenant, or the other one). */
  target: Tenant;
  /** Whose ids are referenced inside bodies and queries (evidence, scope, filters). */
  refs: Tenant;
};

export type RouteExpectation = {
  allow: readonly Access[];
  /** A request that succeeds (2xx) for an allowed caller of `target`'s tenant. */
  sample: (c: SampleContext) => Promise<SampleRequest> | SampleRequest;
  /** Aiming at the other tenant's ids may succeed (content-addressed uploads, anonymous routes). */
  foreignIdsMaySucceed?: boolean;
};

const PEOPLE = ["admin", "manager", "marketer", "staff", "viewer"] as const;
const DEVICES = ["device:staff", "device:marketer"] as const;
/** People who read observations, journals and analytics: never staff, never devices. */
const READERS = ["admin", "manager", "marketer", "viewer"] as const;
/**
 * READERS and read-scoped API keys: the data a BI tool reads (docs/http-api.md
 * "API keys"). Never people, devices, audit, sync (but its pokes) or API keys.
 */
const DATA_READERS = [...READERS, "key:read"] as const;
const ADMINS = ["admin", "manager"] as const;
const ANYONE = ["anonymous"] as const;

const unique = () => uuidv4().slice(0, 8);

/** A new webhook of the caller's own tenant (made through the port); another tenant's spare. */
async function spareWebhook(c: SampleContext): Promise<string> {
  if (c.target !== c.caller.tenant) return c.target.spareWebhookId;
  const hook = await c.world.t.deps.db.createWebhook(
    {
      id: uuidv7(),
      workspaceId: c.target.workspaceId,
      url: "http://127.0.0.1:9/hook",
      secret: "matrix-secret-123456",
      events: [],
      language: "vi",
      createdBy: "matrix",
    },
    new Date().toISOString(),
  );
  return hook.id;
}

/** The caller's person role when it has a live identity and is not a cross-site cookie. */
const ownAccount = (c: SampleContext) =>
  c.caller.access &&
  !c.caller.crossSiteCookie &&
  (PEOPLE as readonly string[]).includes(c.caller.access)
    ? c.caller.access
    : null;

/** A push of one valid observation from the caller's device (or a made-up device). */
function pushSample(c: SampleContext): SampleRequest {
  const d = c.caller.device;
  const deviceId = d?.deviceId ?? uuidv4();
  const seq = d ? c.world.nextSeq(deviceId) : 1;
  const kiosk = c.caller.access === "device:staff";
  const fields = kiosk
    ? {
        channel: "store",
        method: "shopper-observation",
        capturedAt: new Date().toISOString(),
        storeId: d?.storeId,
        what: `matrix tap ${seq}`,
      }
    : {
        channel: "web",
        method: "competitor-audit",
        capturedAt: new Date().toISOString(),
        url: "https://rival.example.vn/p/1",
        what: `matrix capture ${seq}`,
        competitorId: c.caller.tenant.competitorId,
      };
  return {
    path: "/v1/sync/push",
    json: {
      protocol: PROTOCOL_VERSION,
      deviceId,
      clientSchema: 1,
      appVersion: "matrix",
      mutations: [
        { seq, op: "obs.create", id: uuidv7(), hlc: nextHlc(deviceId), fields },
        // Aimed at the target tenant's observation: another tenant's id must not be touched.
        {
          seq: d ? c.world.nextSeq(deviceId) : 2,
          op: "obs.patch",
          id: kiosk ? c.target.storeObservationId : c.target.webObservationId,
          hlc: nextHlc(deviceId),
          fields: { why: "matrix patch" },
        },
      ],
    },
  };
}

/**
 * The fresh rows of the delete and restore samples, per tenant and kind,
 * reused while they are still in the state a sample needs (live to delete,
 * deleted to restore): a refused request leaves them so, and a sample that
 * writes on every run would make the hostile-input suites fingerprint the
 * database on every run.
 */
const freshRows = new Map<string, string>();

/** An insight of the target's journal, live (or deleted, to restore); the target's own id for another tenant. */
async function freshInsight(c: SampleContext, deleted = false): Promise<string> {
  if (c.target !== c.caller.tenant) return c.target.insightId;
  const t = c.world.t;
  const key = `${c.target.workspaceId}:insight:${deleted}`;
  const known = freshRows.get(key);
  if (known && ((await t.db.getInsight(c.target.workspaceId, known)) === null) === deleted)
    return known;
  const res = await t.request(`/v1/journals/${c.target.journalId}/insights`, {
    method: "POST",
    token: c.target.adminToken,
    json: { statement: "Fresh insight", evidence: [] },
  });
  const id = ((await res.json()) as { id: string }).id;
  if (deleted)
    await t.request(`/v1/insights/${id}`, { method: "DELETE", token: c.target.adminToken });
  freshRows.set(key, id);
  return id;
}

/** An action of the target's insight, live (or deleted, to restore); see freshInsight. */
async function freshAction(c: SampleContext, deleted = false): Promise<string> {
  if (c.target !== c.caller.tenant) return c.target.actionId;
  const t = c.world.t;
  const key = `${c.target.workspaceId}:action:${deleted}`;
  const known = freshRows.get(key);
  if (known && ((await t.db.getAction(c.target.workspaceId, known)) === null) === deleted)
    return known;
  const res = await t.request(`/v1/insights/${c.target.insightId}/actions`, {
    method: "POST",
    token: c.target.adminToken,
    json: { title: "Fresh action" },
  });
  const id = ((await res.json()) as { id: string }).id;
  if (deleted)
    await t.request(`/v1/actions/${id}`, { method: "DELETE", token: c.target.adminToken });
  freshRows.set(key, id);
  return id;
}

/**
 * Alert rows for the alert samples (no route makes an alert: they are made
 * through the Db). Each tenant has a standing rule with an open alert, made
 * at the first alert sample of the run (before any cross-tenant run takes
 * its fingerprint) and only ever aimed at by the other tenant; the caller's
 * own tenant gets fresh rows, reused while still live (rule) or open (alert).
 * The ghost tenant's ids exist nowhere.
 */
const alertRows = new Map<string, string>();

async function newAlertRow(
  c: SampleContext,
  tenant: Tenant,
): Promise<{ ruleId: string; alertId: string }> {
  const db = c.world.t.db;
  const ws = tenant.workspaceId;
  const now = new Date().toISOString();
  const rule = await db.createAlertRule(
    ws,
    {
      kind: "device-silent",
      name: null,
      storeId: tenant.storeId,
      competitorId: null,
      windowMinutes: 15,
      minCount: 4,
      threshold: 0,
      behaviour: null,
      hours: 4,
      deliver: ["app"],
      enabled: true,
      createdBy: null,
    },
    now,
  );
  const trip = await db.recordAlertTrip(ws, {
    ruleId: rule.id,
    kind: "device-silent",
    key: uuidv4(),
    storeId: tenant.storeId,
    competitorId: null,
    deviceId: null,
    figures: { silentHours: 5, hours: 4 },
    observationIds: [],
    text: { vi: "im lặng", en: "silent" },
    deliver: ["app"],
    now,
  });
  return { ruleId: rule.id, alertId: trip.alert.id };
}

async function alertSample(c: SampleContext, want: "rule" | "alert"): Promise<string> {
  if (c.target.name === "ghost") return uuidv4();
  for (const tenant of [c.world.a, c.world.b]) {
    const key = `${tenant.workspaceId}:standing`;
    if (alertRows.has(`${key}:rule`)) continue;
    const row = await newAlertRow(c, tenant);
    alertRows.set(`${key}:rule`, row.ruleId);
    alertRows.set(`${key}:alert`, row.alertId);
  }
  if (c.target !== c.caller.tenant)
    return alertRows.get(`${c.target.workspaceId}:standing:${want}`) as string;
  const key = `${c.target.workspaceId}:fresh:${want}`;
  const known = alertRows.get(key);
  const db = c.world.t.db;
  if (known && want === "rule" && (await db.getAlertRule(c.target.workspaceId, known)))
    return known;
  if (
    known &&
    want === "alert" &&
    (await db.getAlert(c.target.workspaceId, known))?.status === "open"
  )
    return known;
  const row = await newAlertRow(c, c.target);
  const id = want === "rule" ? row.ruleId : row.alertId;
  alertRows.set(key, id);
  return id;
}

export const ROUTES: Record<string, RouteExpectation> = {
  "GET /health": { allow: ANYONE, sample: () => ({ path: "/health" }) },
  "GET /ready": { allow: ANYONE, sample: () => ({ path: "/ready" }) },
  // Anyone who holds the operator's scrape token (not a session or device token).
  "GET /metrics": {
    allow: ANYONE,
    sample: () => ({
      path: "/metrics",
      token: null,
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    }),
  },
  "GET /v1/vocabulary": { allow: ANYONE, sample: () => ({ path: "/v1/vocabulary" }) },

  "POST /v1/auth/login": {
    allow: ANYONE,
    sample: () => ({
      path: "/v1/auth/login",
      json: { email: "admin@example.com", password: PASSWORD },
    }),
  },
  "GET /v1/auth/me": { allow: PEOPLE, sample: () => ({ path: "/v1/auth/me" }) },
  "POST /v1/auth/logout": {
    allow: PEOPLE,
    // Signing out a fresh session, so the caller's own token keeps working.
    sample: async (c) => ({
      path: "/v1/auth/logout",
      ...(c.caller.freshSession ? { token: await c.caller.freshSession() } : {}),
    }),
  },
  "GET /v1/users": { allow: ADMINS, sample: () => ({ path: "/v1/users" }) },
  "POST /v1/users": {
    allow: ["admin"],
    sample: () => ({
      path: "/v1/users",
      json: { email: `u-${unique()}@example.com`, password: PASSWORD, role: "viewer" },
    }),
  },

  // Routes on one's own account act as a new person of the caller's role, so
  // the callers' own sessions survive (the route ends the others).
  "POST /v1/auth/password": {
    allow: PEOPLE,
    sample: async (c) => ({
      path: "/v1/auth/password",
      json: { current: PASSWORD, next: PASSWORD },
      ...(ownAccount(c)
        ? { token: await c.world.throwawaySession(c.caller.tenant, ownAccount(c) as never) }
        : {}),
    }),
  },
  "POST /v1/auth/sign-out-everywhere": {
    allow: PEOPLE,
    sample: async (c) => ({
      path: "/v1/auth/sign-out-everywhere",
      ...(ownAccount(c)
        ? { token: await c.world.throwawaySession(c.caller.tenant, ownAccount(c) as never) }
        : {}),
    }),
  },
  "POST /v1/auth/reset-password": {
    allow: ANYONE,
    sample: async (c) => ({
      path: "/v1/auth/reset-password",
      json: { code: await c.world.resetCode(c.target), next: PASSWORD },
    }),
    foreignIdsMaySucceed: true,
  },
  "PATCH /v1/users/{id}": {
    allow: ["admin"],
    sample: async (c) => ({
      path: `/v1/users/${c.target === c.caller.tenant ? await c.world.spareUser(c.target) : c.target.spareUserId}`,
      json: { role: "manager", name: `renamed ${unique()}` },
    }),
  },
  "DELETE /v1/users/{id}": {
    allow: ["admin"],
    sample: async (c) => ({
      path: `/v1/users/${c.target === c.caller.tenant ? await c.world.spareUser(c.target) : c.target.spareUserId}`,
    }),
  },
  "POST /v1/users/{id}/reset-password": {
    allow: ["admin"],
    sample: async (c) => ({
      path: `/v1/users/${c.target === c.caller.tenant ? await c.world.spareUser(c.target) : c.target.spareUserId}/reset-password`,
    }),
  },
  "GET /v1/audit": { allow: ["admin"], sample: () => ({ path: "/v1/audit?limit=5" }) },

  // Webhooks (admins and managers); a sample's webhook points at the discard
  // port, so "send test" answers 200 with a failed attempt.
  "POST /v1/webhooks": {
    allow: ADMINS,
    sample: () => ({
      path: "/v1/webhooks",
      json: { url: "http://127.0.0.1:9/hook", secret: "matrix-secret-123456" },
    }),
  },
  "GET /v1/webhooks": { allow: ADMINS, sample: () => ({ path: "/v1/webhooks" }) },
  "DELETE /v1/webhooks/{id}": {
    allow: ADMINS,
    sample: async (c) => ({ path: `/v1/webhooks/${await spareWebhook(c)}` }),
  },
  "POST /v1/webhooks/{id}/test": {
    allow: ADMINS,
    sample: async (c) => ({ path: `/v1/webhooks/${await spareWebhook(c)}/test` }),
  },
  "GET /v1/webhooks/{id}/deliveries": {
    allow: ADMINS,
    sample: async (c) => ({ path: `/v1/webhooks/${await spareWebhook(c)}/deliveries` }),
  },
  // Every person's own notification settings.
  "GET /v1/notifications/preferences": {
    allow: PEOPLE,
    sample: () => ({ path: "/v1/notifications/preferences" }),
  },
  "PUT /v1/notifications/preferences": {
    allow: PEOPLE,
    sample: () => ({ path: "/v1/notifications/preferences", json: { language: "en" } }),
  },

  // API keys are managed by admins only, never by a key.
  "POST /v1/api-keys": {
    allow: ["admin"],
    sample: () => ({ path: "/v1/api-keys", json: { name: `Key ${unique()}`, scope: "read" } }),
  },
  "GET /v1/api-keys": { allow: ["admin"], sample: () => ({ path: "/v1/api-keys" }) },
  "DELETE /v1/api-keys/{id}": {
    allow: ["admin"],
    sample: async (c) => ({
      path: `/v1/api-keys/${c.target === c.caller.tenant ? await c.world.spareApiKey(c.target) : c.target.spareApiKeyId}`,
    }),
  },

  "POST /v1/pairing-codes": {
    // A marketer issues only a marketer code for themselves (their own extension).
    allow: [...ADMINS, "marketer"],
    sample: (c) => ({
      path: "/v1/pairing-codes",
      json:
        c.caller.access === "marketer"
          ? { role: "marketer", label: "matrix" }
          : { role: "staff", storeId: c.refs.storeId, label: "matrix" },
    }),
  },
  "POST /v1/devices/pair": {
    allow: ANYONE,
    foreignIdsMaySucceed: true,
    sample: async (c) => ({
      path: "/v1/devices/pair",
      json: { code: await c.world.pairingCode(c.target), deviceId: uuidv4(), kind: "extension" },
    }),
  },
  "GET /v1/devices": { allow: ADMINS, sample: () => ({ path: "/v1/devices" }) },
  "DELETE /v1/devices/{id}": {
    allow: ADMINS,
    sample: async (c) => ({
      path: `/v1/devices/${c.target === c.caller.tenant ? await c.world.spareDevice(c.target) : c.target.spareDeviceId}`,
    }),
  },
  "POST /v1/devices/{id}/unsent": {
    allow: ADMINS,
    // A fresh extension of the target's (its seq line starts at 1), and a file
    // that names the refs' workspace: foreign and ghost ids answer alike.
    sample: async (c) => {
      const deviceId =
        c.target === c.caller.tenant ? await c.world.spareDevice(c.target) : c.target.spareDeviceId;
      return {
        path: `/v1/devices/${deviceId}/unsent`,
        json: {
          format: "sightline-unsent",
          version: 1,
          deviceId,
          workspaceId: c.refs.workspaceId,
          kind: "extension",
          clientSchema: 1,
          appVersion: "matrix",
          exportedAt: new Date().toISOString(),
          mutations: [
            {
              seq: 1,
              op: "obs.create",
              id: uuidv7(),
              hlc: nextHlc(deviceId),
              fields: {
                channel: "web",
                method: "competitor-audit",
                capturedAt: new Date().toISOString(),
                url: "https://rival.example.vn/p/2",
                what: "matrix unsent capture",
              },
            },
          ],
        },
      };
    },
  },

  "GET /v1/stores": {
    allow: [...PEOPLE, ...DEVICES, "key:read"],
    sample: () => ({ path: "/v1/stores" }),
  },
  "POST /v1/stores": {
    allow: ADMINS,
    sample: () => ({ path: "/v1/stores", json: { ...TEST_STORE, name: `Store ${unique()}` } }),
  },
  "PATCH /v1/stores/{id}": {
    allow: ADMINS,
    sample: (c) => ({
      path: `/v1/stores/${c.target.storeId}`,
      json: { zones: ["Cửa vào", "Kệ điện thoại", "Quầy thu ngân"] },
    }),
  },
  "GET /v1/competitors": {
    allow: [...PEOPLE, "device:marketer", "key:read"],
    sample: () => ({ path: "/v1/competitors" }),
  },
  "POST /v1/competitors": {
    allow: ADMINS,
    sample: () => ({
      path: "/v1/competitors",
      json: { name: `Rival ${unique()}`, domains: ["rival.example.vn"] },
    }),
  },
  "PATCH /v1/competitors/{id}": {
    allow: ADMINS,
    sample: (c) => ({
      path: `/v1/competitors/${c.target.competitorId}`,
      json: { domains: [`${c.target.name.toLowerCase()}-rival.example.vn`] },
    }),
  },

  // Alerts (docs/alerts.md): rules and alerts for admins and managers; a
  // kiosk reads the open alerts of its own store.
  "GET /v1/alert-rules": { allow: ADMINS, sample: () => ({ path: "/v1/alert-rules" }) },
  "POST /v1/alert-rules": {
    allow: ADMINS,
    sample: (c) => ({
      path: "/v1/alert-rules",
      json: { kind: "feedback-negative-share", storeId: c.refs.storeId, deliver: ["app"] },
    }),
  },
  "PATCH /v1/alert-rules/{id}": {
    allow: ADMINS,
    sample: async (c) => ({
      path: `/v1/alert-rules/${await alertSample(c, "rule")}`,
      json: { threshold: 60 },
    }),
  },
  "DELETE /v1/alert-rules/{id}": {
    allow: ADMINS,
    sample: async (c) => ({ path: `/v1/alert-rules/${await alertSample(c, "rule")}` }),
  },
  "GET /v1/alerts": { allow: ADMINS, sample: () => ({ path: "/v1/alerts?status=open" }) },
  "POST /v1/alerts/{id}/ack": {
    allow: ADMINS,
    sample: async (c) => ({
      path: `/v1/alerts/${await alertSample(c, "alert")}/ack`,
      json: { note: "seen" },
    }),
  },
  "GET /v1/devices/me/alerts": {
    allow: ["device:staff"],
    sample: () => ({ path: "/v1/devices/me/alerts" }),
  },

  "POST /v1/sync/push": { allow: DEVICES, sample: pushSample },
  "POST /v1/sync/pull": {
    allow: DEVICES,
    sample: (c) => ({
      path: "/v1/sync/pull",
      json: {
        protocol: PROTOCOL_VERSION,
        deviceId: c.caller.device?.deviceId ?? uuidv4(),
        clientSchema: 1,
        cookie: null,
      },
    }),
  },
  "GET /v1/sync/events": {
    allow: [...PEOPLE, ...DEVICES, "key:read"],
    sample: () => ({ path: "/v1/sync/events" }),
  },

  "PUT /v1/blobs/{sha256}": {
    allow: [...DEVICES, "admin", "manager", "marketer"],
    // Aimed at another tenant's hash, the bytes do not match it (400, as for any
    // unknown hash). Uploading bytes another tenant already holds is its own test.
    sample: (c) => {
      const bytes = pngBytes(`upload ${unique()}`);
      const own = c.target === c.caller.tenant;
      return {
        path: `/v1/blobs/${own ? sha256Hex(bytes) : c.target.blob.sha256}`,
        body: bytes,
        headers: { "content-type": "image/png" },
      };
    },
  },
  "GET /v1/blobs/{sha256}": {
    allow: [...DATA_READERS, "device:marketer"],
    sample: (c) => ({ path: `/v1/blobs/${c.target.blob.sha256}` }),
  },

  "GET /v1/observations": {
    allow: DATA_READERS,
    sample: (c) => ({
      path: `/v1/observations?limit=200&competitorId=${c.refs.competitorId}`,
    }),
  },
  "GET /v1/observations/{id}": {
    allow: DATA_READERS,
    sample: (c) => ({ path: `/v1/observations/${c.target.webObservationId}` }),
  },
  "GET /v1/pages/captures": {
    allow: [...READERS, "device:marketer"],
    sample: () => ({
      path: `/v1/pages/captures?url=${encodeURIComponent("https://dienmay.example.vn/p/1")}`,
    }),
  },
  "POST /v1/observations/import": {
    allow: [...ADMINS, "key:import"],
    sample: (c) => ({
      path: "/v1/observations/import",
      json: {
        source: "matrix survey",
        format: "csv",
        content: `id,what\n${unique()},Khách muốn giao nhanh\n`,
        rowIdColumn: "id",
        defaults: { storeId: c.refs.storeId, competitorId: c.refs.competitorId },
      },
    }),
  },
  "POST /v1/observations/import/preview": {
    allow: [...ADMINS, "key:import"],
    sample: () => ({
      path: "/v1/observations/import/preview",
      json: { format: "csv", content: "Mã,Nội dung,Cửa hàng\n1,Khách muốn giao nhanh,Quận 1\n" },
    }),
  },

  "GET /v1/journals": { allow: DATA_READERS, sample: () => ({ path: "/v1/journals" }) },
  "POST /v1/journals": {
    allow: ADMINS,
    sample: (c) => ({
      path: "/v1/journals",
      json: {
        title: `Journal ${unique()}`,
        question: "Why?",
        goal: "Goal",
        scope: { storeIds: [c.refs.storeId], competitorIds: [c.refs.competitorId] },
      },
    }),
  },
  "GET /v1/journals/{id}": {
    allow: DATA_READERS,
    sample: (c) => ({ path: `/v1/journals/${c.target.journalId}` }),
  },
  "PATCH /v1/journals/{id}": {
    allow: ADMINS,
    sample: (c) => ({ path: `/v1/journals/${c.target.journalId}`, json: { goal: "Sharper goal" } }),
  },
  "GET /v1/journals/{id}/timeline": {
    allow: DATA_READERS,
    sample: (c) => ({ path: `/v1/journals/${c.target.journalId}/timeline?q=gia&channel=store` }),
  },
  "GET /v1/journals/{id}/suggestions": {
    allow: DATA_READERS,
    sample: (c) => ({ path: `/v1/journals/${c.target.journalId}/suggestions?lang=en` }),
  },
  "POST /v1/journals/{id}/insights": {
    allow: ADMINS,
    sample: (c) => ({
      path: `/v1/journals/${c.target.journalId}/insights`,
      json: {
        statement: "Shoppers leave when prices are unclear",
        evidence: [{ observationId: c.refs.storeObservationId, stance: "supports" }],
      },
    }),
  },
  "GET /v1/journals/{id}/export": {
    allow: DATA_READERS,
    sample: (c) => ({ path: `/v1/journals/${c.target.journalId}/export?format=json` }),
  },
  "PATCH /v1/insights/{id}": {
    allow: ADMINS,
    sample: (c) => ({
      path: `/v1/insights/${c.target.insightId}`,
      json: { needs: ["price", "transparency"] },
    }),
  },
  "POST /v1/insights/{id}/evidence": {
    allow: ADMINS,
    sample: (c) => ({
      path: `/v1/insights/${c.target.insightId}/evidence`,
      json: { observationId: c.refs.storeObservationId, stance: "context" },
    }),
  },
  "DELETE /v1/insights/{id}/evidence/{observationId}": {
    allow: ADMINS,
    // Link first (as the tenant's admin), so there is something to unlink.
    sample: async (c) => {
      if (c.target === c.caller.tenant && c.refs === c.target)
        await c.world.t.request(`/v1/insights/${c.target.insightId}/evidence`, {
          method: "POST",
          token: c.target.adminToken,
          json: { observationId: c.target.storeObservationId, stance: "context" },
        });
      return {
        path: `/v1/insights/${c.target.insightId}/evidence/${c.refs.storeObservationId}`,
      };
    },
  },
  "POST /v1/insights/{id}/actions": {
    allow: ADMINS,
    sample: (c) => ({
      path: `/v1/insights/${c.target.insightId}/actions`,
      json: { title: "Put prices on every shelf", owner: "Lan", due: "2026-12-31" },
    }),
  },
  "PATCH /v1/actions/{id}": {
    allow: ADMINS,
    sample: (c) => ({ path: `/v1/actions/${c.target.actionId}`, json: { owner: "Minh" } }),
  },
  // Deletes and restores aim at a fresh insight or action of the target's own
  // tenant (made, and for a restore deleted, as its admin first), so the
  // shared target rows stay for the other operations.
  "DELETE /v1/insights/{id}": {
    allow: ADMINS,
    sample: async (c) => ({ path: `/v1/insights/${await freshInsight(c)}` }),
  },
  "POST /v1/insights/{id}/restore": {
    allow: ADMINS,
    sample: async (c) => ({ path: `/v1/insights/${await freshInsight(c, true)}/restore` }),
  },
  "DELETE /v1/actions/{id}": {
    allow: ADMINS,
    sample: async (c) => ({ path: `/v1/actions/${await freshAction(c)}` }),
  },
  "POST /v1/actions/{id}/restore": {
    allow: ADMINS,
    sample: async (c) => ({ path: `/v1/actions/${await freshAction(c, true)}/restore` }),
  },

  "GET /v1/analytics/feedback": {
    allow: DATA_READERS,
    sample: (c) => ({ path: `/v1/analytics/feedback?storeId=${c.refs.storeId}` }),
  },
  "GET /v1/analytics/behaviour": {
    allow: DATA_READERS,
    sample: (c) => ({ path: `/v1/analytics/behaviour?storeId=${c.refs.storeId}` }),
  },
};

export type Operation = { key: string; method: string; path: string; access: Access[] };

/** Every operation of the served OpenAPI document. */
export async function operationsOf(request: (path: string) => Response | Promise<Response>) {
  const doc = (await (await request("/v1/openapi.json")).json()) as {
    paths: Record<string, Record<string, { "x-sightline-access"?: Access[] }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(
      ([method, op]): Operation => ({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        access: op["x-sightline-access"] ?? [],
      }),
    ),
  );
}

/** What a caller should get: allowed, or refused with 401 (no live identity) or 403 (wrong role). */
export function expectedOutcome(
  method: string,
  allow: readonly Access[],
  caller: Caller,
): "allow" | 401 | 403 {
  if (allow.includes("anonymous")) return "allow";
  if (!caller.access) return 401;
  // A session cookie sent from another origin on a write is ignored (CSRF).
  if (caller.crossSiteCookie && !["GET", "HEAD", "OPTIONS"].includes(method)) return 401;
  return allow.includes(caller.access) ? "allow" : 403;
}

/** Send a sample as a caller: bearer token, or the session cookie from another origin. */
export async function send(
  world: World,
  method: string,
  caller: Caller,
  req: SampleRequest,
): Promise<{ status: number; text: string; headers: Headers }> {
  const token = req.token !== undefined ? req.token : caller.token;
  const headers: Record<string, string> = { ...req.headers };
  if (token && caller.crossSiteCookie) {
    headers.cookie = `sightline_session=${token}`;
    headers.origin = "https://evil.example";
  } else if (token) headers.authorization = `Bearer ${token}`;
  const body = req.json !== undefined ? JSON.stringify(req.json) : req.body;
  if (req.json !== undefined) headers["content-type"] = "application/json";
  const res = await world.t.app.request(req.path, {
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  return { status: res.status, text: await readSome(res), headers: res.headers };
}

/** The body, or for an event stream its first chunk (then the stream is closed). */
async function readSome(res: Response): Promise<string> {
  if (!res.headers.get("content-type")?.includes("text/event-stream")) return res.text();
  const reader = res.body?.getReader();
  if (!reader) return "";
  const first = await Promise.race([
    reader.read(),
    new Promise<{ value?: undefined }>((r) => setTimeout(() => r({}), 200)),
  ]);
  await reader.cancel();
  return first.value ? new TextDecoder().decode(first.value) : "";
}
