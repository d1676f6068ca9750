// The typed API client: every call is same-origin `fetch` with the session
// cookie (`credentials: "include"`); errors arrive as ApiError, and a 401 also
// tells the app the session is gone.

import {
  AlertListSchema,
  type AlertRuleInput,
  AlertRuleListSchema,
  AlertRuleSchema,
  AlertSchema,
  type AlertStatus,
} from "@sightline/shared/schema/alert";
import {
  BehaviourAnalyticsSchema,
  FeedbackAnalyticsSchema,
} from "@sightline/shared/schema/analytics";
import {
  ApiKeyListSchema,
  type ApiKeyScope,
  CreatedApiKeySchema,
} from "@sightline/shared/schema/api-key";
import { AuditPageSchema, type AuditType } from "@sightline/shared/schema/audit";
import {
  ActionCreatedSchema,
  ActionSchema,
  InsightCreatedSchema,
  InsightSchema,
} from "@sightline/shared/schema/insight";
import {
  JournalCreatedSchema,
  JournalListSchema,
  JournalPageSchema,
  JournalSchema,
  ObservationListSchema,
  ObservationViewSchema,
} from "@sightline/shared/schema/journal";
import { SuggestionsSchema } from "@sightline/shared/schema/suggestion";
import { type TimelineFilters, TimelinePageSchema } from "@sightline/shared/schema/timeline";
import {
  NotificationPrefsSchema,
  WebhookCreatedSchema,
  WebhookDeliveryListSchema,
  WebhookDeliverySchema,
  WebhookListSchema,
} from "@sightline/shared/schema/webhook";
import type * as z from "zod/mini";
import { ApiError, toApiError, UNEXPECTED_RESPONSE } from "./problem.ts";
import {
  CompetitorListSchema,
  CompetitorViewSchema,
  CreatedSchema,
  DeviceListSchema,
  IgnoredSchema,
  ImportPreviewSchema,
  ImportReportSchema,
  LoginResponseSchema,
  MeSchema,
  PairingCodeSchema,
  ResetCodeSchema,
  StoreListSchema,
  StoreViewSchema,
  UnsentImportResultSchema,
  UserListSchema,
} from "./schemas.ts";
import type {
  ActionStatus,
  Competitor,
  Insight,
  Principles,
  Role,
  Scope,
  Stance,
  StoreInput,
} from "./types.ts";

export type { UserListItem } from "./types.ts";
export type Fetch = typeof fetch;
export type Lang = "vi" | "en";
/**
 * Timeline items in the journal request: the timeline itself comes from the
 * timeline query (`timeline`), so the journal page asks for only a few.
 */
export const JOURNAL_TIMELINE_PAGE = 1;
/** Items per timeline-query page (the server allows up to 200). */
export const TIMELINE_PAGE = 100;
export type ApiOptions = {
  fetch?: Fetch;
  base?: string;
  onUnauthorized?: () => void;
  /** Told after every call whether the server answered at all (false: network failure). */
  onReachable?: (reachable: boolean) => void;
};
export type ExportFormat = "md" | "zip" | "csv" | "json" | "html";
export type JournalInput = { title: string; question: string; goal: string; scope: Scope };
export type InsightPatch = {
  statement?: string;
  status?: Insight["status"];
  principles?: Principles;
  overrideReason?: string;
  needs?: Insight["needs"];
};

