// The database port, Db: everything the server keeps — people, devices,
// shops (stores) and competitors, synced observations, journals, insights,
// evidence, actions and imported rows — behind async methods, so the embedded
// SQLite adapter (db/sqlite) and the PostgreSQL adapter (db/postgres) are
// interchangeable. One contract suite (server/test/contract/db.contract.ts)
// pins the behaviour of every adapter. Every method that touches tenant data
// takes the workspace id first: there is no unscoped read or write of tenant
// rows.
import type {
  Competitor,
  CompetitorInput,
  Cookie,
  Entity,
  Mutation,
  RejectedMutation,
  Store,
  StoreInput,
} from "@sightline/shared";
import type { AuditActorType, AuditDetail, AuditType } from "../audit/event-types.ts";
import type { ApiKeyScope, DeviceKind, DeviceRole, UserRole } from "../auth/roles.ts";
import type { Principles } from "../insights/principles.ts";
import type { ActionStatus, InsightStatus } from "../insights/vocabulary.ts";
import type { Action, Evidence, Insight, Journal, JournalScope } from "../journals/model.ts";
import type { ChangeJson } from "../sync/change-json.ts";

export type Workspace = { id: string; name: string; version: number; createdAt: string };

export type UserRecord = {
  id: string;
  workspaceId: string;
  email: string;
  name: string | null;
  role: UserRole;
  passwordHash: string;
  createdAt: string;
  /** Set while an admin has disabled the account: no sign-in, no session, no extension token. */
  disabledAt?: string | null;
  /** Set when deleted: the row stays (their work stays attributed to the name), nothing resolves. */
  deletedAt?: string | null;
};
export type NewUser = Omit<UserRecord, "id" | "createdAt" | "disabledAt" | "deletedAt">;

export type DeviceRecord = {
  id: string;
  workspaceId: string;
  kind: DeviceKind;
  role: DeviceRole;
  storeId: string | null;
  /**
   * The person the device belongs to: for an extension, the person its code
   * was issued for (the issuer when none was named) — its sync scope; for a
   * kiosk, the issuer of its code (no bearing on scope).
   */
  ownerId: string;
  name: string | null;
  /** Origin of the pairing request (chrome-extension://…), allowed by CORS. */
  origin: string | null;
  lastSeq: number;
  lastPushAt: string | null;
  lastPullAt: string | null;
  appVersion: string | null;
  revokedAt: string | null;
  createdAt: string;
  /** The device's last health report (push or pull `status`); null before the first. */
  health: DeviceHealth | null;
};

/** What a device last said of its queue and storage, and when the server heard it. */
export type DeviceHealth = {
  unsynced: number;
  /** ISO time of the oldest unsent write (the device's clock), or null. */
  oldestUnsyncedAt: string | null;
  storagePersisted: boolean | null;
  at: string;
};

/** Who is calling, resolved from a bearer token or session cookie. */
export type Principal =
  | { type: "user"; workspaceId: string; userId: string; role: UserRole; email: string }
  | {
      type: "device";
      workspaceId: string;
      deviceId: string;
      kind: DeviceKind;
      role: DeviceRole;
      storeId: string | null;
      ownerId: string;
    }
  | {
      /** An API key (server/src/api-keys): never a person — no session, no account routes. */
      type: "api-key";
      workspaceId: string;
      keyId: string;
      name: string;
      scope: ApiKeyScope;
      /** The admin who created it: imports by the key are owned by them. */
      createdBy: string;
    };
export type DevicePrincipal = Extract<Principal, { type: "device" }>;
export type ApiKeyPrincipal = Extract<Principal, { type: "api-key" }>;

/** The principal a device's row stands for (its token's, or an import's on its behalf). */
export const devicePrincipal = (d: DeviceRecord): DevicePrincipal => ({
  type: "device",
  workspaceId: d.workspaceId,
  deviceId: d.id,
  kind: d.kind,
  role: d.role,
  storeId: d.storeId,
  ownerId: d.ownerId,
});

export type NewPairingCode = {
  workspaceId: string;
  codeHash: string;
  role: DeviceRole;
  storeId: string | null;
  label: string | null;
  createdBy: string;
  /** Marketer codes only: the person whose extension it pairs (null or absent: the issuer). */
  forUserId?: string | null;
  expiresAt: string;
};

export type PairRequest = {
  codeHash: string;
  deviceId: string;
  kind: DeviceKind;
  name: string | null;
  origin: string | null;
  tokenHash: string;
  now: string;
};
/**
 * Why a device id cannot be (re-)paired with this code: the id belongs to a
 * live device; or, to re-admit a revoked device, the code is of another kind,
 * for another store (kiosk) or person (extension), or was not issued by an
 * admin or manager.
 */
export type DeviceIdTaken =
  | "in-use"
  | "other-kind"
  | "other-store"
  | "other-person"
  | "issuer-not-admin";
