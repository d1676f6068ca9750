// The embedded SQLite adapter of the Db port: one file (or :memory:), one
// connection used by one caller at a time, composed from parts per concern
// (the same parts, by the same file names, as the PostgreSQL adapter).
import type { PushLog } from "../../sync/push-algorithm.ts";
import type { Db } from "../port.ts";
import { createAccountsPart } from "./accounts.ts";
import { createAlertsPart } from "./alerts.ts";
import { createApiKeysPart } from "./api-keys.ts";
import { createAuditPart } from "./audit.ts";
import { createConfigPart } from "./config.ts";
import { openSqlite, type SqliteHandle } from "./handle.ts";
import { createImportsPart } from "./imports.ts";
import { createInsightsPart } from "./insights.ts";
import { createJobsPart } from "./jobs.ts";
import { createJournalsPart } from "./journals.ts";
import { createLifecyclePart } from "./lifecycle.ts";
import { createObservationsPart } from "./observations.ts";
import { createPeoplePart } from "./people.ts";
import { createPullPart } from "./pull.ts";
import { createPushPart } from "./push.ts";
import { createRateBucketsPart } from "./rate-buckets.ts";
import { createTimelinePart } from "./timeline.ts";
import { createWebhooksPart } from "./webhooks.ts";

export type SqliteDb = Db & { readonly handle: SqliteHandle };

/** A Db over an open handle (share the handle with the SQLite Blobs). */
export function createSqliteDb(handle: SqliteHandle, log?: PushLog): SqliteDb {
  return {
    dialect: "sqlite",
    handle,
    epoch: async () => handle.epoch,
    close: () => handle.queue.run(() => handle.close()),
    ...createPeoplePart(handle),
    ...createConfigPart(handle),
    ...createPushPart(handle, log ?? (() => {})),
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

/** Open `file` (":memory:" for tests) and wrap it. */
export function openSqliteDb(file: string, log?: PushLog): SqliteDb {
  return createSqliteDb(openSqlite(file), log);
}
