// Journals people own, as the weekly digest tests need them: each digest is
// one owner's journals, so a test gives each reader a journal of its own.
import type { TestApp } from "./test-app.ts";

/** Each `[person, title]`: the person makes a journal over feedback with that title; the responses, in order. */
export async function ownFeedbackJournals(
  t: TestApp,
  owners: readonly (readonly [{ token: string }, string])[],
): Promise<Response[]> {
  const made: Response[] = [];
  for (const [who, title] of owners) {
    made.push(
      await t.request("/v1/journals", {
        method: "POST",
        token: who.token,
        json: { title, question: "?", goal: "", scope: { channels: ["feedback"] } },
      }),
    );
  }
  return made;
}
