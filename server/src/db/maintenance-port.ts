// What operations work (the `sightline` commands and GET /ready) asks of a
// database, whichever adapter holds it. The SQL lives in each adapter's
// maintenance.ts; the CLI and observability/readiness.ts see only these
// types (and db/open-db.ts, which chooses the adapter).
import { randomUUID } from "node:crypto";
import type { Db } from "./port.ts";

/** A refusal the operator can act on (the CLI prints it without a stack). */
export class MaintenanceError extends Error {}

export const freshEpoch = () => randomUUID().replaceAll("-", "");

/** The meta key a backup is stamped with (the time it was taken). */
export const BACKUP_AT_KEY = "backup_at";

/** A device's token state, read before a restore and carried into it when newer. */
export type DeviceTokenState = {
  workspace_id: string;
  id: string;
  token_hash: string;
  revoked_at: string | Date | null;
};

/** What a restore did to the restored database. */
export type RestoreReset = { epoch: string; sessionsRevoked: number; devicesCarried: number };

/** What GET /ready asks of the database (observability/readiness.ts). */
export type ReadinessPort = {
  /** Write and commit a probe; throws when the database cannot take a write now. */
  probeWrite(): Promise<void>;
  /** The migration ids this build knows. */
  knownMigrations: readonly number[];
  /** The migration ids applied to the database. */
  appliedMigrations(): Promise<number[]>;
  /** "data-dir": the database lives on the data folder's disk (SQLite); "own": it keeps its own (PostgreSQL). */
  disk: "data-dir" | "own";
};

/** A restored database, open (and migrated) for its reset and the audit rows. */
export type RestoredDatabase = {
  db: Db;
  /** New epoch, every session revoked, the devices' newer token state carried, in one transaction. */
  reset(devices: readonly DeviceTokenState[], now: string): Promise<RestoreReset>;
  /** Make the file whole before it is moved (SQLite folds its WAL in). */
  settle(): Promise<void>;
  close(): Promise<void>;
};
