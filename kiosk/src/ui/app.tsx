// The kiosk's screens: pairing → (store settings) → staff pad ⇄ customer
// feedback mode. The mode survives a reload, so reloading never escapes the
// feedback lock. Sync triggers that only the page sees (visibility, online)
// are forwarded to the worker.
import type { Locale } from "@sightline/shared/vocabulary/label";
import { useEffect, useMemo, useState } from "preact/hooks";
import { createSuspectRule } from "../core/suspect.ts";
import { DevicePanel } from "./device-panel.tsx";
import { FeedbackMode } from "./feedback-mode.tsx";
import { I18nProvider, useI18n } from "./i18n.tsx";
import { useKiosk } from "./kiosk-context.ts";
import { PairingScreen } from "./pairing-screen.tsx";
import { StaffPad } from "./staff-pad.tsx";
import { StatusStrip } from "./status-strip.tsx";
import { TopBar } from "./top-bar.tsx";
import { useSetting } from "./use-setting.ts";
import { useStatus } from "./use-status.ts";
import { useStoragePersistence, useWakeLock } from "./use-unattended.ts";

/** Minutes without a touch after which the pad clears zone and segment (0 = never). */
export const CONTEXT_IDLE_MIN = 10;

export type AppProps = { initialLocale: Locale };

export function App({ initialLocale }: AppProps) {
  const [locale, setLocale] = useSetting<Locale>("kiosk.locale", initialLocale, (raw) => {
    const v = JSON.parse(raw);
    return v === "vi" || v === "en" ? v : null;
  });
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <I18nProvider locale={locale} setLocale={setLocale}>
      <Screens />
    </I18nProvider>
  );
}

function Screens() {
  const { t, locale } = useI18n();
  const { api, platform } = useKiosk();
  const { status, error } = useStatus();
  const [mode, setMode] = useSetting<"staff" | "feedback">("kiosk.mode", "staff");
  const [staffWakeLock, setStaffWakeLock] = useSetting<boolean>("kiosk.staffWakeLock", true);
  const [contextIdleMin, setContextIdleMin] = useSetting<number>(
    "kiosk.contextIdleMin",
    CONTEXT_IDLE_MIN,
  );
  const persisted = useStoragePersistence();
  const [deviceOpen, setDeviceOpen] = useState(false);
  const suspectRule = useMemo(() => createSuspectRule(), []);

  useEffect(() => {
    const visible = () => {
      if (document.visibilityState === "visible") void api.requestSync("visible");
    };
    const online = () => void api.requestSync("online");
    document.addEventListener("visibilitychange", visible);
    window.addEventListener("online", online);
    return () => {
      document.removeEventListener("visibilitychange", visible);
      window.removeEventListener("online", online);
    };
  }, [api]);

  const paired = status?.paired ?? null;
  useEffect(() => {
    if (paired !== false) return;
    setDeviceOpen(false);
    setMode("staff");
    // Zone and segment belong to the shopper in front of the last pairing.
    platform.settings.set("kiosk.zone", null);
    platform.settings.set("kiosk.segment", null);
  }, [paired, setMode, platform]);
  // The screen stays on in customer mode, and in staff mode when the setting says so.
  useWakeLock(paired === true && (mode === "feedback" || staffWakeLock), mode);

  if (error) return <p class="splash splash--error">{t("app.failed", { detail: error })}</p>;
  if (!status) return <p class="splash">{t("app.loading")}</p>;
  if (!status.paired) return <PairingScreen />;

  const store = status.config?.store;
  if (!store) {
    return (
      <div class="screen">
        <TopBar title={t("app.name")} />
        <main class="splash">{t("pair.waitingConfig")}</main>
        <StatusStrip status={status} />
      </div>
    );
  }

  if (mode === "feedback") {
    return (
      <FeedbackMode
        store={store}
        status={status}
        kioskLocale={locale}
        suspectRule={suspectRule}
        onExit={() => setMode("staff")}
      />
    );
  }
  return (
    <>
      <StaffPad
        store={store}
        onCustomerMode={() => setMode("feedback")}
        onDevice={() => setDeviceOpen(true)}
        revoked={status.sync === "unauthorized" ? { unsynced: status.unsynced } : null}
        contextIdleMs={contextIdleMin * 60_000}
      />
      <StatusStrip status={status} persisted={persisted} />
      {deviceOpen ? (
        <DevicePanel
          status={status}
          onClose={() => setDeviceOpen(false)}
          persisted={persisted}
          staffWakeLock={staffWakeLock}
          onStaffWakeLock={setStaffWakeLock}
          contextIdleMin={contextIdleMin}
          onContextIdleMin={setContextIdleMin}
        />
      ) : null}
    </>
  );
}
