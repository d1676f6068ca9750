// The types the web app reads from the HTTP API, all inferred from schemas:
// journals, insights, suggestions and analytics from the shared schemas the
// server answers with (shared/src/schema), the rest from ./schemas.ts. No
// response type is written by hand here.
import type { EvidenceLink, PrinciplesView } from "@sightline/shared/schema/insight";
import type {
  JournalListItem,
  JournalPage,
  JournalScopeView,
  ObservationView,
} from "@sightline/shared/schema/journal";
import type { Suggestions } from "@sightline/shared/schema/suggestion";
import type * as z from "zod/mini";
import type {
  DeviceSchema,
  LoginResponseSchema,
  PairingCodeSchema,
  RoleSchema,
  UnsentImportResultSchema,
  UserListItemSchema,
  UserSchema,
} from "./schemas.ts";

export type { Competitor, Store, StoreInput } from "@sightline/shared/schema/config";
export {
  ACTION_STATUSES,
  type Action,
  type ActionStatus,
  type Corroboration,
  INSIGHT_STATUSES,
  type Insight,
  type InsightStatus,
  PRINCIPLES,
  type Principle,
  type PrincipleScore,
  STANCES,
  type Stance,
} from "@sightline/shared/schema/insight";
export type { Journal, JournalListItem, JournalStats } from "@sightline/shared/schema/journal";
export type {
  Suggestion,
  ThemeWhy,
  TimeLinkSignal,
  TimeLinkWhy,
} from "@sightline/shared/schema/suggestion";
export { ROLES } from "./schemas.ts";

export type Role = z.infer<typeof RoleSchema>;
export type User = z.infer<typeof UserSchema>;
export type LoginResponse = z.infer<typeof LoginResponseSchema>;
export type UserListItem = z.infer<typeof UserListItemSchema>;
export type Device = z.infer<typeof DeviceSchema>;
export type UnsentImportResult = z.infer<typeof UnsentImportResultSchema>;
export type PairingCode = z.infer<typeof PairingCodeSchema>;

/** What a journal covers; every part optional (empty = everything). */
export type Scope = JournalScopeView;
/** A journal in the list, with its counts. */
export type JournalSummary = JournalListItem;
export type Observation = ObservationView;
export type Principles = PrinciplesView;
export type Evidence = EvidenceLink;
export type JournalDetail = JournalPage;
export type SuggestionsResponse = Suggestions;
