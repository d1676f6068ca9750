// The insight status flow draft → emerging → validated → actioned, with
// `stale` reachable from anywhere (competitor facts go stale in 60–90 days,
// ANCHORS.md). Moving back re-opens an insight. Two gates:
// - validated (or beyond) needs ≥ 2 data types, or an explicit override reason;
// - actioned needs at least one action ("a journal ends in actions").
import type { Corroboration } from "./corroboration.ts";
import { INSIGHT_STATUSES, type InsightStatus } from "./vocabulary.ts";

export type TransitionContext = {
  corroboration: Pick<Corroboration, "singleSource">;
  actions: number;
  /** Why a single-source insight may be validated anyway; blank counts as none. */
  overrideReason?: string | null | undefined;
};

export type TransitionCheck =
  | { ok: true; overrideUsed: boolean }
  | { ok: false; code: "bad-transition" | "single-source" | "no-actions"; message: string };

const rank = (s: InsightStatus) => INSIGHT_STATUSES.indexOf(s);

export function checkTransition(
  from: InsightStatus,
  to: InsightStatus,
  ctx: TransitionContext,
): TransitionCheck {
  if (from === to) return { ok: true, overrideUsed: false };
  if (to === "stale") return { ok: true, overrideUsed: false };
  if (from === "stale" && to !== "draft" && to !== "emerging") {
    return {
      ok: false,
      code: "bad-transition",
      message: "a stale insight re-opens as draft or emerging",
    };
  }
  if (rank(to) < rank(from)) return { ok: true, overrideUsed: false };
  let overrideUsed = false;
  if (rank(to) >= rank("validated") && ctx.corroboration.singleSource) {
    if ((ctx.overrideReason ?? "").trim() === "") {
      return {
        ok: false,
        code: "single-source",
        message:
          "this insight rests on one kind of data; add evidence from another channel or give an override reason",
      };
    }
    overrideUsed = true;
  }
  if (to === "actioned" && ctx.actions === 0) {
    return { ok: false, code: "no-actions", message: "add an action before marking it actioned" };
  }
  return { ok: true, overrideUsed };
}
