// Closed sets of the insight model (docs/http-api.md "Insights and actions"). Wire
// names: the web app, exports and the database all use these codes; they are
// defined once, with the response schemas, in shared/src/schema/insight.ts.
export {
  ACTION_STATUSES,
  type ActionStatus,
  INSIGHT_STATUSES,
  type InsightStatus,
  PRINCIPLES,
  type Principle,
  STANCES,
  type Stance,
} from "@sightline/shared";
