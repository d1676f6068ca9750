// The shared (zod/mini) schemas that routes declare, as classic twins (see
// classic-twin.ts): the same names and the same validation, with the classic
// members @hono/zod-openapi and the OpenAPI document need. Code that only
// parses (applyMutation, imports) uses the shared schemas directly.
import * as shared from "@sightline/shared";
import * as z from "zod/mini";
import { classicTwin } from "./classic-twin.ts";

export const IdSchema = classicTwin(shared.IdSchema);
export const Sha256Schema = classicTwin(shared.Sha256Schema);
export const LocaleSchema = classicTwin(shared.LocaleSchema);
export const text = (max: number) => classicTwin(shared.text(max));
export const requiredText = (max: number) => classicTwin(shared.requiredText(max));

export const StoreInputSchema = classicTwin(shared.StoreInputSchema);
export const StoreSchema = classicTwin(shared.StoreSchema);
/** Every StoreInput field optional (the body of a PATCH). */
export const StorePartialSchema = classicTwin(z.partial(shared.StoreInputSchema));
export const CompetitorInputSchema = classicTwin(shared.CompetitorInputSchema);
export const CompetitorSchema = classicTwin(shared.CompetitorSchema);
/** Every CompetitorInput field optional (the body of a PATCH). */
export const CompetitorPartialSchema = classicTwin(z.partial(shared.CompetitorInputSchema));

export const PushRequestSchema = classicTwin(shared.PushRequestSchema);
export const PushResponseSchema = classicTwin(shared.PushResponseSchema);
export const SeqGapSchema = classicTwin(shared.SeqGapSchema);
export const SeqReusedSchema = classicTwin(shared.SeqReusedSchema);
export const PullRequestSchema = classicTwin(shared.PullRequestSchema);
export const PullResponseSchema = classicTwin(shared.PullResponseSchema);
export const UnsentExportSchema = classicTwin(shared.UnsentExportSchema);

// Responses of the journal, insight, suggestion and analytics routes.
export const JournalSchema = classicTwin(shared.JournalSchema).openapi("Journal");
export const JournalListSchema = classicTwin(shared.JournalListSchema).openapi("JournalList");
export const JournalCreatedSchema = classicTwin(shared.JournalCreatedSchema);
export const JournalPageSchema = classicTwin(shared.JournalPageSchema).openapi("JournalPage");
export const InsightSchema = classicTwin(shared.InsightSchema).openapi("Insight");
export const InsightCreatedSchema = classicTwin(shared.InsightCreatedSchema);
export const ActionSchema = classicTwin(shared.ActionSchema).openapi("Action");
export const ActionCreatedSchema = classicTwin(shared.ActionCreatedSchema);
export const SuggestionsSchema = classicTwin(shared.SuggestionsSchema).openapi("Suggestions");
export const FeedbackAnalyticsSchema = classicTwin(shared.FeedbackAnalyticsSchema).openapi(
  "FeedbackAnalytics",
);
export const BehaviourAnalyticsSchema = classicTwin(shared.BehaviourAnalyticsSchema).openapi(
  "BehaviourAnalytics",
);

// The latest captures of a page (pages/routes.ts).
export const PageCapturesSchema = classicTwin(shared.PageCapturesSchema).openapi("PageCaptures");
