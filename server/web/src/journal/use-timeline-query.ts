// The timeline as the server's timeline query answers it: the first page for
// the current filters (search typed is debounced), further pages by cursor,
// the exact total, and which observations arrived since the last read (a
// live poke re-reads the first page; new ones are highlighted for a while).
import type { TimelineFilters, TimelineItem } from "@sightline/shared/schema/timeline";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { Api } from "../api/client.ts";

const FRESH_MS = 12_000;
const DEBOUNCE_MS = 250;

export type TimelineState = {
  items: TimelineItem[];
  total: number | undefined;
  relevance: boolean;
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  fresh: ReadonlySet<string>;
  loadMore: () => Promise<void>;
  reload: () => Promise<void>;
};

export function useTimelineQuery(
  api: Api,
  journalId: string,
  filters: TimelineFilters,
): TimelineState {
  const key = JSON.stringify(filters);
  const [items, setItems] = useState<TimelineItem[]>([]);
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [relevance, setRelevance] = useState(false);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(undefined);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const generation = useRef(0);
  const seen = useRef<Set<string> | null>(null);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  const first = useCallback(
    async (live: boolean) => {
      const mine = ++generation.current;
      setLoading(true);
      try {
        const page = await api.timeline(journalId, filtersRef.current);
        if (mine !== generation.current) return;
        const ranked = page.order === "relevance" || !!filtersRef.current.q;
        if (live && seen.current) {
          const arrived = page.items.filter((o) => !seen.current?.has(o.id)).map((o) => o.id);
          if (arrived.length) {
            setFresh(new Set(arrived));
            setTimeout(() => setFresh(new Set()), FRESH_MS);
          }
        }
        remember(seen, page.items);
        setItems((prev) => {
          // A live re-read keeps the older pages already loaded (newest-first order).
          if (!live || ranked) return page.items;
          const ids = new Set(page.items.map((o) => o.id));
          const lastNew = page.items.at(-1);
          const rest = prev.filter(
            (o) =>
              !ids.has(o.id) &&
              (!lastNew || Date.parse(o.capturedAt) <= Date.parse(lastNew.capturedAt)),
          );
          return [...page.items, ...rest];
        });
        if (!live) setCursor(page.nextCursor);
        else setCursor((c) => c ?? page.nextCursor);
        setTotal(page.total);
        setRelevance(ranked);
        setError(undefined);
      } catch (e) {
        if (mine === generation.current) setError(e);
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [api, journalId],
  );

  useEffect(() => {
    setLoading(true);
    const timer = setTimeout(() => void first(false), filtersRef.current.q ? DEBOUNCE_MS : 0);
    return () => clearTimeout(timer);
  }, [first, key]);

  const loadMore = useCallback(async () => {
    if (!cursor) return;
    const mine = generation.current;
    setLoading(true);
    try {
      const page = await api.timeline(journalId, filtersRef.current, { cursor });
      if (mine !== generation.current) return;
      remember(seen, page.items);
      setItems((prev) => {
        const ids = new Set(prev.map((o) => o.id));
        return [...prev, ...page.items.filter((o) => !ids.has(o.id))];
      });
      setCursor(page.nextCursor);
      setTotal(page.total);
      setError(undefined);
    } catch (e) {
      setError(e);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [api, journalId, cursor]);

  const reload = useCallback(() => first(true), [first]);
  return {
    items,
    total,
    relevance,
    loading,
    error,
    hasMore: !!cursor,
    fresh,
    loadMore,
    reload,
  };
}

function remember(seen: { current: Set<string> | null }, items: readonly { id: string }[]): void {
  const set = seen.current ?? new Set<string>();
  for (const o of items) set.add(o.id);
  seen.current = set;
}
