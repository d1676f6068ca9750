// The 5W1H form's state and how it becomes an `obs.patch`: only fields that
// changed are sent, an emptied field is sent as null (cleared), and the
// competitor choice also answers "who" when "who" was the competitor's name.
import type { ConfigView } from "../messages.ts";

export type FormDraft = {
  what: string;
  who: string;
  where: string;
  why: string;
  how: string;
  competitorId: string;
  needs: string[];
  /** Comma-separated, as typed. */
  tags: string;
  basis: "observed" | "inferred" | "heard";
};

const str = (v: unknown) => (typeof v === "string" ? v : "");

export function formDraft(fields: Record<string, unknown>): FormDraft {
  const basis = fields.basis;
  return {
    what: str(fields.what),
    who: str(fields.who),
    where: str(fields.where),
    why: str(fields.why),
    how: str(fields.how),
    competitorId: str(fields.competitorId),
    needs: Array.isArray(fields.needs)
      ? fields.needs.filter((n): n is string => typeof n === "string")
      : [],
    tags: Array.isArray(fields.tags) ? fields.tags.join(", ") : "",
    basis: basis === "inferred" || basis === "heard" ? basis : "observed",
  };
}

export function parseTags(s: string): string[] {
  const out: string[] = [];
  for (const raw of s.split(",")) {
    const tag = raw.trim().slice(0, 60);
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out.slice(0, 20);
}

/** The patch turning `before` into `after` (empty when nothing changed). */
export function patchFromDraft(before: FormDraft, after: FormDraft): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const k of ["what", "who", "where", "why", "how", "competitorId"] as const) {
    const v = after[k].trim();
    if (v === before[k].trim()) continue;
    patch[k] = v === "" && k !== "what" ? null : v;
  }
  if (after.needs.join() !== before.needs.join())
    patch.needs = after.needs.length ? after.needs : null;
  const tags = parseTags(after.tags);
  if (tags.join("\u0000") !== parseTags(before.tags).join("\u0000"))
    patch.tags = tags.length ? tags : null;
  if (after.basis !== before.basis) patch.basis = after.basis;
  return patch;
}

/** When the competitor changes and "who" still names the old one, follow with the new name. */
export function withCompetitor(
  draft: FormDraft,
  competitorId: string,
  config: ConfigView,
): FormDraft {
  const name = (id: string) => config.competitors.find((c) => c.id === id)?.name ?? "";
  const who =
    draft.who === "" || draft.who === name(draft.competitorId) ? name(competitorId) : draft.who;
  return { ...draft, competitorId, who };
}