/**
 * A device id belongs to the row made at its first pairing
 * (docs/sync-protocol.md "Device identity"): a new id makes a device; a
 * revoked device's id re-admits it,
 * keeping its seq line and creation time. A refused pairing never uses the code.
 */
export type PairResult =
  | { ok: true; device: DeviceRecord }
  | { ok: false; reason: "unknown" | "expired" | "used" | "kind-mismatch" }
  | { ok: false; reason: "device-id-taken"; why: DeviceIdTaken };

export type PushParams = {
  workspaceId: string;
  device: DevicePrincipal;
  appVersion: string;
  /** Already upcast to the current client schema. */
  mutations: readonly Mutation[];
  now: Date;
  /** How far ahead of `now` a mutation's stamp may be (default 5 minutes); beyond: `clock-ahead`. */
  maxClockDriftMs?: number;
};
export type PushOutcome =
  | {
      kind: "ok";
      lastSeq: number;
      version: number;
      rejected: RejectedMutation[];
      applied: number;
      changed: boolean;
    }
  | { kind: "seq-gap"; expectedSeq: number }
  /** The server's seqs up to lastSeq are another history of this device id: nothing applied. */
  | { kind: "seq-reused"; lastSeq: number }
  | { kind: "transient"; message: string };

export type PullParams = {
  workspaceId: string;
  device: DevicePrincipal;
  cookie: Cookie | null;
  limit: number;
  now: Date;
  /** Kiosks pull their own observations captured in the last N days. */
  kioskWindowDays: number;
};
/** A change as the client reads it (tests decode `PullPage.changes` into these). */
export type PullChange =
  | { op: "put"; entity: Entity }
  | { op: "del"; id: string; deletedHlc: string; version: number };
export type PullPage = {
  /** UTF-8 JSON of each change, spliced into the answer unparsed (sync/change-json.ts). */
  changes: ChangeJson[];
  cookie: Cookie;
  reset: boolean;
  hasMore: boolean;
  lastSeq: number;
};

export type ObservationQuery = {
  channel?: string;
  storeId?: string;
  competitorId?: string;
  need?: string;
  tag?: string;
  /** Already accent-folded (see observations/search-text.ts). */
  q?: string;
  fromMs?: number;
  toMs?: number;
  limit: number;
  cursor?: string;
};
export type ObservationPage = { items: Entity[]; nextCursor: string | null };

export type NewJournal = Omit<Journal, "archived" | "updatedAt">;
export type JournalChanges = Partial<
  Pick<Journal, "title" | "question" | "goal" | "scope" | "archived">
>;

export type NewInsight = Omit<
  Insight,
  "evidence" | "actions" | "updatedAt" | "status" | "principles" | "overrideReason"
> & {
  evidence: Evidence[];
};
export type InsightChanges = Partial<{
  statement: string;
  needs: Insight["needs"];
  status: InsightStatus;
  principles: Principles;
  overrideReason: string | null;
}>;

export type NewAction = Omit<Action, "updatedAt" | "status">;
export type ActionChanges = Partial<{
  title: string;
  owner: string | null;
  due: string | null;
  status: ActionStatus;
}>;

/**
 * Observations in a journal's scope. Dimensions combine with AND, values
 * within one with OR. `storeIds` only narrows observations that have a store
 * and `competitorIds` only those that name a competitor, so a journal about
 * one shop and one rival still sees both shop-floor and web observations.
 */
export type ScopeQuery = {
  scope: JournalScope;
  /** Accent-folded text (observations/search-text.ts) matched as a substring. */
  q?: string | undefined;
  /** Further narrowing within the scope (timeline filters). */
  channel?: string | undefined;
  /** Oldest first (timeline) when true; newest first otherwise. */
  ascending?: boolean;
  limit: number;
  cursor?: string | undefined;
};

/**
 * The whole-journal timeline query (docs/http-api.md "Journal timeline"):
 * the journal's scope narrowed by filters. Different filters combine with
 * AND, values within one filter with OR; unlike the scope, `storeIds` and
 * `competitorIds` here keep only observations that name one of them.
 */
export type TimelineQuery = {
  scope: JournalScope;
  channels?: readonly string[] | undefined;
  storeIds?: readonly string[] | undefined;
  competitorIds?: readonly string[] | undefined;
  needs?: readonly string[] | undefined;
  tags?: readonly string[] | undefined;
  bases?: readonly string[] | undefined;
  /** Captured at or after (ms). */
  fromMs?: number | undefined;
  /** Captured before (ms). */
  toMs?: number | undefined;
  /**
   * The query's folded words (db/timeline-rank.ts); every one must occur in
   * the search text or in the name of the observation's store or competitor.
   * With words the page is ranked by BM25; without, newest first.
   */
  words?: readonly TimelineWord[] | undefined;
  limit: number;
  cursor?: string | undefined;
};
/** A folded query word and the stores and competitors whose folded names contain it. */
export type TimelineWord = {
  word: string;
  storeIds: readonly string[];
  competitorIds: readonly string[];
};
export type TimelineResult = {
  items: { entity: Entity; score?: number }[];
  nextCursor: string | null;
  /** Every observation of the scope that passes the filters. */
  total: number;
};

