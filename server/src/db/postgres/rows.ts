// Observation rows ↔ entities on PostgreSQL. Besides the entity (fields and
// field clocks as jsonb), a row keeps the columns queries filter on, all
// derived at write time, and the accent-folded search text.
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
  fields: Record<string, unknown>;
  field_hlc: Record<string, string>;
  deleted_hlc: string | null;
  restored_hlc: string | null;
  live: boolean;
  version: number;
  search_text: string;
};

export function toEntity(r: ObservationRow): Entity {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    createdBy: r.created_by,
    fields: r.fields,
    fieldHlc: r.field_hlc,
    deletedHlc: r.deleted_hlc,
    restoredHlc: r.restored_hlc,
    version: r.version,
  };
}

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

/**
 * Column values of one row, in UPSERT_OBSERVATION's parameter order. `json`
 * is the connection's `sql.json`: postgres.js would send a plain string to a
 * jsonb parameter as a JSON *string*, not as the document it holds.
 */
export function rowValues({ entity: e, ownerId }: StoredEntity, json: (x: never) => unknown) {
  const captured = str(e.fields.capturedAt);
  const ms = captured ? Date.parse(captured) : Number.NaN;
  return [
    e.workspaceId,
    e.id,
    e.createdBy,
    ownerId,
    str(e.fields.channel),
    str(e.fields.storeId),
    str(e.fields.competitorId),
    Number.isFinite(ms) ? ms : null,
    json(e.fields as never),
    json(e.fieldHlc as never),
    e.deletedHlc,
    e.restoredHlc,
    isLive(e),
    e.version,
    searchTextOf(e),
  ] as const;
}

export const UPSERT_OBSERVATION = `INSERT INTO observations (workspace_id, id, created_by, owner_id,
  channel, store_id, competitor_id, captured_ms, fields, field_hlc, deleted_hlc, restored_hlc, live,
  version, search_text)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
ON CONFLICT (workspace_id, id) DO UPDATE SET competitor_id = excluded.competitor_id,
  fields = excluded.fields, field_hlc = excluded.field_hlc, deleted_hlc = excluded.deleted_hlc,
  restored_hlc = excluded.restored_hlc, live = excluded.live, version = excluded.version,
  search_text = excluded.search_text`;

/** The columns of UPSERT_OBSERVATION's parameters, in order. */
export const COLUMNS = [
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
] as const;

/** Many rows at once: $1 is a JSON array of objects keyed by COLUMNS. */
export const UPSERT_OBSERVATIONS = `INSERT INTO observations (${COLUMNS.join(", ")})
SELECT ${COLUMNS.join(", ")} FROM json_to_recordset($1::json) AS r(workspace_id text, id text,
  created_by text, owner_id text, channel text, store_id text, competitor_id text,
  captured_ms bigint, fields jsonb, field_hlc jsonb, deleted_hlc text, restored_hlc text,
  live boolean, version bigint, search_text text)
ON CONFLICT (workspace_id, id) DO UPDATE SET competitor_id = excluded.competitor_id,
  fields = excluded.fields, field_hlc = excluded.field_hlc, deleted_hlc = excluded.deleted_hlc,
  restored_hlc = excluded.restored_hlc, live = excluded.live, version = excluded.version,
  search_text = excluded.search_text`;
