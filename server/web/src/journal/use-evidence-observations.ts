// Evidence may point at observations outside the loaded timeline pages (older
// ones, or ones now outside the journal's scope). Fetch those by id, a few at
// a time, so every evidence line can show what it is.
import { useEffect, useMemo, useState } from "preact/hooks";
import type { Api } from "../api/client.ts";
import type { Insight, Observation } from "../api/types.ts";

const PARALLEL = 6;

export function useEvidenceObservations(
  api: Api,
  insights: readonly Insight[],
  loaded: ReadonlyMap<string, Observation>,
): ReadonlyMap<string, Observation> {
  const [extra, setExtra] = useState<ReadonlyMap<string, Observation>>(new Map());
  const [failed] = useState(() => new Set<string>());
  const missing = useMemo(() => {
    const ids = new Set<string>();
    for (const i of insights) for (const e of i.evidence ?? []) ids.add(e.observationId);
    return [...ids].filter((x) => !loaded.has(x) && !extra.has(x) && !failed.has(x));
  }, [insights, loaded, extra, failed]);

  useEffect(() => {
    if (missing.length === 0) return;
    let cancelled = false;
    const queue = [...missing];
    const found: Observation[] = [];
    const worker = async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        try {
          found.push(await api.observation(id));
        } catch {
          failed.add(id);
        }
      }
    };
    void Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker)).then(() => {
      if (cancelled) return;
      setExtra((m) => new Map([...m, ...found.map((o) => [o.id, o] as const)]));
    });
    return () => {
      cancelled = true;
    };
  }, [api, missing, failed]);

  return useMemo(() => (extra.size ? new Map([...loaded, ...extra]) : loaded), [loaded, extra]);
}