/** What a full scan returns: enough for views, suggestions and stats (no clocks). */
export type ScannedObservation = Pick<Entity, "id" | "createdBy" | "version" | "fields"> & {
  /** The text features stored at write time (shared/src/text/features.ts); null on rows written before them. */
  features?: string | null;
};

/** What changed in a scope after a workspace version (see scanScopedChanges). */
export type ScopeChanges = {
  /** Every observation written after the version: live or deleted, in the scope or not. */
  changedIds: string[];
  /** Those of them that are live and in the scope now, oldest first. */
  observations: ScannedObservation[];
};

export type ImportRow = { observationId: string; sourceRowId: string; entity: Entity };
export type ImportOutcome = {
  /** Observation ids created now. */
  created: string[];
  /** Source row ids already imported before (left untouched). */
  duplicates: string[];
  /** Workspace version after the import (unchanged when nothing was created). */
  version: number;
};

export interface Db
  extends AuditDb,
    AccountsDb,
    RateBucketsDb,
    ApiKeysDb,
    AlertsDb,
    JobsDb,
    WebhooksDb {
  readonly dialect: "sqlite" | "postgres";
  /** Random id of this database, created with it; changes on restore/reset. */
  epoch(): Promise<string>;
  close(): Promise<void>;

  createWorkspace(name: string): Promise<Workspace>;
  getWorkspace(id: string): Promise<Workspace | null>;
  listWorkspaces(): Promise<Workspace[]>;

  /** Throws ConflictError when the email (case-insensitive) is taken. */
  createUser(user: NewUser): Promise<UserRecord>;
  findUserByEmail(email: string): Promise<UserRecord | null>;
  /** The workspace's people, by email. */
  listUsers(workspaceId: string): Promise<UserRecord[]>;
  createSession(s: {
    tokenHash: string;
    userId: string;
    workspaceId: string;
    expiresAt: string;
  }): Promise<void>;
  revokeSession(tokenHash: string): Promise<void>;
  /**
   * A live session or an unrevoked device for this token hash. A session of a
   * disabled or deleted user, or one unused since `o.idleSince`, is not live;
   * nor is an extension of a disabled or deleted person. A resolved session's
   * last use is recorded (at most once a minute).
   */
  resolveToken(
    tokenHash: string,
    now: string,
    o?: { idleSince?: string | undefined },
  ): Promise<Principal | null>;

  createPairingCode(code: NewPairingCode): Promise<void>;
  /** Consume the code and create (or re-admit a revoked) device, atomically. */
  pairDevice(req: PairRequest): Promise<PairResult>;
  listDevices(workspaceId: string): Promise<DeviceRecord[]>;
  /** One device of the workspace, revoked or not; null when none. */
  getDevice(workspaceId: string, deviceId: string): Promise<DeviceRecord | null>;
  /** False when no such device in that workspace. */
  revokeDevice(workspaceId: string, deviceId: string, now: string): Promise<boolean>;
  /** Keep a device's health report (the push or pull `status`). */
  reportDeviceHealth(workspaceId: string, deviceId: string, health: DeviceHealth): Promise<void>;
  listDeviceOrigins(): Promise<string[]>;

  listStores(workspaceId: string): Promise<Store[]>;
  getStore(workspaceId: string, id: string): Promise<Store | null>;
  /** Creating or changing config bumps the workspace version (devices re-pull config). */
  createStore(workspaceId: string, input: StoreInput): Promise<Store>;
  updateStore(workspaceId: string, id: string, patch: Partial<StoreInput>): Promise<Store | null>;
  listCompetitors(workspaceId: string): Promise<Competitor[]>;
  createCompetitor(workspaceId: string, input: CompetitorInput): Promise<Competitor>;
  updateCompetitor(
    workspaceId: string,
    id: string,
    patch: Partial<CompetitorInput>,
  ): Promise<Competitor | null>;
  /** Tags in use on live observations, most used first. */
  listTags(workspaceId: string, limit: number): Promise<string[]>;

  /** docs/sync-protocol.md "Server push algorithm", in one durable transaction. */
  push(p: PushParams): Promise<PushOutcome>;
  /** docs/sync-protocol.md "Server pull algorithm", in one read snapshot; records the pull time. */
  pull(p: PullParams): Promise<PullPage>;

  /** Live observations, newest capturedAt first. */
  listObservations(workspaceId: string, q: ObservationQuery): Promise<ObservationPage>;
  /** A live observation, or null (unknown, other workspace or deleted). */
  getObservation(workspaceId: string, id: string): Promise<Entity | null>;
  /**
   * Live `web` observations whose `url` or page canonical URL
   * (`evidence.facts.canonicalUrl`) starts with one of `urlPrefixes`, ASCII
   * case aside, newest capturedAt first, at most `limit`. Candidates for one
   * page: the caller keeps those that are the same page (pages/routes.ts).
   */
  pageCaptureCandidates(
    workspaceId: string,
    q: { urlPrefixes: readonly string[]; limit: number },
  ): Promise<Entity[]>;
  /** Every entity of the workspace, tombstones included, ordered by id (tests, export). */
  dumpEntities(workspaceId: string): Promise<Entity[]>;
  /**
   * Recompute every observation's stored search text with `searchTextOf`
   * unless the database already holds texts of `version` (one pass at start
   * after the folding changed). Returns how many rows changed.
   */
  refreshSearchText(
    version: string,
    searchTextOf: (fields: Record<string, unknown>) => string,
  ): Promise<number>;
  /**
   * Store text features (`featuresOf`, shared/src/text/features.ts) on every
   * live observation whose stored ones are missing or not of `version` —
   * rows written before migration 9 or by an older encoding — so suggestions
   * never featurise them per request. Run in the background at start: a page
   * at a time, a row edited meanwhile keeps what its write stored (the update
   * matches the row version read), and it stops between pages once `signal`
   * aborts. Returns how many rows changed.
   */
  refreshTextFeatures(
    version: string,
    featuresOf: (fields: Record<string, unknown>) => string,
    signal?: AbortSignal,
  ): Promise<number>;

  // Journals, insights, evidence links, actions and imported rows; scoped
  // observation reads for timelines, suggestions and stats.
  createJournal(workspaceId: string, j: NewJournal): Promise<Journal>;
  /** Newest first. */
  listJournals(workspaceId: string): Promise<Journal[]>;
  getJournal(workspaceId: string, id: string): Promise<Journal | null>;
  updateJournal(
    workspaceId: string,
    id: string,
    changes: JournalChanges,
    now: string,
  ): Promise<Journal | null>;

  /** Observations of a scope, one page, live only, keyset-paginated on (capturedAt, id). */
  listScopedObservations(
    workspaceId: string,
    q: ScopeQuery,
  ): Promise<{ items: Entity[]; nextCursor: string | null }>;
  /** Every live observation of a scope, oldest first (suggestions, stats, analytics). */
  scanScopedObservations(workspaceId: string, scope: JournalScope): Promise<ScannedObservation[]>;
  /**
   * The observations written after workspace version `sinceVersion` (read
   * through the version index, so its cost follows the change, not the
   * scope): lets a cached scan be brought up to date without rereading it.
   */
  scanScopedChanges(
    workspaceId: string,
    scope: JournalScope,
    sinceVersion: number,
  ): Promise<ScopeChanges>;
  /** Live observations among `ids` (any order; unknown ids are left out). */
  getObservations(workspaceId: string, ids: readonly string[]): Promise<Entity[]>;
  /** One page of a journal's filtered, searched timeline with the exact total. */
  queryTimeline(workspaceId: string, q: TimelineQuery): Promise<TimelineResult>;

  /**
   * Soft delete (undo-able): a deleted insight or action reads as absent
   * everywhere (get, list, exports) until restored. False when there is no
   * such live one.
   */
  deleteInsight(workspaceId: string, id: string, now: string): Promise<boolean>;
  /** Null when there is no such deleted insight. */
  restoreInsight(workspaceId: string, id: string, now: string): Promise<Insight | null>;
  deleteAction(workspaceId: string, id: string, now: string): Promise<boolean>;
  /** Null when there is no such deleted action (or its insight is deleted). */
  restoreAction(workspaceId: string, id: string, now: string): Promise<Action | null>;

  /** Fails with ConflictError when the journal does not exist. */
  createInsight(workspaceId: string, i: NewInsight): Promise<Insight>;
  getInsight(workspaceId: string, id: string): Promise<Insight | null>;
  /** Oldest first, with evidence and actions. */
  listInsights(workspaceId: string, journalId: string): Promise<Insight[]>;
  updateInsight(
    workspaceId: string,
    id: string,
    changes: InsightChanges,
    now: string,
  ): Promise<Insight | null>;
  /** Link (or re-link with a new stance/note) an observation. Null when no such insight. */
  putEvidence(
    workspaceId: string,
    insightId: string,
    e: Evidence,
    now: string,
  ): Promise<Insight | null>;
  /** False when the link did not exist. */
  removeEvidence(
    workspaceId: string,
    insightId: string,
    observationId: string,
    now: string,
  ): Promise<boolean>;

  /** Null when no such insight. */
  createAction(workspaceId: string, a: NewAction): Promise<Action | null>;
  getAction(workspaceId: string, id: string): Promise<Action | null>;
  updateAction(
    workspaceId: string,
    id: string,
    changes: ActionChanges,
    now: string,
  ): Promise<Action | null>;

  /**
   * Imported observations, idempotent per (source, row id): rows already
   * imported from `sourceKey` are skipped, the others are stored as live
   * observations owned by `ownerId`, stamped with one new workspace version.
   */
  /**
   * The source row ids among `rows` an import from `sourceKey` would skip as
   * already there (the dry run's count; the same test as importObservations).
   */
  importedRows(
    workspaceId: string,
    sourceKey: string,
    rows: readonly Pick<ImportRow, "sourceRowId" | "observationId">[],
  ): Promise<string[]>;
  importObservations(
    workspaceId: string,
    p: { sourceKey: string; ownerId: string; rows: readonly ImportRow[]; now: string },
  ): Promise<ImportOutcome>;
}

