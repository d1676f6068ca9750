// The embedded SQLite adapter of the Store port: one file (or :memory:), one
// connection used by one caller at a time, composed from parts per concern.

import type { PushLog } from "../../sync/push-algorithm.ts";
import type { Store } from "../port.ts";
import { createConfigPart } from "./config.ts";
import { openSqlite, type SqliteHandle } from "./handle.ts";
import { createSqliteJournalStore } from "./journal-parts.ts";
import { createObservationsPart } from "./observations.ts";
import { createPeoplePart } from "./people.ts";
import { createPullPart } from "./pull.ts";
import { createPushPart } from "./push.ts";

export type SqliteStore = Store & { readonly handle: SqliteHandle };

/** A Store over an open handle (share the handle with the SQLite BlobStore). */
export function createSqliteStore(handle: SqliteHandle, log?: PushLog): SqliteStore {
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
    ...createSqliteJournalStore(handle),
  };
}

/** Open `file` (":memory:" for tests) and wrap it. */
export function openSqliteStore(file: string, log?: PushLog): SqliteStore {
  return createSqliteStore(openSqlite(file), log);
}
