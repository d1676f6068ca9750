// Observation rows ↔ entities, for both adapters. Besides the entity (fields
// and field clocks as JSON), a row keeps the columns queries filter on
// (channel, store, competitor, captured time, owner, liveness) and the
// accent-folded search text and the text features suggestions read
// (shared/src/text/features.ts), all derived here at write time so both
// adapters derive them alike; each adapter only encodes them for its driver.
import { type Entity, isLive } from "@sightline/shared";
import { observationFeatures } from "@sightline/shared/text/features";
import { searchTextOf } from "../../observations/search-text.ts";
import type { StoredEntity } from "../../sync/device-policy.ts";
import type { ScannedObservation } from "../port.ts";
import type { Decode } from "./decode.ts";

/** An observation row as read back; `unknown` columns go through the adapter's Decode. */
export type ObservationRow = {
  workspace_id: string;
  id: string;
  created_by: string;
  owner_id: string;
  channel: string | null;
  store_id: string | null;
  competitor_id: string | null;
  captured_ms: number | null;
  fields: unknown;
  field_hlc: unknown;
  deleted_hlc: string | null;
  restored_hlc: string | null;
  live: unknown;
  version: number;
  search_text: string;
  text_features?: string | null;
};

/** The observation mappers over one adapter's Decode. */
export function observationRows(d: Decode) {
  return {
    toEntity: (r: ObservationRow): Entity => ({
      id: r.id,
      workspaceId: r.workspace_id,
      createdBy: r.created_by,
      fields: d.json(r.fields) as Entity["fields"],
      fieldHlc: d.json(r.field_hlc) as Entity["fieldHlc"],
      deletedHlc: r.deleted_hlc,
      restoredHlc: r.restored_hlc,
      version: r.version,
    }),
    /** What a full scope scan reads (no clocks). */
    toScanned: (
      r: Pick<ObservationRow, "id" | "created_by" | "fields" | "version" | "text_features">,
    ): ScannedObservation => ({
      id: r.id,
      createdBy: r.created_by,
      fields: d.json(r.fields) as ScannedObservation["fields"],
      version: r.version,
      features: r.text_features ?? null,
    }),
  };
}

/** Every column of a stored entity's row, as JS values (JSON columns as objects, `live` a boolean). */
export type ObservationColumns = {
  workspace_id: string;
  id: string;
  created_by: string;
  owner_id: string;
  channel: string | null;
  store_id: string | null;
  competitor_id: string | null;
  captured_ms: number | null;
  fields: Entity["fields"];
  field_hlc: Entity["fieldHlc"];
  deleted_hlc: string | null;
  restored_hlc: string | null;
  live: boolean;
  version: number;
  search_text: string;
  /** Words and word pairs with counts, for suggestions (encodeFeatures); null for a deleted row. */
  text_features: string | null;
};

/** The columns in the order both adapters' UPSERT_OBSERVATION lists them. */
export const OBSERVATION_COLUMNS = [
  "workspace_id",
  "id",
  "created_by",
  "owner_id",
  "channel",
  "store_id",
  "competitor_id",
  "captured_ms",
  "fields",
  "field_hlc",
  "deleted_hlc",
  "restored_hlc",
  "live",
  "version",
  "search_text",
  "text_features",
] as const satisfies readonly (keyof ObservationColumns)[];

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** The row of a stored entity: the entity, and what queries filter on, derived from its fields. */
export function observationColumns({ entity: e, ownerId }: StoredEntity): ObservationColumns {
  const captured = str(e.fields.capturedAt);
  const ms = captured ? Date.parse(captured) : Number.NaN;
  return {
    workspace_id: e.workspaceId,
    id: e.id,
    created_by: e.createdBy,
    owner_id: ownerId,
    channel: str(e.fields.channel),
    store_id: str(e.fields.storeId),
    competitor_id: str(e.fields.competitorId),
    captured_ms: Number.isFinite(ms) ? ms : null,
    fields: e.fields,
    field_hlc: e.fieldHlc,
    deleted_hlc: e.deletedHlc,
    restored_hlc: e.restoredHlc,
    live: isLive(e),
    version: e.version,
    search_text: searchTextOf(e),
    // Featurised once here (≤ 20 µs), never again per suggestions request.
    text_features: isLive(e) ? observationFeatures(e.fields) : null,
  };
}
