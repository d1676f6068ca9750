// Apply one mutation to an entity: validation + merge. The server applies
// pushed mutations with it and clients apply their own local writes with it,
// so a write means the same thing everywhere. Pure; scope checks (which store,
// which device) are the caller's.
import type * as z from "zod/mini";
import { type Entity, isLive } from "../entity.ts";
import { hlcMax } from "../hlc.ts";
import { applyFieldWrites, emptyEntity } from "../merge.ts";
import {
  CREATE_ONLY_FIELDS,
  ObservationCreateSchema,
  ObservationPatchSchema,
} from "../schema/observation.ts";
import { INVALID_CHARACTER_MESSAGE, isWellFormedText, toWellFormedText } from "../schema/text.ts";
import type { Mutation } from "./messages/mutation.ts";

export type ApplyResult =
  | { ok: true; entity: Entity; changed: boolean }
  | { ok: false; code: RejectCode; message: string };

/** Why a mutation can never apply. `internal`: the server failed on it unexpectedly (recorded, never blocks). */
export type RejectCode =
  | "invalid"
  | "conflict"
  | "not-found"
  | "forbidden"
  | "unsupported"
  | "internal";

export type ApplyContext = { workspaceId: string; deviceId: string };

/**
 * The first issues, as one line. Paths and messages can quote what was sent
 * (an unknown key), so the line is made well-formed: it is stored as text.
 */
function describe(error: z.core.$ZodError): string {
  return toWellFormedText(
    error.issues
      .slice(0, 5)
      .map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`)
      .join("; "),
  );
}

/** A field name with NUL or a lone surrogate: never a field, and never storable. */
function badFieldName(fields: Mutation["fields"]): ApplyResult | null {
  const bad = Object.keys(fields ?? {}).find((k) => !isWellFormedText(k));
  return bad === undefined
    ? null
    : {
        ok: false,
        code: "invalid",
        message: `${toWellFormedText(bad)}: field name: ${INVALID_CHARACTER_MESSAGE}`,
      };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Apply `m` to `current` (null when the id is unknown). Rejections are final:
 * the same mutation will never apply, so callers record it and move on.
 */
export function applyMutation(current: Entity | null, m: Mutation, ctx: ApplyContext): ApplyResult {
  const badName = badFieldName(m.fields);
  if (badName) return badName;
  switch (m.op) {
    case "obs.create": {
      const parsed = ObservationCreateSchema.safeParse(m.fields ?? {});
      if (!parsed.success) return { ok: false, code: "invalid", message: describe(parsed.error) };
      const fields = parsed.data as Record<string, unknown>;
      if (current) {
        // Re-created with the same id: fine if it is the same observation
        // (a retry after a lost answer), a conflict otherwise.
        const sameCreate =
          current.createdBy === ctx.deviceId &&
          Object.keys(CREATE_ONLY_FIELDS).every((k) => same(current.fields[k], fields[k]));
        if (!sameCreate)
          return { ok: false, code: "conflict", message: `observation ${m.id} already exists` };
      }
      const base = current ?? emptyEntity(m.id, ctx.workspaceId, ctx.deviceId);
      return finish(current, applyFieldWrites(base, fields, m.hlc));
    }
    case "obs.patch": {
      if (!current) return { ok: false, code: "not-found", message: `no observation ${m.id}` };
      const parsed = ObservationPatchSchema.safeParse(m.fields ?? {});
      if (!parsed.success) return { ok: false, code: "invalid", message: describe(parsed.error) };
      return finish(current, applyFieldWrites(current, parsed.data, m.hlc));
    }
    case "obs.delete":
    case "obs.restore": {
      if (!current) return { ok: false, code: "not-found", message: `no observation ${m.id}` };
      if (m.fields !== undefined)
        return { ok: false, code: "invalid", message: `${m.op} takes no fields` };
      const key = m.op === "obs.delete" ? "deletedHlc" : "restoredHlc";
      return finish(current, { ...current, [key]: hlcMax(current[key], m.hlc) });
    }
    default: {
      const never: never = m.op;
      return { ok: false, code: "unsupported", message: `unknown op ${String(never)}` };
    }
  }
}

function finish(before: Entity | null, after: Entity): ApplyResult {
  const changed =
    before === null ||
    !same(before.fields, after.fields) ||
    !same(before.fieldHlc, after.fieldHlc) ||
    before.deletedHlc !== after.deletedHlc ||
    before.restoredHlc !== after.restoredHlc;
  return { ok: true, entity: after, changed };
}

export { isLive };
