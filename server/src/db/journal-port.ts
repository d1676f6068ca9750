// The journal side of the Store port (journals, insights, evidence, actions,
// imported rows, scoped observation reads). Store extends it, so every
// adapter implements it and one contract suite (store-contract.ts) pins its
// behaviour. Every method takes the workspace id first: nothing here reads
// or writes across tenants.
import type { Entity } from "@sightline/shared";
import type { Principles } from "../insights/principles.ts";
import type { ActionStatus, InsightStatus, Stance } from "../insights/vocabulary.ts";
import type { Action, Evidence, Insight, Journal, JournalScope } from "../journals/model.ts";

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

/** What a full scan returns: enough for views, suggestions and stats (no clocks). */
export type ScannedObservation = Pick<Entity, "id" | "createdBy" | "version" | "fields">;

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

export interface JournalStore {
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
  importObservations(
    workspaceId: string,
    p: { sourceKey: string; ownerId: string; rows: readonly ImportRow[]; now: string },
  ): Promise<ImportOutcome>;
}

export type { Stance };
