// SQLite's half of the row mapping: how better-sqlite3 hands back JSON (TEXT),
// times (ISO TEXT) and flags (INTEGER 0/1), bound to the mappers both
// adapters share (db/rows), and how an observation row is written.
import type { StoredEntity } from "../../sync/device-policy.ts";
import { auditRows } from "../rows/audit.ts";
import { configRows } from "../rows/config.ts";
import type { Decode } from "../rows/decode.ts";
import { journalRows } from "../rows/journals.ts";
import { observationColumns, observationRows } from "../rows/observations.ts";
import { peopleRows } from "../rows/people.ts";

const decode: Decode = {
  json: (v) => JSON.parse(v as string),
  time: (v) => v as string,
  flag: (v) => v === 1,
};

export const { toWorkspace, toUser, toDevice } = peopleRows(decode);
export const { toStore, toCompetitor } = configRows(decode);
export const { toEntity, toScanned } = observationRows(decode);
export const { toJournal, toInsight } = journalRows(decode);
export const { toAuditEvent } = auditRows(decode);

/** UPSERT_OBSERVATION's named parameters for a stored entity. */
export function toRow(s: StoredEntity) {
  const c = observationColumns(s);
  return {
    ...c,
    fields: JSON.stringify(c.fields),
    field_hlc: JSON.stringify(c.field_hlc),
    live: c.live ? 1 : 0,
  };
}

export const UPSERT_OBSERVATION = `INSERT INTO observations (workspace_id, id, created_by, owner_id,
  channel, store_id, competitor_id, captured_ms, fields, field_hlc, deleted_hlc, restored_hlc, live,
  version, search_text, text_features)
VALUES (@workspace_id, @id, @created_by, @owner_id, @channel, @store_id, @competitor_id,
  @captured_ms, @fields, @field_hlc, @deleted_hlc, @restored_hlc, @live, @version, @search_text,
  @text_features)
ON CONFLICT (workspace_id, id) DO UPDATE SET competitor_id = excluded.competitor_id,
  fields = excluded.fields, field_hlc = excluded.field_hlc, deleted_hlc = excluded.deleted_hlc,
  restored_hlc = excluded.restored_hlc, live = excluded.live, version = excluded.version,
  search_text = excluded.search_text, text_features = excluded.text_features`;
