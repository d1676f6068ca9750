// Parse a 200 answer to POST /v1/sync/pull. The envelope (cookie, lastSeq,
// config, …) goes through PullResponseSchema as always; the changes — up to
// 5,000 entities a page, where zod spent more time than IndexedDB — first
// try a hand-written check of exactly what ChangeSchema accepts. A change it
// is unsure of sends the whole page through the schema, so the schema stays
// the authority: this only ever accepts what the schema accepts, with the same
// value (pull-answer.test.ts checks both against the schema on random input).
import { HLC_PATTERN } from "../hlc.ts";
import {
  type Change,
  ChangeSchema,
  type PullResponse,
  PullResponseSchema,
} from "./messages/pull.ts";

const ID = /^[0-9A-Za-z_-]{1,64}$/;
const ENTITY_KEYS = 8;
const PUT_KEYS = 2;
const DEL_KEYS = 4;

const isId = (v: unknown): boolean => typeof v === "string" && ID.test(v);
const isHlc = (v: unknown): boolean => typeof v === "string" && HLC_PATTERN.test(v);
const isHlcOrNull = (v: unknown): boolean => v === null || isHlc(v);
const isInt = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v);

/** A JSON object as JSON.parse makes it, with no own `__proto__` key. */
function plainObject(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === "object" &&
    v !== null &&
    Object.getPrototypeOf(v) === Object.prototype &&
    !Object.hasOwn(v, "__proto__")
  );
}

function keyCount(o: object): number {
  let n = 0;
  for (const _ in o) n++;
  return n;
}

function isEntity(e: unknown): boolean {
  if (!plainObject(e) || keyCount(e) !== ENTITY_KEYS) return false;
  if (!isId(e.id) || !isId(e.workspaceId) || !isId(e.createdBy)) return false;
  if (!isHlcOrNull(e.deletedHlc) || !isHlcOrNull(e.restoredHlc)) return false;
  if (!isInt(e.version) || e.version < 0) return false;
  if (!plainObject(e.fields) || !plainObject(e.fieldHlc)) return false;
  for (const k in e.fieldHlc) if (!isHlc(e.fieldHlc[k])) return false;
  return true;
}

/** True only for a change ChangeSchema accepts and returns unchanged. */
export function isPlainChange(c: unknown): c is Change {
  if (!plainObject(c)) return false;
  if (c.op === "put") return keyCount(c) === PUT_KEYS && isEntity(c.entity);
  if (c.op === "del")
    return keyCount(c) === DEL_KEYS && isId(c.id) && isHlc(c.deletedHlc) && isInt(c.version);
  return false;
}

/** A pull page and how many of its changes were left out as malformed. */
export type ParsedPull = PullResponse & { skipped: number };

/**
 * The page, or null when the body is not a pull answer (a captive portal's
 * page, say). A change that is not valid (a stamp of 16 digits, a broken
 * entity) is left out and counted in `skipped` rather than failing the page:
 * one bad row from a lying network must not stop a device from syncing.
 */
export function parsePullAnswer(body: unknown): ParsedPull | null {
  if (!plainObject(body) || !Array.isArray(body.changes)) return null;
  const head = PullResponseSchema.safeParse({ ...body, changes: [] });
  if (!head.success) return null;
  if (body.changes.every(isPlainChange))
    return { ...head.data, changes: body.changes as Change[], skipped: 0 };
  const changes: Change[] = [];
  for (const c of body.changes) {
    const parsed = ChangeSchema.safeParse(c);
    if (parsed.success) changes.push(parsed.data);
  }
  return { ...head.data, changes, skipped: body.changes.length - changes.length };
}