/** A unique key is taken (email, id). */
export class ConflictError extends Error {}

/** What each adapter's people.ts provides (one list, so the two cannot drift). */
export type PeopleDb = Pick<
  Db,
  | "createWorkspace"
  | "getWorkspace"
  | "listWorkspaces"
  | "createUser"
  | "findUserByEmail"
  | "listUsers"
  | "createSession"
  | "revokeSession"
  | "resolveToken"
  | "createPairingCode"
  | "pairDevice"
  | "listDevices"
  | "getDevice"
  | "revokeDevice"
  | "reportDeviceHealth"
  | "listDeviceOrigins"
>;

/** What each adapter's insights.ts provides (one list, so the two cannot drift). */
export type InsightsDb = Pick<
  Db,
  | "createInsight"
  | "getInsight"
  | "listInsights"
  | "updateInsight"
  | "putEvidence"
  | "removeEvidence"
  | "createAction"
  | "getAction"
  | "updateAction"
>;

/** What each adapter's config.ts provides (one list, so the two cannot drift). */
export type ConfigDb = Pick<
  Db,
  | "listStores"
  | "getStore"
  | "createStore"
  | "updateStore"
  | "listCompetitors"
  | "createCompetitor"
  | "updateCompetitor"
  | "listTags"
>;

/** What each adapter's observations.ts provides (one list, so the two cannot drift). */
export type ObservationReadDb = Pick<
  Db,
  | "listObservations"
  | "getObservation"
  | "pageCaptureCandidates"
  | "dumpEntities"
  | "refreshSearchText"
  | "refreshTextFeatures"
