// PostgreSQL's half of the row mapping: how postgres.js hands back jsonb
// (parsed already), timestamptz (a Date) and booleans, bound to the mappers
// both adapters share (db/rows), and how observation rows are written.
import type { StoredEntity } from "../../sync/device-policy.ts";
import { auditRows } from "../rows/audit.ts";
import { configRows } from "../rows/config.ts";
import type { Decode } from "../rows/decode.ts";
import { journalRows } from "../rows/journals.ts";
import { OBSERVATION_COLUMNS, observationColumns, observationRows } from "../rows/observations.ts";
import { peopleRows } from "../rows/people.ts";

const decode: Decode = {
  json: (v) => v,
  time: (v) => (v as Date).toISOString(),
  flag: (v) => v as boolean,
};

export const { toWorkspace, toUser, toDevice } = peopleRows(decode);
export const { toStore, toCompetitor } = configRows(decode);
export const { toEntity, toScanned } = observationRows(decode);
export const { toJournal, toInsight } = journalRows(decode);
export const { toAuditEvent } = auditRows(decode);

/**
 * Column values of one row, in UPSERT_OBSERVATION's parameter order. `json`
 * is the connection's `sql.json`: postgres.js would send a plain string to a
 * jsonb parameter as a JSON *string*, not as the document it holds.
 */
export function rowValues(s: StoredEntity, json: (x: never) => unknown): unknown[] {
  const c = observationColumns(s);
  return OBSERVATION_COLUMNS.map((k) =>
    k === "fields" || k === "field_hlc" ? json(c[k] as never) : c[k],
  );
}

export const UPSERT_OBSERVATION = `INSERT INTO observations (workspace_id, id, created_by, owner_id,
  channel, store_id, competitor_id, captured_ms, fields, field_hlc, deleted_hlc, restored_hlc, live,
  version, search_text, text_features)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
ON CONFLICT (workspace_id, id) DO UPDATE SET competitor_id = excluded.competitor_id,
  fields = excluded.fields, field_hlc = excluded.field_hlc, deleted_hlc = excluded.deleted_hlc,
  restored_hlc = excluded.restored_hlc, live = excluded.live, version = excluded.version,
  search_text = excluded.search_text, text_features = excluded.text_features`;

/** Many rows at once: $1 is a JSON array of objects keyed by OBSERVATION_COLUMNS. */
export const UPSERT_OBSERVATIONS = `INSERT INTO observations (${OBSERVATION_COLUMNS.join(", ")})
SELECT ${OBSERVATION_COLUMNS.join(", ")} FROM json_to_recordset($1::json) AS r(workspace_id text, id text,
  created_by text, owner_id text, channel text, store_id text, competitor_id text,
  captured_ms bigint, fields jsonb, field_hlc jsonb, deleted_hlc text, restored_hlc text,
  live boolean, version bigint, search_text text, text_features text)
ON CONFLICT (workspace_id, id) DO UPDATE SET competitor_id = excluded.competitor_id,
  fields = excluded.fields, field_hlc = excluded.field_hlc, deleted_hlc = excluded.deleted_hlc,
  restored_hlc = excluded.restored_hlc, live = excluded.live, version = excluded.version,
  search_text = excluded.search_text, text_features = excluded.text_features`;