export function createApi(options: ApiOptions = {}) {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.base ?? "";

  /**
   * One call; the answer is parsed with `schema` (never cast): a body that
   * does not match is an ApiError of type UNEXPECTED_RESPONSE, which the UI
   * shows in the user's language ("error.unexpectedResponse").
   */
  async function request<S extends z.ZodMiniType>(
    schema: S,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<z.infer<S>> {
    let res: Response;
    try {
      res = await doFetch(base + path, {
        method,
        credentials: "include",
        headers: {
          accept: "application/json, application/problem+json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (e) {
      options.onReachable?.(false);
      throw new ApiError(0, "network", e instanceof Error ? e.message : String(e));
    }
    // A proxy's 502/504 means the server itself is not there.
    options.onReachable?.(res.status !== 502 && res.status !== 504);
    const type = res.headers.get("content-type") ?? "";
    const text = await res.text();
    let parsed: unknown = text;
    if (type.includes("json") && text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    if (!res.ok) {
      if (res.status === 401) options.onUnauthorized?.();
      throw toApiError(res.status, res.statusText, parsed, res.headers.get("retry-after"));
    }
    const result = schema.safeParse(text ? parsed : undefined);
    if (!result.success) {
      throw new ApiError(
        res.status,
        `${method} ${path.split("?")[0]}`,
        undefined,
        result.error.issues.slice(0, 10).map((i) => ({
          path: i.path.map(String).join("."),
          message: i.message,
        })),
        UNEXPECTED_RESPONSE,
      );
    }
    return result.data;
  }

  const get = <S extends z.ZodMiniType>(schema: S, path: string) => request(schema, "GET", path);
  /**
   * Every page of a cursor-paged list (journals, devices: the server answers
   * at most 200 at a time), gathered into one `{items}` so the pages show
   * everything. Stops after 100 pages rather than loop on a broken cursor.
   */
  const allPages = async <I>(
    schema: z.ZodMiniType<{ items: I[]; nextCursor?: string | null | undefined }>,
    path: string,
  ): Promise<{ items: I[] }> => {
    const sep = path.includes("?") ? "&" : "?";
    const items: I[] = [];
    let cursor: string | null | undefined;
    for (let n = 0; n < 100; n++) {
      const page = await get(
        schema,
        `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      items.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return { items };
  };
  const post = <S extends z.ZodMiniType>(schema: S, path: string, body?: unknown) =>
    request(schema, "POST", path, body ?? {});
  const patch = <S extends z.ZodMiniType>(schema: S, path: string, body: unknown) =>
    request(schema, "PATCH", path, body);
  const del = <S extends z.ZodMiniType>(schema: S, path: string) => request(schema, "DELETE", path);
  const id = encodeURIComponent;

  return {
    login: (email: string, password: string) =>
      post(LoginResponseSchema, "/v1/auth/login", { email, password }),
    logout: () => post(IgnoredSchema, "/v1/auth/logout"),
    me: () => get(MeSchema, "/v1/auth/me"),

    /** The main list, or the archived journals. */
    journals: (o: { archived?: boolean } = {}) =>
      allPages(JournalListSchema, o.archived ? "/v1/journals?archived=true" : "/v1/journals"),
    /** The journal, its insights and stats over the whole scope (the timeline comes from `timeline`). */
    journal: (journalId: string) =>
      get(
        JournalPageSchema,
        `/v1/journals/${id(journalId)}?order=desc&limit=${JOURNAL_TIMELINE_PAGE}`,
      ),
    /** One page of the journal's whole scope through filters and search, with the exact total. */
    timeline: (
      journalId: string,
      filters: TimelineFilters,
      o: { cursor?: string | null; limit?: number } = {},
    ) =>
      get(
        TimelinePageSchema,
        `/v1/journals/${id(journalId)}/timeline?${timelineQuery(filters, o).toString()}`,
      ),
    archiveJournal: (journalId: string, archived: boolean) =>
      patch(JournalSchema, `/v1/journals/${id(journalId)}`, { archived }),
    createJournal: (input: JournalInput) => post(JournalCreatedSchema, "/v1/journals", input),
    patchJournal: (journalId: string, input: Partial<JournalInput>) =>
      patch(JournalSchema, `/v1/journals/${id(journalId)}`, input),
    suggestions: (journalId: string, lang: Lang) =>
      get(SuggestionsSchema, `/v1/journals/${id(journalId)}/suggestions?lang=${lang}`),
    exportUrl: (journalId: string, format: ExportFormat, lang: Lang) =>
      `${base}/v1/journals/${id(journalId)}/export?format=${format}&lang=${lang}`,

    createInsight: (
      journalId: string,
      input: {
        statement: string;
        needs?: string[];
        evidence: { observationId: string; stance: Stance }[];
      },
    ) => post(InsightCreatedSchema, `/v1/journals/${id(journalId)}/insights`, input),
    /** Insight changes answer with the insight as the API shows it (corroboration recomputed). */
    patchInsight: (insightId: string, input: InsightPatch) =>
      patch(InsightSchema, `/v1/insights/${id(insightId)}`, input),
    addEvidence: (insightId: string, observationId: string, stance: Stance) =>
      post(InsightSchema, `/v1/insights/${id(insightId)}/evidence`, { observationId, stance }),
    removeEvidence: (insightId: string, observationId: string) =>
      del(InsightSchema, `/v1/insights/${id(insightId)}/evidence/${id(observationId)}`),
    addAction: (insightId: string, input: { title: string; owner?: string; due?: string }) =>
      post(ActionCreatedSchema, `/v1/insights/${id(insightId)}/actions`, input),
    patchAction: (actionId: string, input: { status: ActionStatus }) =>
      patch(ActionSchema, `/v1/actions/${id(actionId)}`, input),
    deleteInsight: (insightId: string) => del(IgnoredSchema, `/v1/insights/${id(insightId)}`),
    restoreInsight: (insightId: string) =>
      post(IgnoredSchema, `/v1/insights/${id(insightId)}/restore`),
    deleteAction: (actionId: string) => del(IgnoredSchema, `/v1/actions/${id(actionId)}`),
    restoreAction: (actionId: string) => post(IgnoredSchema, `/v1/actions/${id(actionId)}/restore`),
    /** Import a CSV / JSON-lines file (or a slice of one); `dryRun` checks every row and writes nothing. */
    importObservations: (body: ImportRequest) =>
      post(ImportReportSchema, "/v1/observations/import", body),
    /** The server's own guess of which column feeds which field (nothing written). */
    importPreview: (body: { format: "csv" | "jsonl"; content: string }) =>
      post(ImportPreviewSchema, "/v1/observations/import/preview", body),

    blobUrl: (sha256: string) => `${base}/v1/blobs/${id(sha256)}`,

    stores: () => get(StoreListSchema, "/v1/stores"),
    createStore: (input: StoreInput) => post(CreatedSchema, "/v1/stores", input),
    patchStore: (storeId: string, input: Partial<StoreInput>) =>
      patch(StoreViewSchema, `/v1/stores/${id(storeId)}`, input),
    competitors: () => get(CompetitorListSchema, "/v1/competitors"),
    createCompetitor: (input: Omit<Competitor, "id">) =>
      post(CreatedSchema, "/v1/competitors", input),
    patchCompetitor: (competitorId: string, input: Partial<Omit<Competitor, "id">>) =>
      patch(CompetitorViewSchema, `/v1/competitors/${id(competitorId)}`, input),
    users: () => get(UserListSchema, "/v1/users"),
    createUser: (input: { email: string; password: string; role: Role; name?: string }) =>
      post(CreatedSchema, "/v1/users", input),
    /** Admins: role, name or disabled state (409 last-admin keeps one enabled admin). */
    patchUser: (userId: string, input: { role?: Role; name?: string | null; disabled?: boolean }) =>
      patch(IgnoredSchema, `/v1/users/${id(userId)}`, input),
    deleteUser: (userId: string) => del(IgnoredSchema, `/v1/users/${id(userId)}`),
    /** A one-time reset code for a person, shown once. */
    issuePasswordReset: (userId: string) =>
      post(ResetCodeSchema, `/v1/users/${id(userId)}/reset-password`),
    changePassword: (input: { current: string; next: string }) =>
      post(IgnoredSchema, "/v1/auth/password", input),
    signOutEverywhere: () => post(IgnoredSchema, "/v1/auth/sign-out-everywhere"),
    redeemPasswordReset: (input: { code: string; next: string }) =>
      post(IgnoredSchema, "/v1/auth/reset-password", input),
    /** One page of the audit log (admins), newest first. */
    audit: (q: {
      type?: AuditType;
      actor?: string;
      from?: string;
      to?: string;
      cursor?: string;
      limit?: number;
    }) => {
      const qs = new URLSearchParams();
      for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== "") qs.set(k, String(v));
      return get(AuditPageSchema, `/v1/audit${qs.size ? `?${qs}` : ""}`);
    },
    /** API keys (admins): never their secrets. */
    apiKeys: () => get(ApiKeyListSchema, "/v1/api-keys"),
    /** A new key: the answer carries the secret once. */
    createApiKey: (input: { name: string; scope: ApiKeyScope }) =>
      post(CreatedApiKeySchema, "/v1/api-keys", input),
    revokeApiKey: (keyId: string) => del(IgnoredSchema, `/v1/api-keys/${id(keyId)}`),
    /** One's own email language and weekly digest setting. */
    notificationPrefs: () => get(NotificationPrefsSchema, "/v1/notifications/preferences"),
    setNotificationPrefs: (p: { language: "vi" | "en" | null; weeklyDigest: boolean }) =>
      request(NotificationPrefsSchema, "PUT", "/v1/notifications/preferences", p),
    /** Webhooks (admins and managers): never their secrets. */
    webhooks: () => get(WebhookListSchema, "/v1/webhooks"),
    createWebhook: (input: { url: string; secret: string; language: "vi" | "en" }) =>
      post(WebhookCreatedSchema, "/v1/webhooks", input),
    deleteWebhook: (hookId: string) => del(IgnoredSchema, `/v1/webhooks/${id(hookId)}`),
    /** One signed test now; the answer says what the receiver did. */
    testWebhook: (hookId: string) => post(WebhookDeliverySchema, `/v1/webhooks/${id(hookId)}/test`),
    webhookDeliveries: (hookId: string) =>
      get(WebhookDeliveryListSchema, `/v1/webhooks/${id(hookId)}/deliveries`),
    /** Alert rules and alerts (admins and managers; docs/alerts.md). */
    alertRules: () => get(AlertRuleListSchema, "/v1/alert-rules"),
    createAlertRule: (input: AlertRuleInput) => post(AlertRuleSchema, "/v1/alert-rules", input),
    updateAlertRule: (ruleId: string, changes: Omit<Partial<AlertRuleInput>, "kind">) =>
      patch(AlertRuleSchema, `/v1/alert-rules/${id(ruleId)}`, changes),
    deleteAlertRule: (ruleId: string) => del(IgnoredSchema, `/v1/alert-rules/${id(ruleId)}`),
    alerts: (status: AlertStatus) => get(AlertListSchema, `/v1/alerts?status=${status}`),
    ackAlert: (alertId: string, note: string) =>
      post(AlertSchema, `/v1/alerts/${id(alertId)}/ack`, note ? { note } : {}),
    devices: () => allPages(DeviceListSchema, "/v1/devices"),
    revokeDevice: (deviceId: string) => del(IgnoredSchema, `/v1/devices/${id(deviceId)}`),
    /** A marketer code may name the person (userId) whose extension it pairs; default: me. */
    createPairingCode: (input: {
      role: "staff" | "marketer";
      storeId?: string;
      userId?: string;
      label?: string;
    }) => post(PairingCodeSchema, "/v1/pairing-codes", input),
    /** Apply a device's exported unsent-data file (as read from disk) as that device's writes. */
    importUnsent: (deviceId: string, file: unknown) =>
      post(UnsentImportResultSchema, `/v1/devices/${id(deviceId)}/unsent`, file),

    analyticsFeedback: (query: URLSearchParams) =>
      get(FeedbackAnalyticsSchema, `/v1/analytics/feedback?${query.toString()}`),
    analyticsBehaviour: (query: URLSearchParams) =>
      get(BehaviourAnalyticsSchema, `/v1/analytics/behaviour?${query.toString()}`),
    observation: (observationId: string) =>
      get(ObservationViewSchema, `/v1/observations/${id(observationId)}`),
    observations: (query: URLSearchParams) =>
      get(ObservationListSchema, `/v1/observations?${query.toString()}`),
  };
}

export type Api = ReturnType<typeof createApi>;

export type ImportField =
  | "what"
  | "who"
  | "where"
  | "why"
  | "how"
  | "note"
  | "capturedAt"
  | "needs"
  | "tags"
  | "basis"
  | "method"
  | "storeId"
  | "competitorId"
  | "zone";
export type ImportRequest = {
  source: string;
  format: "csv" | "jsonl";
  content: string;
  /** field → column; null: no column (the server guesses none for it). */
  mapping?: Partial<Record<ImportField, string | null>>;
  rowIdColumn?: string;
  timeZone?: string;
  dryRun?: boolean;
};

/** The timeline query string: repeated keys for several values of one filter (OR). */
export function timelineQuery(
  f: TimelineFilters,
  o: { cursor?: string | null; limit?: number } = {},
): URLSearchParams {
  const q = new URLSearchParams();
  const many = (key: string, values: readonly string[] | undefined) => {
    for (const v of values ?? []) q.append(key, v);
  };
  many("channel", f.channel);
  many("storeId", f.storeId);
  many("competitorId", f.competitorId);
  many("need", f.need);
  many("tag", f.tag);
  many("basis", f.basis);
  if (f.q?.trim()) q.set("q", f.q.trim());
  if (f.from) q.set("from", f.from);
  if (f.to) q.set("to", f.to);
  if (o.cursor) q.set("cursor", o.cursor);
  q.set("limit", String(o.limit ?? TIMELINE_PAGE));
  return q;
}

/** A list answer's items (`{items}`), or a bare array; empty while there is none. */
export function listOf<T>(value: T[] | { items: T[] } | undefined | null): T[] {
  if (Array.isArray(value)) return value;
  return value?.items ?? [];
}
