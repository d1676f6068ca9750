// Mutations written under an older client schema, brought to the current one
// before anything applies them: a push (sync/push-route.ts) and an imported
// unsent-data file (devices/unsent-route.ts) go through this one function.
import { CLIENT_SCHEMA_VERSION, type Mutation, upcastMutation } from "@sightline/shared";
import { badRequest, HttpProblem } from "../http/problem.ts";

/**
 * `mutations` as the current client schema has them. Throws a 400 problem
 * when `from` is newer than this server, and a 426 when a mutation is too
 * old to upcast (the client must update first).
 */
export function upcastMutations(mutations: readonly Mutation[], from: number): Mutation[] {
  if (from === CLIENT_SCHEMA_VERSION) return [...mutations];
  if (from > CLIENT_SCHEMA_VERSION)
    throw badRequest(`client schema ${from} is newer than this server's ${CLIENT_SCHEMA_VERSION}`);
  try {
    return mutations.map((m) => upcastMutation(m, from));
  } catch (e) {
    throw new HttpProblem(
      426,
      "Upgrade required",
      e instanceof Error ? e.message : "client too old",
    );
  }
}
