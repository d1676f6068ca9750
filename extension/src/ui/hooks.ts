// Data hooks over the WorkerClient: each loads once, then reloads on the
// worker events that can change it.
import { useCallback, useEffect, useState } from "preact/hooks";
import type {
  ConfigView,
  ListFilter,
  ObservationView,
  PageStateView,
  Settings,
  SyncStatusView,
  UiEvent,
  WatchView,
} from "../messages.ts";
import { useClient } from "./client-context.ts";

export function useWorkerEvents(listener: (e: UiEvent) => void, deps: unknown[]): void {
  const client = useClient();
  useEffect(() => client.subscribe(listener), [client, ...deps]);
}

export function useStatus(): [SyncStatusView | null, () => Promise<void>] {
  const client = useClient();
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  useEffect(() => {
    void client.request({ type: "status.get" }).then(setStatus);
  }, [client]);
  useWorkerEvents((e) => {
    if (e.type === "ui.status") setStatus(e.status);
  }, []);
  const syncNow = useCallback(async () => {
    setStatus((s) => (s ? { ...s, state: "syncing" } : s));
    setStatus(await client.request({ type: "sync.now" }));
  }, [client]);
  return [status, syncNow];
}

export function useSettings(): [Settings | null, (patch: Partial<Settings>) => Promise<void>] {
  const client = useClient();
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void client.request({ type: "settings.get" }).then(setSettings);
  }, [client]);
  useWorkerEvents(
    (e) => {
      if (e.type === "ui.settings") void client.request({ type: "settings.get" }).then(setSettings);
    },
    [client],
  );
  const update = useCallback(
    async (patch: Partial<Settings>) =>
      setSettings(await client.request({ type: "settings.set", patch })),
    [client],
  );
  return [settings, update];
}

export function useObservations(filter: ListFilter | null): {
  items: ObservationView[];
  config: ConfigView;
  reload(): void;
} {
  const client = useClient();
  const [state, setState] = useState<{ items: ObservationView[]; config: ConfigView }>({
    items: [],
    config: { competitors: [], tags: [] },
  });
  const key = JSON.stringify(filter);
  const reload = useCallback(() => {
    if (!filter) return;
    void client.request({ type: "observations.list", filter }).then(setState);
  }, [client, key]);
  useEffect(reload, [reload]);
  useWorkerEvents(
    (e) => {
      if (e.type === "ui.observations") reload();
    },
    [reload],
  );
  return { ...state, reload };
}

export function usePageState(tabId: number | undefined): [PageStateView | null, () => void] {
  const client = useClient();
  const [state, setState] = useState<PageStateView | null>(null);
  const reload = useCallback(() => {
    void client
      .request({ type: "page.state", ...(tabId !== undefined ? { tabId } : {}) })
      .then(setState);
  }, [client, tabId]);
  useEffect(reload, [reload]);
  useWorkerEvents(
    (e) => {
      if (e.type === "ui.page" && (tabId === undefined || e.tabId === tabId)) reload();
    },
    [reload, tabId],
  );
  return [state, reload];
}

/** Watched pages, reloaded when the worker adds, removes or checks one. */
export function useWatches(): { items: WatchView[]; reload(): void } {
  const client = useClient();
  const [items, setItems] = useState<WatchView[]>([]);
  const reload = useCallback(() => {
    void client.request({ type: "watch.list" }).then((r) => setItems(r.items));
  }, [client]);
  useEffect(reload, [reload]);
  useWorkerEvents(
    (e) => {
      if (e.type === "ui.watches") reload();
    },
    [reload],
  );
  return { items, reload };
}
