import { useMemo, useState } from "preact/hooks";
import type { Settings } from "../../messages.ts";
import {
  useObservations,
  usePageState,
  useSettings,
  useStatus,
  useWatches,
  useWorkerEvents,
} from "../hooks.ts";
import { I18n, type Locale, translator } from "../i18n.ts";
import { CaptureBar } from "./CaptureBar.tsx";
import { EventPanel } from "./EventPanel.tsx";
import { ExportUnsent } from "./ExportUnsent.tsx";
import { ObservationForm } from "./ObservationForm.tsx";
import { PageView } from "./PageView.tsx";
import { RecentList } from "./RecentList.tsx";
import { RevokedNotice } from "./RevokedNotice.tsx";
import { SyncStatusBar } from "./SyncStatusBar.tsx";
import { WatchedList } from "./WatchControls.tsx";

/** Browser-specific actions, supplied by the page's main (they need user gestures). */
export type PanelActions = {
  requestSiteAccess(url: string | null): Promise<boolean>;
  openOptions(): void;
  /** Save a file to the downloads ("Export unsent data"). */
  download(name: string, text: string): void;
  openPanel?(): void;
  /** Popup: close once a gesture starts in the page. */
  gestureStarted?(): void;
  savePhoto(file: File): Promise<string | null>;
};

export type PanelAppProps = {
  /** The popup: capture buttons, status and the latest captures only. */
  compact?: boolean;
  /** Pin to one tab (`panel.html?tab=<id>`); default: follow the active tab. */
  tabId?: number | undefined;
  actions: PanelActions;
};

type View = "page" | "recent" | "watched" | "event";

/** The side panel (and, compact, the popup). */
export function PanelApp({ compact = false, tabId, actions }: PanelAppProps) {
  const [settings, updateSettings] = useSettings();
  const [status, syncNow] = useStatus();
  const [page] = usePageState(tabId);
  const [view, setView] = useState<View | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const pageObs = useObservations(page?.url ? { pageUrl: page.url, limit: 200 } : null);
  const edited = useObservations(editing ? { id: editing } : null);
  const { config } = useObservations({ limit: 1 });
  const watches = useWatches();
  useWorkerEvents((e) => {
    if (e.type === "ui.captured") setEditing(e.id);
  }, []);

  const locale: Locale = settings?.locale ?? "vi";
  const i18n = useMemo(() => ({ t: translator(locale), locale }), [locale]);
  const { t } = i18n;
  const current: View = view ?? (settings?.eventMode.active ? "event" : "page");
  const observation = editing ? edited.items.find((o) => o.id === editing) : undefined;
  const toggleLocale = () =>
    void updateSettings({ locale: locale === "vi" ? "en" : "vi" } as Partial<Settings>);

  return (
    <I18n.Provider value={i18n}>
      <div class={compact ? "app compact" : "app"}>
        <header class="top">
          <h1>{t("app.name")}</h1>
          <button type="button" class="link" onClick={toggleLocale} data-testid="locale-toggle">
            {t("lang.toggle")}
          </button>
          {actions.openPanel && (
            <button type="button" class="link" onClick={actions.openPanel}>
              {t("panel.open")}
            </button>
          )}
          <button type="button" class="link" onClick={actions.openOptions}>
            {t("options.open")}
          </button>
        </header>
        <SyncStatusBar status={status} onSync={() => void syncNow()} />
        {status && !status.paired && <p class="notice">{t("panel.notPaired")}</p>}
        {status?.state === "unauthorized" && (
          <>
            <RevokedNotice status={status} />
            {status.unsynced > 0 && <ExportUnsent download={actions.download} />}
            <button type="button" onClick={actions.openOptions} data-testid="open-reconnect">
              {t("reconnect.button")}
            </button>
          </>
        )}
        <CaptureBar
          tabId={tabId}
          requestSiteAccess={() => actions.requestSiteAccess(page?.url ?? null)}
          onCaptured={setEditing}
          onGestureStarted={actions.gestureStarted}
        />
        {observation && (
          <ObservationForm
            observation={observation}
            config={config}
            onClose={() => setEditing(null)}
          />
        )}
        <div class="tabs" role="tablist">
          {(compact
            ? (["page", "recent", "event"] as const)
            : (["page", "recent", "watched", "event"] as const)
          ).map((v) => (
            <button
              type="button"
              role="tab"
              key={v}
              aria-selected={current === v}
              class={current === v ? "tab on" : "tab"}
              onClick={() => setView(v)}
              data-testid={`tab-${v}`}
            >
              {t(`tab.${v}`)}
            </button>
          ))}
        </div>
        {current === "page" && (
          <PageView
            page={page}
            observations={pageObs.items}
            config={config}
            watches={watches.items}
            onEdit={setEditing}
          />
        )}
        {current === "watched" && <WatchedList items={watches.items} />}
        {current === "recent" && <RecentList onEdit={setEditing} limit={compact ? 5 : 50} />}
        {current === "event" && settings && (
          <EventPanel
            settings={settings}
            config={config}
            updateSettings={updateSettings}
            savePhoto={actions.savePhoto}
          />
        )}
      </div>
    </I18n.Provider>
  );
}
