// Needs × channel counts over observations read through the API (a few pages
// at most: this is an overview, not a report).
import type { Api } from "../api/client.ts";

export type NeedChannelCounts = {
  counts: Map<string, Map<string, number>>;
  observations: number;
  truncated: boolean;
};

export async function loadNeedsByChannel(
  api: Api,
  from: string,
  to: string,
  maxPages = 25,
): Promise<NeedChannelCounts> {
  const counts = new Map<string, Map<string, number>>();
  let cursor: string | null | undefined;
  let observations = 0;
  let pages = 0;
  do {
    const q = new URLSearchParams({ limit: "200" });
    if (from) q.set("from", from);
    if (to) q.set("to", to);
    if (cursor) q.set("cursor", cursor);
    const page = await api.observations(q);
    for (const o of page.items ?? []) {
      observations++;
      for (const need of o.needs ?? []) {
        const row = counts.get(need) ?? new Map<string, number>();
        row.set(o.channel, (row.get(o.channel) ?? 0) + 1);
        counts.set(need, row);
      }
    }
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < maxPages);
  return { counts, observations, truncated: !!cursor };
}
