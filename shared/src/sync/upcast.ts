// Upcasting queued mutations from older client schemas, so an app update
// never leaves a tablet's queue unsendable. One step per schema bump:
// steps[n] turns a schema-n mutation into schema n+1. The server upcasts a
// push whose `clientSchema` is older than its own (routes/sync-push.ts).
import type { Mutation } from "./messages/mutation.ts";
import { CLIENT_SCHEMA_VERSION } from "./messages/protocol.ts";

export type Upcaster = (m: Mutation) => Mutation;
/** Steps keyed by the schema they start from. */
export type UpcasterSteps = Readonly<Record<number, Upcaster>>;

/** The shipped steps: none yet, schema 1 is the first client schema. */
export const UPCASTERS: UpcasterSteps = {};

/**
 * An upcaster from any older schema to `target`, made of `steps`. Throws when
 * a step is missing (the server answers 426: the client is too old). Tests
 * use it to add a schema without changing the one on the wire.
 */
export function createUpcaster(
  steps: UpcasterSteps,
  target: number = CLIENT_SCHEMA_VERSION,
): (m: Mutation, fromSchema: number) => Mutation {
  return (m, fromSchema) => {
    let out = m;
    for (let v = fromSchema; v < target; v++) {
      const step = steps[v];
      if (!step) throw new Error(`no upcaster from client schema ${v}`);
      out = step(out);
    }
    return out;
  };
}

/** Bring `m` from `fromSchema` to the current client schema. */
export const upcastMutation = createUpcaster(UPCASTERS);
