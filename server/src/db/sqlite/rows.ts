// Observation rows ↔ entities. Besides the entity JSON, a row keeps the
// columns queries filter on (channel, store, competitor, captured time,
// owner, liveness) and the folded search text, all derived at write time.
import { type Entity, isLive } from "@sightline/shared";
import { searchTextOf } from "../../observations/search-text.ts";
import type { StoredEntity } from "../../sync/push-algorithm.ts";

export type ObservationRow = {
  workspace_id: string;
  id: string;
  created_by: string;
  owner_id: string;
  channel: string | null;
  store_id: string | null;
  competitor_id: string | null;
  captured_ms: number | null;
  fields: string;
  field_hlc: string;
  deleted_hlc: string | null;
  restored_hlc: string | null;
  live: number;
  version: number;
  search_text: string;
};

export function toEntity(r: ObservationRow): Entity {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    createdBy: r.created_by,
    fields: JSON.parse(r.fields),
    fieldHlc: JSON.parse(r.field_hlc),
    deletedHlc: r.deleted_hlc,
    restoredHlc: r.restored_hlc,
    version: r.version,
  };
}

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

export function toRow({ entity: e, ownerId }: StoredEntity): ObservationRow {
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
    fields: JSON.stringify(e.fields),
    field_hlc: JSON.stringify(e.fieldHlc),
    deleted_hlc: e.deletedHlc,
    restored_hlc: e.restoredHlc,
    live: isLive(e) ? 1 : 0,
    version: e.version,
    search_text: searchTextOf(e),
  };
}

export const UPSERT_OBSERVATION = `INSERT INTO observations (workspace_id, id, created_by, owner_id,
  channel, store_id, competitor_id, captured_ms, fields, field_hlc, deleted_hlc, restored_hlc, live,
  version, search_text)
VALUES (@workspace_id, @id, @created_by, @owner_id, @channel, @store_id, @competitor_id,
  @captured_ms, @fields, @field_hlc, @deleted_hlc, @restored_hlc, @live, @version, @search_text)
ON CONFLICT (workspace_id, id) DO UPDATE SET competitor_id = excluded.competitor_id,
  fields = excluded.fields, field_hlc = excluded.field_hlc, deleted_hlc = excluded.deleted_hlc,
  restored_hlc = excluded.restored_hlc, live = excluded.live, version = excluded.version,
  search_text = excluded.search_text`;