>;

/** What each adapter's journals.ts provides (one list, so the two cannot drift). */
export type JournalsDb = Pick<
  Db,
  | "createJournal"
  | "listJournals"
  | "getJournal"
  | "updateJournal"
  | "listScopedObservations"
  | "scanScopedObservations"
  | "scanScopedChanges"
  | "getObservations"
>;

/** What each adapter's lifecycle.ts provides (one list, so the two cannot drift). */
export type LifecycleDb = Pick<
  Db,
  "deleteInsight" | "restoreInsight" | "deleteAction" | "restoreAction"
>;

/** What each adapter's timeline.ts provides (one list, so the two cannot drift). */
export type TimelineDb = Pick<Db, "queryTimeline">;

/** One audit log row (docs/http-api.md "Audit log"): who did what to whom, when, from where. Never a secret. */
export type AuditEvent = {
  /** uuidv7, unique (the order and the cursor follow insertion). */
  id: string;
  /** Null for events outside any workspace (a failed sign-in with an unknown email). */
  workspaceId: string | null;
  type: AuditType;
  at: string;
  actorType: AuditActorType;
  actorId: string | null;
  /** Email of a person, name of a device: readable after the actor is gone. */
  actorLabel: string | null;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  /** The client address the request came from (the proxy-resolved one). */
  address: string | null;
  detail: AuditDetail;
};
export type NewAuditEvent = Omit<AuditEvent, "id">;
export type AuditQuery = {
  type?: AuditType | undefined;
  actorId?: string | undefined;
  /** ISO times, inclusive from, exclusive to. */
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  cursor?: string | undefined;
};
export type AuditPage = { items: AuditEvent[]; nextCursor: string | null };

/** The audit log: append-only (no update; rows leave only by retention). */
export type AuditDb = {
  appendAudit(e: NewAuditEvent): Promise<AuditEvent>;
  /** A workspace's events, newest first, keyset-paginated on insertion order (a cursor stays valid as rows arrive). */
  listAudit(workspaceId: string, q: AuditQuery): Promise<AuditPage>;
  /** Delete events older than `before` (retention). Returns how many. */
  pruneAudit(before: string): Promise<number>;
};

export type UserChanges = { role?: UserRole; disabled?: boolean; name?: string | null };
export type UserChangeResult =
  | { ok: true; before: UserRecord; user: UserRecord }
  | { ok: false; reason: "not-found" | "last-admin" };

