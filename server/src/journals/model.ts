// The journal model (docs/http-api.md "Journals"): a journal asks one
// question toward a business goal over a scope of observations; insights
// link evidence (supports / contradicts / context), carry a principles
// scorecard and a status, and end in actions. Inputs are zod schemas (the
// schema is the type); records are what the Db keeps.
import { z } from "@hono/zod-openapi";
import {
  CHANNEL_CODES,
  type Channel,
  NEED_CODES,
  type NeedCode,
  type ObservationFields,
} from "@sightline/shared";
import { IdSchema, requiredText, text } from "../http/shared-schemas.ts";
import type { Corroboration } from "../insights/corroboration.ts";
import {
  type Principles,
  PrinciplesSchema,
  type PrinciplesSummary,
} from "../insights/principles.ts";
import {
  ACTION_STATUSES,
  type ActionStatus,
  INSIGHT_STATUSES,
  type InsightStatus,
  STANCES,
  type Stance,
} from "../insights/vocabulary.ts";

/** An ISO date (a whole day) or date-time. */
export const DayOrTimeSchema = z
  .string()
  .max(40)
  .refine(
    (s) => /^\d{4}-\d{2}-\d{2}(T.+)?$/.test(s) && !Number.isNaN(Date.parse(s)),
    "an ISO date or date-time",
  );

export const JournalScopeSchema = z
  .strictObject({
    from: DayOrTimeSchema.optional(),
    /** Exclusive; a bare date includes that whole day (UTC). */
    to: DayOrTimeSchema.optional(),
    storeIds: z.array(IdSchema).max(50).optional(),
    competitorIds: z.array(IdSchema).max(50).optional(),
    channels: z.array(z.enum(CHANNEL_CODES)).max(5).optional(),
    needs: z.array(z.enum(NEED_CODES)).max(16).optional(),
    tags: z.array(requiredText(60)).max(20).optional(),
  })
  .openapi("JournalScope");
export type JournalScope = z.infer<typeof JournalScopeSchema>;

export const JournalInputSchema = z
  .strictObject({
    title: requiredText(200),
    question: text(2000).default(""),
    goal: text(2000).default(""),
    scope: JournalScopeSchema.default({}),
  })
  .openapi("JournalInput");
export type JournalInput = z.infer<typeof JournalInputSchema>;

export const JournalPatchSchema = z
  .strictObject({
    title: requiredText(200).optional(),
    question: text(2000).optional(),
    goal: text(2000).optional(),
    scope: JournalScopeSchema.optional(),
    archived: z.boolean().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, "a patch must change at least one field")
  .openapi("JournalPatch");
export type JournalPatch = z.infer<typeof JournalPatchSchema>;

export type Journal = {
  id: string;
  title: string;
  question: string;
  goal: string;
  scope: JournalScope;
  archived: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
};

export const EvidenceInputSchema = z
  .strictObject({
    observationId: IdSchema,
    stance: z.enum(STANCES).default("supports"),
    note: text(1000).optional(),
  })
  .openapi("EvidenceInput");
export type EvidenceInput = z.infer<typeof EvidenceInputSchema>;

export const InsightInputSchema = z
  .strictObject({
    statement: requiredText(2000),
    needs: z.array(z.enum(NEED_CODES)).max(16).optional(),
    evidence: z.array(EvidenceInputSchema).max(200).default([]),
  })
  .openapi("InsightInput");
export type InsightInput = z.infer<typeof InsightInputSchema>;

export const InsightPatchSchema = z
  .strictObject({
    statement: requiredText(2000).optional(),
    needs: z.array(z.enum(NEED_CODES)).max(16).optional(),
    status: z.enum(INSIGHT_STATUSES).optional(),
    principles: PrinciplesSchema.optional(),
    /** Required to validate an insight that rests on one kind of data. */
    overrideReason: text(1000).optional(),
  })
  .refine((p) => Object.keys(p).length > 0, "a patch must change at least one field")
  .openapi("InsightPatch");
export type InsightPatch = z.infer<typeof InsightPatchSchema>;

export const ActionInputSchema = z
  .strictObject({
    title: requiredText(500),
    owner: text(200).optional(),
    due: z.iso.date().optional(),
  })
  .openapi("ActionInput");
export type ActionInput = z.infer<typeof ActionInputSchema>;

export const ActionPatchSchema = z
  .strictObject({
    status: z.enum(ACTION_STATUSES).optional(),
    title: requiredText(500).optional(),
    owner: text(200).nullable().optional(),
    due: z.iso.date().nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, "a patch must change at least one field")
  .openapi("ActionPatch");
export type ActionPatch = z.infer<typeof ActionPatchSchema>;

export type Evidence = {
  observationId: string;
  stance: Stance;
  note: string | null;
  addedBy: string;
  addedAt: string;
};

export type Action = {
  id: string;
  insightId: string;
  title: string;
  owner: string | null;
  due: string | null;
  status: ActionStatus;
  createdAt: string;
  updatedAt: string;
};

export type Insight = {
  id: string;
  journalId: string;
  statement: string;
  needs: NeedCode[];
  status: InsightStatus;
  principles: Principles;
  overrideReason: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  evidence: Evidence[];
  actions: Action[];
};

/** An insight as the API shows it: with corroboration and scorecard computed. */
export type InsightView = Insight & { corroboration: Corroboration; scorecard: PrinciplesSummary };

/** The flat observation view of GET /v1/observations (id, fields, 5W1H score). */
export type ObservationView = ObservationFields & {
  id: string;
  channel: Channel;
  capturedAt: string;
  what: string;
  fiveW1H?: number;
};
