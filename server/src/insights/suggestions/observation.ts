// What the suggestion engine reads of an observation: the wire fields plus
// its id. Storage-free, so the same code runs in tests, bench and routes.
import type { ObservationFields } from "@sightline/shared";

export type SuggestObservation = ObservationFields & {
  id: string;
  channel: NonNullable<ObservationFields["channel"]>;
  capturedAt: string;
  what: string;
};
