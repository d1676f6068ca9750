// OpenAPI response shapes of the journal, insight, action, suggestion and
// analytics routes: the shared schemas (shared/src/schema/{journal,insight,
// suggestion,analytics}.ts) as classic twins, so the routes, the generated
// document, the server tests and the web client all read one definition.
import type { z } from "@hono/zod-openapi";

export {
  ActionCreatedSchema,
  ActionSchema,
  BehaviourAnalyticsSchema,
  FeedbackAnalyticsSchema,
  InsightCreatedSchema,
  InsightSchema,
  JournalCreatedSchema,
  JournalListSchema,
  JournalPageSchema,
  JournalSchema,
  SuggestionsSchema,
} from "../http/shared-schemas.ts";

export const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
