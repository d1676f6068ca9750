// Shapes the web app reads from the HTTP API (design/API.md is authoritative
// for names). Field values written by devices use the shared observation
// field names; the server adds the flat-view extras (id, version, fiveW1H).
import type { ObservationFields } from "@sightline/shared/schema/observation";
import type { Channel } from "@sightline/shared/vocabulary/channels";
import type { NeedCode } from "@sightline/shared/vocabulary/needs";

export type Role = "admin" | "manager" | "marketer" | "staff" | "viewer";
export const ROLES: readonly Role[] = ["admin", "manager", "marketer", "staff", "viewer"];

export type User = {
  id: string;
  email: string;
  role: Role;
  workspaceId: string;
  name?: string | null;
};

export type LoginResponse = { token: string; user: User };

/** What a journal covers; every part optional (empty = everything). */
export type Scope = {
  from?: string;
  to?: string;
  storeIds?: string[];
  competitorIds?: string[];
  channels?: Channel[];
  needs?: NeedCode[];
  tags?: string[];
};

export type Journal = {
  id: string;
  title: string;
  question: string;
  goal: string;
  scope: Scope;
  archived?: boolean;
  createdAt?: string;
  updatedAt?: string;
  observationCount?: number;
  insightCount?: number;
};

/** The flat observation view of `GET /v1/observations` and journal timelines. */
export type Observation = ObservationFields & {
  id: string;
  createdBy: string;
  version: number;
  channel: Channel;
  capturedAt: string;
  what: string;
  fiveW1H?: number | { score: number; missing?: string[] };
};

export const STANCES = ["supports", "contradicts", "context"] as const;
export type Stance = (typeof STANCES)[number];

export const PRINCIPLES = ["truth", "resonance", "relevance", "uniqueness"] as const;
export type Principle = (typeof PRINCIPLES)[number];
export type PrincipleScore = { score: number; note: string };
export type Principles = Partial<Record<Principle, PrincipleScore>>;

export const INSIGHT_STATUSES = ["draft", "emerging", "validated", "actioned", "stale"] as const;
export type InsightStatus = (typeof INSIGHT_STATUSES)[number];

export const ACTION_STATUSES = ["todo", "doing", "done", "dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export type Evidence = { observationId: string; stance: Stance; note?: string | null };
export type Action = {
  id: string;
  title: string;
  owner?: string | null;
  due?: string | null;
  status: ActionStatus;
};

export type Corroboration = {
  /** Distinct data types (channels; each import source its own) behind the supporting evidence. */
  channels: number | string[];
  observations: number;
  singleSource: boolean;
  /** The data types themselves: channel codes or `import:<source>`. */
  dataTypes?: string[];
  /** Observations that contradict the insight. */
  contradicting?: number;
};

export type Insight = {
  id: string;
  statement: string;
  needs: NeedCode[];
  status: InsightStatus;
  principles: Principles;
  corroboration: Corroboration;
  evidence: Evidence[];
  actions: Action[];
  overrideReason?: string | null;
};

export type JournalStats = {
  /** Observations in the whole scope (the timeline is paged). */
  total?: number;
  byChannel: Partial<Record<string, number>>;
  byNeed: Partial<Record<string, number>>;
  byDay: Partial<Record<string, number>>;
  fiveW1H: number | { average: number; answered?: Partial<Record<string, number>> };
  /** channel → need → observations. */
  needsByChannel?: Partial<Record<string, Partial<Record<string, number>>>>;
};

export type JournalDetail = {
  journal: Journal;
  timeline: Observation[];
  insights: Insight[];
  stats: JournalStats;
  nextCursor?: string | null;
};

/** Why a theme was suggested: what it groups and how tightly. */
export type ThemeWhy = {
  kind: "theme";
  observations?: number;
  shown?: number;
  channels?: Partial<Record<string, number>>;
  dataTypes?: Partial<Record<string, number>>;
  topTerms?: string[];
  from?: string | null;
  to?: string | null;
  days?: number;
};

export type TimeLinkSignal =
  | { type: "behaviour"; behaviour: string; ratio: number }
  | { type: "complaints"; need: string; ratio: number }
  | { type: "happy-index"; before: number; after: number; delta: number };

/** Why a time link was suggested: a competitor change, then what moved within the window. */
export type TimeLinkWhy = {
  kind: "time-link";
  windowDays: number;
  change: {
    kind: "price" | "claim";
    competitor: string;
    at: string;
    price?: { from: number; to: number; currency: string; pct: number };
  };
  signals: TimeLinkSignal[];
};

export type Suggestion = {
  kind?: "theme" | "time-link";
  title: string;
  needs: NeedCode[];
  observationIds: string[];
  channels: string[];
  score: number;
  why: string | ThemeWhy | TimeLinkWhy;
};

export type SuggestionsResponse = { suggestions: Suggestion[]; timeLinks?: Suggestion[] };

export type Store = {
  id: string;
  name: string;
  timeZone: string;
  zones: string[];
  behaviours: { code: string; label_vi: string; label_en: string }[];
  feedbackQuestion: { vi: string; en: string };
  reasons: { code: string; need: NeedCode; label_vi: string; label_en: string }[];
};
export type StoreInput = Omit<Store, "id">;

export type Competitor = { id: string; name: string; domains: string[] };

export type Device = {
  id: string;
  name?: string | null;
  kind: "kiosk" | "extension";
  role: Role;
  storeId?: string | null;
  lastPushAt?: string | null;
  lastPullAt?: string | null;
  lastSeenAt?: string | null;
  lastSeq?: number;
  appVersion?: string | null;
  revokedAt?: string | null;
  revoked?: boolean;
  createdAt?: string;
  /** The person the device belongs to (whose extension it is). */
  ownerId?: string;
};

/** POST /v1/devices/{id}/unsent: what importing a device's unsent-data file did. */
export type UnsentImportResult = {
  applied: number;
  duplicates: number;
  rejected: { seq: number; code: string; message: string }[];
  lastSeq: number;
};

export type PairingCode = { code: string; expiresAt: string };

/** Feedback analytics, normalised by `analytics/normalise.ts`. */
export type FeedbackAnalytics = {
  counts: [number, number, number, number];
  happyIndex: number | null;
  /** 7 weekdays (Monday first) × 24 hours of counts. */
  hourWeekday: number[][];
  /** The same grid's happy index per cell (null where no taps). */
  hourWeekdayHappy: (number | null)[][];
  /** Rapid repeat taps in the range, left out of the counts. */
  suspect: number;
  byReason: { code: string; count: number }[];
  byDay: { day: string; happyIndex: number | null; count: number }[];
};

export type BehaviourAnalytics = {
  rows: { behaviour: string; zone: string; day: string; count: number }[];
};
