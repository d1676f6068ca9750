// Numbered PostgreSQL migrations, the same history as the SQLite ones
// (db/sqlite/migrations.ts) in Postgres types. Append only: a shipped
// migration never changes. Ids are `COLLATE "C"` so (version, id) order and
// "ordered by id" mean byte order, as in SQLite, whatever the database's
// default collation is.

export type Migration = { id: number; name: string; sql: string };

// Migration 7's parts (as in the SQLite migration): now as a 15-digit ms
// string, a stamp clamped to it, and "this row holds a stamp ahead of now".
const NOW_MS = "lpad(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint::text, 15, '0')";
const clamp = (col: string) =>
  `CASE WHEN left(${col}, 15) > ${NOW_MS} THEN ${NOW_MS} || substr(${col}, 16) ELSE ${col} END`;
const aheadIn = (o: string) => `left(${o}.deleted_hlc, 15) > ${NOW_MS}
  OR left(${o}.restored_hlc, 15) > ${NOW_MS}
  OR EXISTS (SELECT 1 FROM jsonb_each_text(${o}.field_hlc) j WHERE left(j.value, 15) > ${NOW_MS})`;

/** Migration 7, exported so a test can run it again over rows it poisoned itself. */
export const CLAMP_FUTURE_STAMPS_SQL = `
UPDATE meta SET value = md5(random()::text || clock_timestamp()::text) WHERE key = 'epoch'
  AND EXISTS (SELECT 1 FROM observations o WHERE ${aheadIn("o")});
UPDATE observations o SET
  field_hlc = coalesce((SELECT jsonb_object_agg(j.key, ${clamp("j.value")})
    FROM jsonb_each_text(o.field_hlc) j), '{}'::jsonb),
  deleted_hlc = ${clamp("o.deleted_hlc")},
  restored_hlc = ${clamp("o.restored_hlc")}
WHERE ${aheadIn("o")};
`;

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: "core",
    sql: `
CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE workspaces (
  id text COLLATE "C" PRIMARY KEY, name text NOT NULL, version bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL);
CREATE TABLE users (
  id text COLLATE "C" PRIMARY KEY, workspace_id text COLLATE "C" NOT NULL REFERENCES workspaces(id),
  email text NOT NULL, name text, role text NOT NULL, password_hash text NOT NULL,
  created_at timestamptz NOT NULL);
CREATE UNIQUE INDEX users_email ON users (lower(email));
CREATE TABLE sessions (
  token_hash text PRIMARY KEY, workspace_id text COLLATE "C" NOT NULL REFERENCES workspaces(id),
  user_id text COLLATE "C" NOT NULL REFERENCES users(id), created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL, revoked_at timestamptz);
CREATE TABLE stores (
  workspace_id text COLLATE "C" NOT NULL REFERENCES workspaces(id), id text COLLATE "C" NOT NULL,
  name text NOT NULL, config jsonb NOT NULL, updated_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id));
CREATE TABLE competitors (
  workspace_id text COLLATE "C" NOT NULL REFERENCES workspaces(id), id text COLLATE "C" NOT NULL,
  name text NOT NULL, domains jsonb NOT NULL, updated_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id));
CREATE TABLE pairing_codes (
  code_hash text PRIMARY KEY, workspace_id text COLLATE "C" NOT NULL REFERENCES workspaces(id),
  role text NOT NULL, store_id text COLLATE "C", label text,
  created_by text COLLATE "C" NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL, expires_at timestamptz NOT NULL, used_at timestamptz,
  used_by_device text COLLATE "C");
CREATE TABLE devices (
  workspace_id text COLLATE "C" NOT NULL REFERENCES workspaces(id), id text COLLATE "C" NOT NULL,
  kind text NOT NULL, role text NOT NULL, store_id text COLLATE "C",
  owner_id text COLLATE "C" NOT NULL REFERENCES users(id),
  name text, origin text, token_hash text NOT NULL UNIQUE,
  last_seq bigint NOT NULL DEFAULT 0, last_push_at timestamptz, last_pull_at timestamptz,
  app_version text, revoked_at timestamptz, created_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id));
`,
  },
  {
    id: 2,
    name: "observations",
    sql: `
CREATE TABLE observations (
  workspace_id text COLLATE "C" NOT NULL REFERENCES workspaces(id), id text COLLATE "C" NOT NULL,
  created_by text COLLATE "C" NOT NULL, owner_id text COLLATE "C" NOT NULL,
  channel text, store_id text COLLATE "C", competitor_id text COLLATE "C", captured_ms bigint,
  fields jsonb NOT NULL, field_hlc jsonb NOT NULL, deleted_hlc text, restored_hlc text,
  live boolean NOT NULL, version bigint NOT NULL, search_text text NOT NULL,
  PRIMARY KEY (workspace_id, id));
CREATE INDEX observations_version ON observations (workspace_id, version, id);
CREATE INDEX observations_by_device ON observations (workspace_id, created_by, version, id);
CREATE INDEX observations_by_owner ON observations (workspace_id, owner_id, version, id);
CREATE INDEX observations_captured ON observations (workspace_id, captured_ms DESC, id DESC);
CREATE TABLE rejected_mutations (
  workspace_id text COLLATE "C" NOT NULL, device_id text COLLATE "C" NOT NULL, seq bigint NOT NULL,
  op text NOT NULL, entity_id text NOT NULL, code text NOT NULL, message text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, device_id, seq),
  FOREIGN KEY (workspace_id, device_id) REFERENCES devices(workspace_id, id));
`,
  },
  {
    id: 3,
    name: "blobs",
    sql: `
CREATE TABLE blobs (
  workspace_id text COLLATE "C" NOT NULL REFERENCES workspaces(id), sha256 text COLLATE "C" NOT NULL,
  content_type text NOT NULL, size integer NOT NULL, bytes bytea NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, sha256));
`,
  },
  // Journals, insights, evidence links, actions and imported rows. Times are
  // ISO text, as in SQLite, so both adapters return identical strings.
  {
    id: 4,
    name: "journals",
    sql: `
CREATE TABLE journals (
  workspace_id text COLLATE "C" NOT NULL REFERENCES workspaces(id), id text COLLATE "C" NOT NULL,
  title text NOT NULL, question text NOT NULL, goal text NOT NULL, scope jsonb NOT NULL,
  archived boolean NOT NULL DEFAULT false, created_by text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL, updated_at text COLLATE "C" NOT NULL,
  PRIMARY KEY (workspace_id, id));
CREATE INDEX journals_created ON journals (workspace_id, created_at);
CREATE TABLE insights (
  workspace_id text COLLATE "C" NOT NULL, id text COLLATE "C" NOT NULL,
  journal_id text COLLATE "C" NOT NULL, statement text NOT NULL, needs jsonb NOT NULL,
  status text NOT NULL, principles jsonb NOT NULL, override_reason text,
  created_by text COLLATE "C" NOT NULL, created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, journal_id) REFERENCES journals(workspace_id, id));
CREATE INDEX insights_journal ON insights (workspace_id, journal_id, created_at);
CREATE TABLE insight_evidence (
  workspace_id text COLLATE "C" NOT NULL, insight_id text COLLATE "C" NOT NULL,
  observation_id text COLLATE "C" NOT NULL, stance text NOT NULL, note text,
  added_by text COLLATE "C" NOT NULL, added_at text COLLATE "C" NOT NULL,
  PRIMARY KEY (workspace_id, insight_id, observation_id),
  FOREIGN KEY (workspace_id, insight_id) REFERENCES insights(workspace_id, id));
CREATE INDEX insight_evidence_observation ON insight_evidence (workspace_id, observation_id);
CREATE TABLE actions (
  workspace_id text COLLATE "C" NOT NULL, id text COLLATE "C" NOT NULL,
  insight_id text COLLATE "C" NOT NULL, title text NOT NULL, owner text, due text,
  status text NOT NULL, created_at text COLLATE "C" NOT NULL, updated_at text COLLATE "C" NOT NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, insight_id) REFERENCES insights(workspace_id, id));
CREATE INDEX actions_insight ON actions (workspace_id, insight_id, created_at);
CREATE TABLE import_rows (
  workspace_id text COLLATE "C" NOT NULL REFERENCES workspaces(id), source_key text NOT NULL,
  source_row_id text NOT NULL, observation_id text COLLATE "C" NOT NULL,
  imported_by text COLLATE "C" NOT NULL, imported_at text NOT NULL,
  PRIMARY KEY (workspace_id, source_key, source_row_id));
`,
  },
  {
    // A marketer code may name the person whose extension it pairs (NULL: the
    // issuer); that person becomes the device's owner, its sync scope.
    id: 5,
    name: "device-person",
    sql: `
ALTER TABLE pairing_codes ADD COLUMN for_user_id text COLLATE "C" REFERENCES users(id);
`,
  },
  {
    // Kiosks pull their store's rows (docs: sync protocol, scope by kind).
    id: 6,
    name: "observations-by-store",
    sql: `
CREATE INDEX observations_by_store ON observations (workspace_id, store_id, version, id);
`,
  },
  {
    // Stamps stored before the server bounded clocks: clamped to now, and a
    // new epoch when any row was touched (see the SQLite migration 7).
    id: 7,
    name: "clamp-future-stamps",
    sql: CLAMP_FUTURE_STAMPS_SQL,
  },
  {
    // Fleet health: the queue and storage state a device reports with each
    // push and pull (its last report; NULL until the first).
    id: 8,
    name: "device-status",
    sql: `
ALTER TABLE devices ADD COLUMN unsynced_count integer;
ALTER TABLE devices ADD COLUMN oldest_unsynced_at timestamptz;
ALTER TABLE devices ADD COLUMN storage_persisted boolean;
ALTER TABLE devices ADD COLUMN status_at timestamptz;
`,
  },
  {
    // Issue 16: the text features suggestions read (shared/src/text/features.ts),
    // computed when an observation is written (push, import, edit) so a
    // suggestions request never tokenises the journal again. NULL on rows
    // written before (and on deleted rows): those are featurised in memory.
    id: 9,
    name: "observation-text-features",
    sql: "ALTER TABLE observations ADD COLUMN text_features text;",
  },
  {
    // Issue 18 (accounts, audit, rate limits): see the SQLite migration 10.
    // Rate buckets are shared by every instance on this database.
    id: 10,
    name: "accounts-audit",
    sql: `
CREATE TABLE audit_events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, id text NOT NULL UNIQUE, workspace_id text, type text NOT NULL, at timestamptz NOT NULL,
  actor_type text NOT NULL, actor_id text, actor_label text,
  target_type text, target_id text, target_label text,
  address text, detail jsonb NOT NULL DEFAULT '{}');
CREATE INDEX audit_by_workspace ON audit_events (workspace_id, seq);
CREATE INDEX audit_by_at ON audit_events (at);
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit events are append-only'; END $$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
ALTER TABLE users ADD COLUMN disabled_at timestamptz;
ALTER TABLE users ADD COLUMN deleted_at timestamptz;
ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz;
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE TABLE password_resets (
  code_hash text PRIMARY KEY, workspace_id text NOT NULL REFERENCES workspaces(id),
  user_id text NOT NULL REFERENCES users(id), created_by text NOT NULL,
  created_at timestamptz NOT NULL, expires_at timestamptz NOT NULL, used_at timestamptz);
CREATE INDEX password_resets_by_user ON password_resets (user_id);
CREATE TABLE rate_buckets (
  key text PRIMARY KEY, tokens double precision NOT NULL, at_ms bigint NOT NULL, ok boolean NOT NULL);
`,
  },
  {
    // Issue 15: see the SQLite migration 11. PostgreSQL filters needs and
    // tags with jsonb operators on the row; the timeline's order and counts
    // walk this index. Insights and actions are deleted softly (undo).
    id: 11,
    name: "timeline-index-soft-delete",
    sql: `
CREATE INDEX observations_timeline ON observations (workspace_id, captured_ms DESC, id DESC)
  INCLUDE (live, channel, store_id, competitor_id);
ALTER TABLE insights ADD COLUMN deleted_at text COLLATE "C";
ALTER TABLE actions ADD COLUMN deleted_at text COLLATE "C";
`,
  },
  {
    // Issue 19: see the SQLite migration 13. Times are ISO text (COLLATE "C",
    // compared as strings like the SQLite adapter); the partial unique index
    // keeps two instances evaluating at once from opening two alerts.
    id: 13,
    name: "alerts",
    sql: `
CREATE TABLE alert_rules (
  workspace_id text NOT NULL REFERENCES workspaces(id), id text NOT NULL,
  kind text NOT NULL, name text, store_id text, competitor_id text,
  window_minutes integer NOT NULL, min_count integer NOT NULL, threshold double precision NOT NULL,
  behaviour text, hours double precision NOT NULL, deliver jsonb NOT NULL DEFAULT '["app"]',
  enabled boolean NOT NULL DEFAULT true, created_by text, created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL, deleted_at text COLLATE "C",
  PRIMARY KEY (workspace_id, id));
CREATE TABLE alerts (
  workspace_id text NOT NULL REFERENCES workspaces(id), id text NOT NULL,
  rule_id text NOT NULL, kind text NOT NULL, key text NOT NULL,
  store_id text, competitor_id text, device_id text,
  status text NOT NULL DEFAULT 'open', opened_at text COLLATE "C" NOT NULL,
  last_fired_at text COLLATE "C" NOT NULL, firings integer NOT NULL DEFAULT 1,
  acked_at text COLLATE "C", acked_by text, ack_note text, cleared_at text COLLATE "C",
  figures jsonb NOT NULL DEFAULT '{}', observation_ids jsonb NOT NULL DEFAULT '[]',
  text_vi text NOT NULL, text_en text NOT NULL,
  PRIMARY KEY (workspace_id, id));
CREATE UNIQUE INDEX alerts_one_open ON alerts (workspace_id, rule_id, key) WHERE status = 'open';
CREATE INDEX alerts_by_key ON alerts (workspace_id, rule_id, key, opened_at);
CREATE INDEX alerts_by_status ON alerts (workspace_id, status, last_fired_at);
CREATE TABLE alert_firings (
  id text PRIMARY KEY, workspace_id text NOT NULL, alert_id text NOT NULL, rule_id text NOT NULL,
  deliver jsonb NOT NULL, fired_at text COLLATE "C" NOT NULL, claimed_until text COLLATE "C",
  dispatched_at text COLLATE "C");
CREATE INDEX alert_firings_undispatched ON alert_firings (fired_at) WHERE dispatched_at IS NULL;
`,
  },
  {
    // Issue 19: see the SQLite migration 14. Claims take FOR UPDATE SKIP
    // LOCKED on jobs_due, so instances never run one job twice.
    // Kept in id order: 12 and 13 go above this one.
    id: 14,
    name: "jobs-webhooks",
    sql: `
CREATE TABLE jobs (
  id text PRIMARY KEY, kind text NOT NULL, payload jsonb NOT NULL, dedupe_key text UNIQUE,
  state text NOT NULL DEFAULT 'pending', run_at_ms bigint NOT NULL, give_up_at_ms bigint,
  attempts integer NOT NULL DEFAULT 0, locked_by text, locked_until_ms bigint,
  last_error text, created_at_ms bigint NOT NULL, finished_at_ms bigint);
CREATE INDEX jobs_due ON jobs (state, run_at_ms);
CREATE TABLE webhooks (
  workspace_id text NOT NULL REFERENCES workspaces(id), id text NOT NULL,
  url text NOT NULL, secret text NOT NULL, events jsonb NOT NULL DEFAULT '[]',
  language text NOT NULL DEFAULT 'vi',
  created_by text NOT NULL, created_at text COLLATE "C" NOT NULL,
  PRIMARY KEY (workspace_id, id));
CREATE TABLE webhook_deliveries (
  workspace_id text NOT NULL, id text NOT NULL, webhook_id text NOT NULL,
  event_id text NOT NULL, type text NOT NULL, body text NOT NULL,
  status text NOT NULL DEFAULT 'pending', attempts integer NOT NULL DEFAULT 0,
  last_status_code integer, last_error text, next_attempt_at text COLLATE "C",
  created_at text COLLATE "C" NOT NULL, delivered_at text COLLATE "C",
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, webhook_id) REFERENCES webhooks (workspace_id, id) ON DELETE CASCADE,
  UNIQUE (workspace_id, webhook_id, event_id));
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (workspace_id, webhook_id, created_at);
CREATE TABLE notification_prefs (
  workspace_id text NOT NULL, user_id text NOT NULL REFERENCES users(id),
  language text, weekly_digest boolean NOT NULL DEFAULT true,
  PRIMARY KEY (workspace_id, user_id));
`,
  },
  {
    // Issue 19: see the SQLite migration 15.
    id: 15,
    name: "api-keys",
    sql: `
CREATE TABLE api_keys (
  workspace_id text NOT NULL REFERENCES workspaces(id), id text NOT NULL,
  key_hash text NOT NULL UNIQUE, name text NOT NULL, scope text NOT NULL, hint text NOT NULL,
  created_by text NOT NULL REFERENCES users(id), created_at text COLLATE "C" NOT NULL,
  last_used_at text COLLATE "C", revoked_at text COLLATE "C",
  PRIMARY KEY (workspace_id, id));
`,
  },
  {
    // Issue 15 (timeline speed): the timeline's count and its search pass
    // read every row of the workspace (a sequential scan of ~1.2 kB rows:
    // needs, tags and basis were only in the fields JSON, which no index can
    // cover). Stored copies of the three (as SQLite's virtual columns of
    // migration 11) let one channel-led index hold every column a timeline
    // filter, count or search reads, so both are index-only scans.
    id: 16,
    name: "timeline-seek-index",
    sql: `
ALTER TABLE observations
  ADD COLUMN basis text GENERATED ALWAYS AS (fields ->> 'basis') STORED,
  ADD COLUMN needs jsonb GENERATED ALWAYS AS (fields -> 'needs') STORED,
  ADD COLUMN tags jsonb GENERATED ALWAYS AS (fields -> 'tags') STORED;
CREATE INDEX observations_timeline_seek ON observations (workspace_id, live, channel, captured_ms DESC, id DESC)
  INCLUDE (store_id, competitor_id, basis, needs, tags, search_text);
`,
  },
];
