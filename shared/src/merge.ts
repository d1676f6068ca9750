// Field-level last-writer-wins merge with tombstone/restore. `merge` is a
// join (commutative, associative, idempotent — property-tested), so replicas
// converge whatever order changes arrive in and however often.
import type { Entity } from "./entity.ts";
import { hlcCompare, hlcMax } from "./hlc.ts";

/**
 * Deterministic tie-break for two writes stamped with the same HLC. Real HLCs
 * are unique per device, so this only matters for corrupt or replayed input;
 * it still must not depend on argument order.
 */
function tieBreak(a: unknown, b: unknown): unknown {
  const sa = JSON.stringify(a) ?? "";
  const sb = JSON.stringify(b) ?? "";
  return sa >= sb ? a : b;
}

/** Merge two replicas of the same entity (same id). */
export function merge(a: Entity, b: Entity): Entity {
  const fields: Record<string, unknown> = {};
  const fieldHlc: Record<string, string> = {};
  const names = new Set([...Object.keys(a.fieldHlc), ...Object.keys(b.fieldHlc)]);
  for (const name of [...names].sort()) {
    const ha = a.fieldHlc[name];
    const hb = b.fieldHlc[name];
    const c = hlcCompare(ha, hb);
    const winner = c > 0 ? a : c < 0 ? b : null;
    fields[name] = winner ? winner.fields[name] : tieBreak(a.fields[name], b.fields[name]);
    fieldHlc[name] = (c >= 0 ? ha : hb) as string;
  }
  return {
    id: a.id,
    workspaceId: [a.workspaceId, b.workspaceId].sort()[0] as string,
    createdBy: [a.createdBy, b.createdBy].sort()[0] as string,
    fields,
    fieldHlc,
    deletedHlc: hlcMax(a.deletedHlc, b.deletedHlc),
    restoredHlc: hlcMax(a.restoredHlc, b.restoredHlc),
    version: Math.max(a.version, b.version),
  };
}

/** Apply writes stamped `hlc` to `fields` of an entity (a one-sided merge). */
export function applyFieldWrites(e: Entity, writes: Record<string, unknown>, hlc: string): Entity {
  const fields = { ...e.fields };
  const fieldHlc = { ...e.fieldHlc };
  for (const [name, value] of Object.entries(writes)) {
    const c = hlcCompare(hlc, fieldHlc[name]);
    if (c > 0 || (c === 0 && tieBreak(value, fields[name]) === value)) {
      fields[name] = value;
      fieldHlc[name] = hlc;
    }
  }
  return { ...e, fields, fieldHlc };
}

export function emptyEntity(id: string, workspaceId: string, createdBy: string): Entity {
  return {
    id,
    workspaceId,
    createdBy,
    fields: {},
    fieldHlc: {},
    deletedHlc: null,
    restoredHlc: null,
    version: 0,
  };
}
