// A jobs row as both adapters read it (SQLite: payload as JSON text; PostgreSQL: jsonb).
import type { Job } from "../port.ts";

export type JobRow = {
  id: string;
  kind: string;
  payload: string;
  dedupe_key: string | null;
  state: Job["state"];
  run_at_ms: number;
  give_up_at_ms: number | null;
  attempts: number;
  last_error: string | null;
  created_at_ms: number;
};

export const toJob = (r: JobRow): Job => ({
  id: r.id,
  kind: r.kind,
  payload: typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload,
  dedupeKey: r.dedupe_key,
  state: r.state,
  runAtMs: Number(r.run_at_ms),
  giveUpAtMs: r.give_up_at_ms === null ? null : Number(r.give_up_at_ms),
  attempts: r.attempts,
  lastError: r.last_error,
  createdAtMs: Number(r.created_at_ms),
});
