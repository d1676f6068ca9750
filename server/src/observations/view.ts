// A stored observation as a typed view for renderers: its fields parsed
// with the shared schema (stored rows were validated on the way in; this
// keeps the types honest), null when the row does not read as one.
import { type Entity, fiveW1HScore, ObservationFieldsSchema } from "@sightline/shared";
import type { ObservationView } from "../journals/model.ts";

export function typedObservationView(e: Pick<Entity, "id" | "fields">): ObservationView | null {
  const parsed = ObservationFieldsSchema.safeParse(e.fields);
  if (!parsed.success) return null;
  const f = parsed.data;
  if (!f.channel || !f.capturedAt || !f.what) return null;
  return {
    ...f,
    id: e.id,
    channel: f.channel,
    capturedAt: f.capturedAt,
    what: f.what,
    fiveW1H: fiveW1HScore(f),
  };
}
