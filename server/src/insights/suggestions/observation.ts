// What the suggestion engine reads of an observation: the wire fields plus
// its id, and the text features stored with it at write time
// (shared/src/text/features.ts; computed on the spot when absent). Storage-free,
// so the same code runs in tests, bench, the evaluation and routes.
import type { ObservationFields } from "@sightline/shared";

export type SuggestObservation = ObservationFields & {
  id: string;
  channel: NonNullable<ObservationFields["channel"]>;
  capturedAt: string;
  what: string;
  /** Stored text features (encodeFeatures), if the row has them. */
  features?: string | null;
};