/** Account lifecycle: one person's row, role, state, password and sessions. */
export type AccountsDb = {
  /** A user of the workspace, deleted or not; null when none. */
  getUser(workspaceId: string, id: string): Promise<UserRecord | null>;
  /**
   * Change role, disabled state or name, atomically refusing (`last-admin`)
   * when the workspace would be left without an enabled admin. Disabling
   * revokes the user's sessions.
   */
  updateUser(
    workspaceId: string,
    id: string,
    changes: UserChanges,
    now: string,
  ): Promise<UserChangeResult>;
  /**
   * Soft delete: the row keeps the name (the email is released, its old value
   * kept as the name when there was none), sessions are revoked; refuses the
   * last enabled admin.
   */
  deleteUser(workspaceId: string, id: string, now: string): Promise<UserChangeResult>;
  /** New password hash; revokes every session of the user but `keepSession`. False: no such user. */
  setPassword(
    workspaceId: string,
    userId: string,
    passwordHash: string,
    now: string,
    keepSession?: string,
  ): Promise<boolean>;
  /** Revoke the user's sessions (all, or all but `exceptTokenHash`). Returns how many. */
  revokeUserSessions(
    workspaceId: string,
    userId: string,
    now: string,
    exceptTokenHash?: string,
  ): Promise<number>;
  /** A one-time reset code (its hash); earlier unused codes of the user stop working. */
  createPasswordReset(r: {
    codeHash: string;
    workspaceId: string;
    userId: string;
    createdBy: string;
    expiresAt: string;
  }): Promise<void>;
  /**
   * Use a reset code once: sets the password and revokes every session of the
   * user, atomically. Null when the code is unknown, used, expired, or its
   * user is disabled or deleted.
   */
  redeemPasswordReset(
    codeHash: string,
    passwordHash: string,
    now: string,
  ): Promise<UserRecord | null>;
};

export type RateSpec = { capacity: number; perSecond: number };
export type RateTake = { ok: true } | { ok: false; retryAfterSec: number };
/** Token buckets in the database, so every server instance on it shares them. */
export type RateBucketsDb = {
  /** Take one token from `key`'s bucket, atomically (an upsert). */
  takeRateToken(key: string, spec: RateSpec, nowMs: number): Promise<RateTake>;
};

/**
 * A rule as stored (shared/src/schema/alert.ts AlertRule) with its workspace:
 * the scheduler reads rules of every workspace.
 */
export type AlertRuleRecord = import("@sightline/shared/schema/alert").AlertRule & {
  workspaceId: string;
};
export type NewAlertRule = Omit<
  import("@sightline/shared/schema/alert").AlertRule,
  "id" | "createdAt" | "updatedAt"
>;
export type AlertRuleChanges = Partial<Omit<NewAlertRule, "kind" | "createdBy">>;

/**
 * What one evaluation of a rule found for one key (a store, a competitor, a
 * device; "" for a workspace-wide rule): the condition holds (`trip`, with its
 * figures and observations) or does not (`clear`).
 */
export type AlertTrip = {
  ruleId: string;
  kind: import("@sightline/shared/schema/alert").AlertKind;
  /** The dedupe key within the rule: store id, competitor id, device id, or "". */
  key: string;
  storeId: string | null;
  competitorId: string | null;
  deviceId: string | null;
  figures: import("@sightline/shared/schema/alert").AlertFigures;
  observationIds: readonly string[];
  text: { vi: string; en: string };
  /** The rule's delivery channels, copied onto the outbox row. */
  deliver: readonly import("@sightline/shared/schema/alert").AlertChannel[];
  now: string;
};
export type AlertTripOutcome =
  /** A new alert was opened and one firing put in the outbox. */
  | { kind: "opened"; alert: import("@sightline/shared/schema/alert").Alert }
  /** The open alert of this key took the new figures (no new firing). */
  | { kind: "updated"; alert: import("@sightline/shared/schema/alert").Alert }
  /** The condition still holds since the alert of this key was acknowledged: nothing. */
  | { kind: "quiet"; alert: import("@sightline/shared/schema/alert").Alert };

export type AlertQuery = {
  status?: import("@sightline/shared/schema/alert").AlertStatus | undefined;
  storeId?: string | undefined;
  limit: number;
};

/**
 * One row of the alert outbox: written in the same transaction that opens an
 * alert (`dispatched_at` NULL), claimed by the dispatcher (webhooks, email),
 * marked dispatched once it has handed the firing on. A claim is a lease: a
 * firing claimed by an instance that died is claimable again after it lapses.
 */
export type AlertFiring = {
  id: string;
  workspaceId: string;
  alertId: string;
  ruleId: string;
  deliver: import("@sightline/shared/schema/alert").AlertChannel[];
  firedAt: string;
  /** The alert as it was when the firing was claimed. */
  alert: import("@sightline/shared/schema/alert").Alert;
};

