// Upcasting queued mutations from older client schemas, so an app update
// never leaves a tablet's queue unsendable. One entry per schema bump:
// upcasters[n] turns a schema-n mutation into schema n+1.
import type { Mutation } from "./messages/mutation.ts";
import { CLIENT_SCHEMA_VERSION } from "./messages/protocol.ts";

type Upcaster = (m: Mutation) => Mutation;
const upcasters: Record<number, Upcaster> = {};

/** Bring `m` from `fromSchema` to the current client schema. */
export function upcastMutation(m: Mutation, fromSchema: number): Mutation {
  let out = m;
  for (let v = fromSchema; v < CLIENT_SCHEMA_VERSION; v++) {
    const step = upcasters[v];
    if (!step) throw new Error(`no upcaster from client schema ${v}`);
    out = step(out);
  }
  return out;
}
