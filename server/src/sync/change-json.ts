// One pulled change as JSON text, spliced from the stored entity JSON without
// parsing it: a pull page of 5,000 observations otherwise spends most of its
// time in JSON.parse (row → entity) and JSON.stringify (entity → answer).
// The shape is `Change` of obs-sync v1 (shared/src/sync/messages/pull.ts);
// change-json.test.ts checks it against that schema.
import { isLive } from "@sightline/shared";

/** JSON text of one `Change`; only made by `changeJson`. */
export type ChangeJson = string & { readonly __brand: "ChangeJson" };

/**
 * The stored columns a change is made of. `fields` and `fieldHlc` are JSON
 * object text as the store wrote it (JSON.stringify in SQLite, jsonb::text in
 * PostgreSQL), so they are valid JSON by construction.
 */
export type ChangeColumns = {
  id: string;
  workspaceId: string;
  createdBy: string;
  fieldsJson: string;
  fieldHlcJson: string;
  deletedHlc: string | null;
  restoredHlc: string | null;
  version: number;
};

const q = JSON.stringify;

/** A live entity is a put of the whole entity; a tombstone is a del. */
export function changeJson(c: ChangeColumns): ChangeJson {
  if (!isLive(c)) {
    return `{"op":"del","id":${q(c.id)},"deletedHlc":${q(c.deletedHlc)},"version":${c.version}}` as ChangeJson;
  }
  return `{"op":"put","entity":{"id":${q(c.id)},"workspaceId":${q(c.workspaceId)},"createdBy":${q(c.createdBy)},"fields":${c.fieldsJson},"fieldHlc":${c.fieldHlcJson},"deletedHlc":${q(c.deletedHlc)},"restoredHlc":${q(c.restoredHlc)},"version":${c.version}}}` as ChangeJson;
}
