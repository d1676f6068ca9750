// The main price of a capture: the one price that stands for "what the shop
// asks" among the prices read off a page (PageFacts.prices, source order,
// JSON-LD first). The extension's price watch follows it and the server's
// competitor-price-change rule compares it (docs/alerts.md "Prices"), so both
// must pick the same one — hence one function for both.
//
// Pages that say "Giá gốc … / Giá khuyến mãi …" have a `was` and a `sale`
// price and no `current` one: the sale price is what is asked there. Struck
// list prices, instalments, gift values and discount amounts never are.
import type { PriceRoleCode } from "./schema/page-facts.ts";

/** Best first; a price without a role ranks after these. */
const RANKED: readonly PriceRoleCode[] = ["current", "sale"];
const NO_ROLE = RANKED.length;

const rankOf = (role: unknown): number | null => {
  if (role === undefined) return NO_ROLE;
  const i = RANKED.indexOf(role as PriceRoleCode);
  return i < 0 ? null : i;
};

/**
 * The main price of `prices`: the first with role `current`, else the first
 * with role `sale`, else the first without a role; null when none qualifies
 * (only `was`, `instalment`, `gift` or `discount` prices, or none at all).
 * Generic so callers with stored, loosely typed prices get their own type back.
 */
export function mainPrice<P extends { role?: unknown }>(
  prices: readonly P[] | undefined,
): P | null {
  let best: P | null = null;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const p of prices ?? []) {
    const rank = rankOf(p.role);
    if (rank !== null && rank < bestRank) {
      best = p;
      bestRank = rank;
    }
  }
  return best;
}