/** Alert rules, alerts and the alert outbox (docs/alerts.md). */
export type AlertsDb = {
  createAlertRule(workspaceId: string, rule: NewAlertRule, now: string): Promise<AlertRuleRecord>;
  /** Live rules of the workspace, oldest first. */
  listAlertRules(workspaceId: string): Promise<AlertRuleRecord[]>;
  getAlertRule(workspaceId: string, id: string): Promise<AlertRuleRecord | null>;
  updateAlertRule(
    workspaceId: string,
    id: string,
    changes: AlertRuleChanges,
    now: string,
  ): Promise<AlertRuleRecord | null>;
  /** Deletes the rule; its alerts stay readable. False when no such rule. */
  deleteAlertRule(workspaceId: string, id: string, now: string): Promise<boolean>;
  /** Enabled rules of every workspace (the scheduler's tick). */
  listEnabledAlertRules(): Promise<AlertRuleRecord[]>;

  /**
   * Record that a rule's condition holds for `key`, atomically: update the
   * open alert of (rule, key) if there is one; else stay quiet when the last
   * alert of the key was acknowledged and the condition has not cleared
   * since; else open a new alert and put one firing in the outbox.
   */
  recordAlertTrip(workspaceId: string, trip: AlertTrip): Promise<AlertTripOutcome>;
  /** The condition no longer holds for (rule, key): the next trip may open a new alert. */
  clearAlertCondition(workspaceId: string, ruleId: string, key: string, now: string): Promise<void>;
  /** Newest first. */
  listAlerts(
    workspaceId: string,
    q: AlertQuery,
  ): Promise<import("@sightline/shared/schema/alert").Alert[]>;
  getAlert(
    workspaceId: string,
    id: string,
  ): Promise<import("@sightline/shared/schema/alert").Alert | null>;
  countOpenAlerts(workspaceId: string, storeId?: string): Promise<number>;
  /**
   * A rule deleted or disabled: its open alerts become acknowledged by no one
   * (ackedBy null) with the system note `note`. Returns how many.
   */
  closeOpenAlertsOfRule(
    workspaceId: string,
    ruleId: string,
    c: { note: "rule deleted" | "rule disabled"; now: string },
  ): Promise<number>;
  /** Acknowledge an open alert (an acknowledged one is returned as it is). Null when none. */
  ackAlert(
    workspaceId: string,
    id: string,
    a: { by: string; note: string | null; now: string },
  ): Promise<import("@sightline/shared/schema/alert").Alert | null>;

  /**
   * Claim up to `limit` undispatched firings of any workspace, oldest first,
   * for `leaseMs` (claimed by no one else until then; SKIP LOCKED on PostgreSQL).
   */
  claimAlertFirings(limit: number, now: string, leaseMs: number): Promise<AlertFiring[]>;
  /** The dispatcher has handed the firing on (its own jobs are durable from here). */
  markAlertFiringDispatched(id: string, now: string): Promise<void>;

  /**
   * Run `fn` if no other instance runs a tick named `name` now (PostgreSQL:
   * pg_try_advisory_lock on a reserved connection; SQLite: one process, an
   * in-process flag). Returns undefined when another holder has it.
   */
  tryExclusiveTick<T>(name: string, fn: () => Promise<T>): Promise<T | undefined>;
  /**
   * Claim period `period` (e.g. the epoch minute) of the scheduled work
   * `name`: true for the one caller, across every instance, that advances the
   * last claimed period to it; false when it is already there or later (an
   * instance whose clock runs behind). One atomic upsert of the `meta` row
   * `tick:<name>`.
   */
  claimTickPeriod(name: string, period: number): Promise<boolean>;
};

/** An API key as stored: never its secret, only its sha256 (like device tokens). */
export type ApiKeyRecord = {
  id: string;
  workspaceId: string;
  name: string;
  scope: ApiKeyScope;
  /** The key's last 4 characters, so an admin can tell which key a tool holds. */
  hint: string;
  createdBy: string;
  /** The creator's name, else email (kept after they are deleted). */
  createdByLabel: string;
  createdAt: string;
  /** Written at most once a minute. */
  lastUsedAt: string | null;
  revokedAt: string | null;
  /**
   * False while the creator is disabled, deleted or no longer an admin: the
   * key does not resolve then (it works again if they are an enabled admin again).
   */
  creatorActive: boolean;
};
export type NewApiKey = Pick<
  ApiKeyRecord,
  "id" | "workspaceId" | "name" | "scope" | "hint" | "createdBy" | "createdAt"
> & { keyHash: string };
/** API keys (docs/http-api.md "API keys"): created by admins, used as bearer tokens, revocable. */
export type ApiKeysDb = {
  createApiKey(k: NewApiKey): Promise<ApiKeyRecord>;
  /** The workspace's keys, revoked ones too, newest first. */
  listApiKeys(workspaceId: string): Promise<ApiKeyRecord[]>;
  /**
   * Revoke at once (idempotent: a revoked key keeps its first revocation time).
   * Null when no such key in that workspace; `revokedNow` false when it already was.
   */
  revokeApiKey(
    workspaceId: string,
    id: string,
    now: string,
  ): Promise<{ key: ApiKeyRecord; revokedNow: boolean } | null>;
  /**
   * The principal of an unrevoked key whose creator is still an enabled
   * admin; null otherwise. Its last use is recorded (at most once a minute).
   */
  resolveApiKey(keyHash: string, now: string): Promise<ApiKeyPrincipal | null>;
};

