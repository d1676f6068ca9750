// The PostgreSQL adapter of the Db port, for many stateless server
// instances on one database: a postgres.js pool, migrations under an
// advisory lock at open, parts per concern (the same parts, by the same file
// names, as the SQLite adapter).
import type { PushLog } from "../../sync/push-algorithm.ts";
import type { Db } from "../port.ts";
import { createAccountsPart } from "./accounts.ts";
import { createAlertsPart } from "./alerts.ts";
import { createApiKeysPart } from "./api-keys.ts";
import { createAuditPart } from "./audit.ts";
import { createConfigPart } from "./config.ts";
import { type ConnectOptions, connectPostgres } from "./connect.ts";
import type { PgHandle } from "./handle.ts";
import { createImportsPart } from "./imports.ts";
import { createInsightsPart } from "./insights.ts";
import { createJobsPart } from "./jobs.ts";
import { createJournalsPart } from "./journals.ts";
import { createLifecyclePart } from "./lifecycle.ts";
import { migrate } from "./migrate.ts";
import { createObservationsPart } from "./observations.ts";
import { createPeoplePart } from "./people.ts";
import { createPullPart } from "./pull.ts";
import { createPushPart, type PushOptions } from "./push.ts";
import { createRateBucketsPart } from "./rate-buckets.ts";
import { createTimelinePart } from "./timeline.ts";
import { createWebhooksPart } from "./webhooks.ts";

export type PostgresDb = Db & { readonly handle: PgHandle };

export type PostgresDbOptions = ConnectOptions & PushOptions & { log?: PushLog };

/** A Db over an open, migrated handle (share it with the PostgreSQL Blobs). */
export function createPostgresDb(handle: PgHandle, o: PostgresDbOptions = {}): PostgresDb {
  return {
    dialect: "postgres",
    handle,
    epoch: async () => handle.epoch,
    close: () => handle.sql.end({ timeout: 5 }),
    ...createPeoplePart(handle),
    ...createConfigPart(handle),
    ...createPushPart(handle, o.log ?? (() => {}), o),
    ...createPullPart(handle),
    ...createObservationsPart(handle),
    ...createJournalsPart(handle),
    ...createInsightsPart(handle),
    ...createImportsPart(handle),
    ...createAuditPart(handle),
    ...createAccountsPart(handle),
    ...createApiKeysPart(handle),
    ...createRateBucketsPart(handle),
    ...createTimelinePart(handle),
    ...createLifecyclePart(handle),
    ...createJobsPart(handle),
    ...createWebhooksPart(handle),
    ...createAlertsPart(handle),
  };
}

/** Connect to `url`, migrate (several instances may do this at once) and wrap. */
export async function openPostgresDb(url: string, o: PostgresDbOptions = {}): Promise<PostgresDb> {
  const sql = connectPostgres(url, o);
  try {
    const { epoch } = await migrate(sql);
    return createPostgresDb({ sql, epoch }, o);
  } catch (e) {
    await sql.end({ timeout: 1 });
    throw e;
  }
}
