// The typed API client: every call is same-origin `fetch` with the session
// cookie (`credentials: "include"`); errors arrive as ApiError, and a 401 also
// tells the app the session is gone.
import { ApiError, toApiError } from "./problem.ts";
import type {
  Action,
  ActionStatus,
  Competitor,
  Device,
  Insight,
  Journal,
  JournalDetail,
  LoginResponse,
  PairingCode,
  Principles,
  Role,
  Scope,
  Stance,
  Store,
  StoreInput,
  SuggestionsResponse,
  UnsentImportResult,
  User,
} from "./types.ts";

export type Fetch = typeof fetch;
export type Lang = "vi" | "en";
/** Timeline items per journal request (the server allows up to 500). */
export const TIMELINE_PAGE = 500;
export type ApiOptions = { fetch?: Fetch; base?: string; onUnauthorized?: () => void };
export type ExportFormat = "md" | "csv" | "json" | "html";
export type JournalInput = { title: string; question: string; goal: string; scope: Scope };
export type InsightPatch = {
  statement?: string;
  status?: Insight["status"];
  principles?: Principles;
  overrideReason?: string;
  needs?: Insight["needs"];
};
export type UserListItem = Omit<User, "workspaceId"> & { createdAt: string };

export function createApi(options: ApiOptions = {}) {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.base ?? "";

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
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
      throw new ApiError(0, "network", e instanceof Error ? e.message : String(e));
    }
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
      throw toApiError(res.status, res.statusText, parsed);
    }
    return (text ? parsed : undefined) as T;
  }

  const get = <T>(path: string) => request<T>("GET", path);
  const post = <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {});
  const patch = <T>(path: string, body: unknown) => request<T>("PATCH", path, body);
  const del = <T>(path: string) => request<T>("DELETE", path);
  const id = encodeURIComponent;

  return {
    login: (email: string, password: string) =>
      post<LoginResponse>("/v1/auth/login", { email, password }),
    logout: () => post<void>("/v1/auth/logout"),
    me: () => get<{ user: User } | User>("/v1/auth/me"),

    journals: () => get<{ items?: Journal[]; journals?: Journal[] } | Journal[]>("/v1/journals"),
    /** Newest first, a page big enough to filter in the browser; older pages by cursor. */
    journal: (journalId: string) =>
      get<JournalDetail>(`/v1/journals/${id(journalId)}?order=desc&limit=${TIMELINE_PAGE}`),
    journalPage: (journalId: string, cursor: string) =>
      get<JournalDetail>(
        `/v1/journals/${id(journalId)}?order=desc&limit=${TIMELINE_PAGE}&cursor=${encodeURIComponent(cursor)}`,
      ),
    createJournal: (input: JournalInput) =>
      post<{ id: string; journal?: Journal }>("/v1/journals", input),
    patchJournal: (journalId: string, input: Partial<JournalInput>) =>
      patch<Journal>(`/v1/journals/${id(journalId)}`, input),
    suggestions: (journalId: string, lang: Lang) =>
      get<SuggestionsResponse>(`/v1/journals/${id(journalId)}/suggestions?lang=${lang}`),
    exportUrl: (journalId: string, format: ExportFormat, lang: Lang) =>
      `${base}/v1/journals/${id(journalId)}/export?format=${format}&lang=${lang}`,

    createInsight: (
      journalId: string,
      input: {
        statement: string;
        needs?: string[];
        evidence: { observationId: string; stance: Stance }[];
      },
    ) => post<{ id: string; insight?: Insight }>(`/v1/journals/${id(journalId)}/insights`, input),
    /** Insight changes answer with the insight as the API shows it (corroboration recomputed). */
    patchInsight: (insightId: string, input: InsightPatch) =>
      patch<Insight>(`/v1/insights/${id(insightId)}`, input),
    addEvidence: (insightId: string, observationId: string, stance: Stance) =>
      post<Insight>(`/v1/insights/${id(insightId)}/evidence`, { observationId, stance }),
    removeEvidence: (insightId: string, observationId: string) =>
      del<Insight>(`/v1/insights/${id(insightId)}/evidence/${id(observationId)}`),
    addAction: (insightId: string, input: { title: string; owner?: string; due?: string }) =>
      post<{ id: string; action?: Action }>(`/v1/insights/${id(insightId)}/actions`, input),
    patchAction: (actionId: string, input: { status: ActionStatus }) =>
      patch<Action>(`/v1/actions/${id(actionId)}`, input),

    blobUrl: (sha256: string) => `${base}/v1/blobs/${id(sha256)}`,

    stores: () => get<{ items?: Store[]; stores?: Store[] } | Store[]>("/v1/stores"),
    createStore: (input: StoreInput) => post<{ id: string }>("/v1/stores", input),
    patchStore: (storeId: string, input: Partial<StoreInput>) =>
      patch<Store>(`/v1/stores/${id(storeId)}`, input),
    competitors: () =>
      get<{ items?: Competitor[]; competitors?: Competitor[] } | Competitor[]>("/v1/competitors"),
    createCompetitor: (input: Omit<Competitor, "id">) =>
      post<{ id: string }>("/v1/competitors", input),
    patchCompetitor: (competitorId: string, input: Partial<Omit<Competitor, "id">>) =>
      patch<Competitor>(`/v1/competitors/${id(competitorId)}`, input),
    users: () => get<{ items: UserListItem[] }>("/v1/users"),
    createUser: (input: { email: string; password: string; role: Role; name?: string }) =>
      post<{ id: string }>("/v1/users", input),
    devices: () => get<{ items?: Device[]; devices?: Device[] } | Device[]>("/v1/devices"),
    revokeDevice: (deviceId: string) => del<unknown>(`/v1/devices/${id(deviceId)}`),
    /** A marketer code may name the person (userId) whose extension it pairs; default: me. */
    createPairingCode: (input: {
      role: "staff" | "marketer";
      storeId?: string;
      userId?: string;
      label?: string;
    }) => post<PairingCode>("/v1/pairing-codes", input),
    /** Apply a device's exported unsent-data file (as read from disk) as that device's writes. */
    importUnsent: (deviceId: string, file: unknown) =>
      post<UnsentImportResult>(`/v1/devices/${id(deviceId)}/unsent`, file),

    analyticsFeedback: (query: URLSearchParams) =>
      get<unknown>(`/v1/analytics/feedback?${query.toString()}`),
    analyticsBehaviour: (query: URLSearchParams) =>
      get<unknown>(`/v1/analytics/behaviour?${query.toString()}`),
    observation: (observationId: string) =>
      get<JournalDetail["timeline"][number]>(`/v1/observations/${id(observationId)}`),
    observations: (query: URLSearchParams) =>
      get<{ items: JournalDetail["timeline"]; nextCursor?: string | null }>(
        `/v1/observations?${query.toString()}`,
      ),
  };
}

export type Api = ReturnType<typeof createApi>;

/** Lists come back as a bare array or wrapped (`{items}`, `{journals}`…); read either. */
export function listOf<T>(value: T[] | Record<string, unknown> | undefined | null): T[] {
  if (Array.isArray(value)) return value;
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) if (Array.isArray(v)) return v as T[];
  }
  return [];
}
