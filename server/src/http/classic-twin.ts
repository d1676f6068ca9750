// Shared schemas are written with zod/mini so the kiosk and the extension
// bundle only the checks they use. The server's OpenAPI side wants classic
// zod: @hono/zod-openapi types route schemas as classic `ZodType`, and the
// document generator reads classic-only members (`minLength`, `maxLength`,
// `format`). `classicTwin` re-instantiates a mini schema with the classic
// class of the same name over the *same* definition — same checks, refinements,
// transforms and messages — so validation is unchanged and the document keeps
// its caps and formats. Classic schemas are returned as they are.
import * as classic from "zod";
import type * as core from "zod/v4/core";

type AnySchema = core.$ZodType;
type Constructor = new (def: unknown) => AnySchema;

const twins = new WeakMap<AnySchema, AnySchema>();

const isSchema = (v: unknown): v is AnySchema =>
  typeof v === "object" && v !== null && "_zod" in v && "def" in (v as { _zod: object })._zod;
const isMini = (s: AnySchema) => s._zod.traits.has("ZodMiniType");

/** The classic schema with `schema`'s definition (children converted too). */
export function classicTwin<T extends AnySchema>(
  schema: T,
): classic.ZodType<core.output<T>, core.input<T>> {
  return twin(schema) as classic.ZodType<core.output<T>, core.input<T>>;
}

function twin(schema: AnySchema): AnySchema {
  if (!isMini(schema)) return schema;
  const known = twins.get(schema);
  if (known) return known;
  const name = schema._zod.constr.name.replace(/^ZodMini/, "Zod");
  const Classic = (classic as unknown as Record<string, Constructor | undefined>)[name];
  if (!Classic) throw new Error(`no classic zod class ${name} for a shared schema`);
  const def: Record<string, unknown> = {};
  // Spreading reads getters (an extended object's `shape`); checks are core
  // checks, shared as they are.
  for (const [key, value] of Object.entries(schema._zod.def)) {
    def[key] = key === "checks" ? value : children(value);
  }
  const out = new Classic(def);
  twins.set(schema, out);
  return out;
}

/** Schemas inside a definition: a child, a list (options) or a shape. */
function children(value: unknown): unknown {
  if (isSchema(value)) return twin(value);
  if (Array.isArray(value)) return value.map((v) => (isSchema(v) ? twin(v) : v));
  if (
    typeof value === "object" &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    const entries = Object.entries(value);
    if (entries.length > 0 && entries.every(([, v]) => isSchema(v)))
      return Object.fromEntries(entries.map(([k, v]) => [k, twin(v as AnySchema)]));
  }
  return value;
}
