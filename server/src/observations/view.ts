// An observation as people read it: the flat view the API sends (id,
// createdBy, version, every field and the 5W1H score; the observation list
// and the journal timeline), and the typed view renderers use (journal
// exports), its fields parsed with the shared schema.
import { z } from "@hono/zod-openapi";
import {
  type Entity,
  fiveW1HScore,
  type ObservationFields,
  ObservationFieldsSchema,
} from "@sightline/shared";
import type { ObservationView } from "../journals/model.ts";

export const ObservationViewSchema = z
  .object({
    id: z.string(),
    createdBy: z.string(),
    version: z.number().int(),
    fiveW1H: z.number().int(),
  })
  .catchall(z.unknown())
  .openapi("ObservationView");

/** The flat view: id, createdBy, version, every field, and the 5W1H score. */
export function observationView(e: Entity) {
  return {
    id: e.id,
    createdBy: e.createdBy,
    version: e.version,
    ...e.fields,
    fiveW1H: fiveW1HScore(e.fields as ObservationFields),
  };
}

/**
 * The typed view: fields parsed with the shared schema (stored rows were
 * validated on the way in; this keeps the types honest), null when the row
 * does not read as one.
 */
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