/** A durable job (server/src/jobs): work that must survive a restart and run once across instances. */
export type Job = {
  id: string;
  kind: string;
  payload: unknown;
  /** Unique while the row exists: a second enqueue with the same key is a no-op. */
  dedupeKey: string | null;
  state: "pending" | "done" | "failed";
  runAtMs: number;
  /** After this, a failure is final (state "failed") instead of retried. Null: retry forever. */
  giveUpAtMs: number | null;
  /** Claims so far (this one included while it runs). */
  attempts: number;
  lastError: string | null;
  createdAtMs: number;
};
export type NewJob = {
  kind: string;
  payload: unknown;
  runAtMs: number;
  dedupeKey?: string | null;
  giveUpAtMs?: number | null;
};
/** The durable job queue (docs/notifications.md "The job queue"). */
export type JobsDb = {
  /** Insert a job; with a dedupe key already present, nothing changes and `created` is false. */
  enqueueJob(job: NewJob, nowMs: number): Promise<{ id: string; created: boolean }>;
  /**
   * Claim up to `limit` due pending jobs (run_at ≤ now, no live lease) for
   * `leaseMs`, counting an attempt. Concurrent claimers never get the same
   * job while its lease runs (PostgreSQL: FOR UPDATE SKIP LOCKED).
   */
  claimJobs(o: {
    workerId: string;
    nowMs: number;
    leaseMs: number;
    limit: number;
    kinds?: readonly string[];
  }): Promise<Job[]>;
  /** Done. False when the lease was lost (another worker holds it now). */
  completeJob(id: string, workerId: string, nowMs: number): Promise<boolean>;
  /**
   * A failed attempt: pending again at `retryAtMs`, or "failed" for good when
   * `retryAtMs` is null or past the job's give-up time. False: lease lost.
   */
  failJob(
    id: string,
    workerId: string,
    o: { error: string; retryAtMs: number | null; nowMs: number },
  ): Promise<boolean>;
  getJob(id: string): Promise<Job | null>;
  /** Delete finished (done or failed) jobs finished before `beforeMs`. Returns how many. */
  pruneJobs(beforeMs: number): Promise<number>;
};

/** A webhook subscription (docs/http-api.md "Webhooks and notification preferences"). The secret signs; it is never listed. */
export type WebhookRecord = {
  id: string;
  workspaceId: string;
  url: string;
  secret: string;
  /** Event types it receives ("alert.fired"); empty: every event. */
  events: string[];
  /** The language of the payload's one-line `text`. */
  language: "vi" | "en";
  createdBy: string;
  createdAt: string;
};
export type WebhookDelivery = {
  id: string;
  webhookId: string;
  /** The event's id (the alert firing's id; the payload's `id`): one delivery per webhook and event. */
  eventId: string;
  type: string;
  /** The exact bytes sent (and signed) on every attempt. */
  body: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
};
export type NewWebhookDelivery = Pick<
  WebhookDelivery,
  "id" | "webhookId" | "eventId" | "type" | "body"
>;
/** A person's notification settings (email language, the weekly digest). */
export type NotificationPrefs = { language: "vi" | "en" | null; weeklyDigest: boolean };
export type WebhooksDb = {
  /** Defaults (no language, digest on) when never set. */
  getNotificationPrefs(workspaceId: string, userId: string): Promise<NotificationPrefs>;
  setNotificationPrefs(
    workspaceId: string,
    userId: string,
    changes: Partial<NotificationPrefs>,
  ): Promise<NotificationPrefs>;
  createWebhook(w: Omit<WebhookRecord, "createdAt">, now: string): Promise<WebhookRecord>;
  listWebhooks(workspaceId: string): Promise<WebhookRecord[]>;
  getWebhook(workspaceId: string, id: string): Promise<WebhookRecord | null>;
  /** Deletes the subscription and its delivery log. False: no such webhook. */
  deleteWebhook(workspaceId: string, id: string): Promise<boolean>;
  /**
   * Record deliveries and their jobs in ONE transaction (with the outbox
   * claim when `markDispatched` is given: it must still be undispatched, or
   * nothing is written and the result is false). A delivery already recorded
   * for the same webhook and event is skipped, so a retried dispatch never
   * sends twice.
   */
  recordDeliveries(
    workspaceId: string,
    o: {
      deliveries: readonly NewWebhookDelivery[];
      /** Jobs to enqueue with them (delivery jobs, emails), deduplicated by key. */
      jobs: readonly NewJob[];
      markDispatched?: { firingId: string };
      now: string;
      nowMs: number;
    },
  ): Promise<boolean>;
  getDelivery(workspaceId: string, id: string): Promise<WebhookDelivery | null>;
  /** Newest first. */
  listDeliveries(workspaceId: string, webhookId: string, limit: number): Promise<WebhookDelivery[]>;
  /** The outcome of one attempt. */
  updateDelivery(
    workspaceId: string,
    id: string,
    o: Pick<
      WebhookDelivery,
      "status" | "attempts" | "lastStatusCode" | "lastError" | "nextAttemptAt" | "deliveredAt"
    >,
  ): Promise<void>;
};
