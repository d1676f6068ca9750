// The open journal: its detail, further timeline pages, and which
// observations arrived since the last read (highlighted for a while).
import { useCallback, useRef, useState } from "preact/hooks";
import type { Api } from "../api/client.ts";
import type { JournalDetail, Observation } from "../api/types.ts";
import { useAsync } from "../ui/use-async.ts";

const FRESH_MS = 12_000;

export function useJournal(api: Api, id: string) {
  const seen = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [more, setMore] = useState<{ items: Observation[]; cursor: string | null }>({
    items: [],
    cursor: null,
  });

  const detail = useAsync(async (): Promise<JournalDetail> => {
    const d = await api.journal(id);
    const ids = new Set((d.timeline ?? []).map((o) => o.id));
    if (seen.current) {
      const arrived = [...ids].filter((x) => !seen.current?.has(x));
      if (arrived.length) {
        setFresh(new Set(arrived));
        setTimeout(() => setFresh(new Set()), FRESH_MS);
      }
    }
    seen.current = ids;
    setMore((m) =>
      m.cursor === null && m.items.length === 0 ? { items: [], cursor: d.nextCursor ?? null } : m,
    );
    return d;
  }, [api, id]);

  const loadMore = useCallback(async () => {
    const cursor = more.cursor ?? detail.data?.nextCursor;
    if (!cursor) return;
    const page = await api.journalPage(id, cursor);
    setMore((m) => ({
      items: [...m.items, ...(page.timeline ?? [])],
      cursor: page.nextCursor ?? null,
    }));
  }, [api, id, more.cursor, detail.data?.nextCursor]);

  const timeline = detail.data ? dedupe([...(detail.data.timeline ?? []), ...more.items]) : [];
  return { detail, timeline, fresh, loadMore, hasMore: !!(more.cursor ?? detail.data?.nextCursor) };
}

function dedupe(items: Observation[]): Observation[] {
  const byId = new Map<string, Observation>();
  for (const o of items) if (!byId.has(o.id)) byId.set(o.id, o);
  return [...byId.values()];
}
