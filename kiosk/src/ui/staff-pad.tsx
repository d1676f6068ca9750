// Staff mode: the observation pad. One tap on a behaviour = one observation
// committed to IndexedDB (through the worker) before anything confirms it;
// then "Saved · Undo" for 8 s in a strip of its own under the top bar, which
// never covers a button (undo = two presses, then an `obs.delete` tombstone
// that syncs).
// A tablet a manager revoked refuses taps (nothing new is queued that could
// never be sent) and says why, instead of confirming them.
import { uuidv7 } from "@sightline/shared/ids";
import type { Store } from "@sightline/shared/schema/config";
import { isDeviceRevoked } from "@sightline/shared/sync/device-revoked";
import { useEffect, useState } from "preact/hooks";
import { measureSince, startOf, TAP_DURABLE } from "../core/latency.ts";
import { dayKey } from "../core/local-time.ts";
import { storeTapFields } from "../core/observation-fields.ts";
import type { Segment } from "../core/segments.ts";
import { bump, type Tally, total } from "../core/tally.ts";
import { type BehaviourDef, BehaviourGrid } from "./behaviour-grid.tsx";
import { DetailsPanel } from "./details-panel.tsx";
import { DwellTimer } from "./dwell-timer.tsx";
import { storeLabel, useI18n } from "./i18n.tsx";
import { useKiosk } from "./kiosk-context.ts";
import { RevokedNotice } from "./revoked-notice.tsx";
import { SegmentPicker } from "./segment-picker.tsx";
import { StaffAlerts } from "./staff-alerts.tsx";
import { Toast, type ToastProps } from "./toast.tsx";
import { TopBar } from "./top-bar.tsx";
import { useNow } from "./use-now.ts";
import { useSetting } from "./use-setting.ts";
import { useIdle } from "./use-unattended.ts";

export const UNDO_MS = 8000;
const NOTICE_MS = 3000;

type Tap = {
  behaviour: string;
  zone: string | null;
  segment: Segment;
  note: string;
  needs: string[];
};

type ToastState =
  | { kind: "saved"; id: string; label: string; behaviour: string | null }
  | { kind: "undone"; label: string }
  | { kind: "error"; detail: string }
  | { kind: "refused" };

export type StaffPadProps = {
  store: Store;
  onCustomerMode(): void;
  onDevice(): void;
  /** Set while a manager has revoked this tablet: how many unsent changes it keeps. */
  revoked?: { unsynced: number } | null | undefined;
  /** No touch for this long clears zone and segment (0 or absent: never). */
  contextIdleMs?: number | undefined;
};

export function StaffPad({
  store,
  onCustomerMode,
  onDevice,
  revoked,
  contextIdleMs = 0,
}: StaffPadProps) {
  const { t, locale } = useI18n();
  const { api, platform } = useKiosk();
  const [zoneSetting, setZone] = useSetting<string | null>("kiosk.zone", null);
  const [segment, setSegment] = useSetting<Segment>("kiosk.segment", {});
  const [note, setNote] = useState("");
  const [needs, setNeeds] = useState<string[]>([]);
  const [tally, setTally] = useState<Tally>({});
  const [last, setLast] = useState<Tap | null>(null);
  const [toast, setToast] = useState<ToastState | null>(null);
  const zone = zoneSetting && store.zones.includes(zoneSetting) ? zoneSetting : null;
  // Left alone, the pad forgets zone and segment: they never carry to the next shopper.
  useIdle(contextIdleMs, () => {
    setZone(null);
    setSegment({});
  });
  const today = dayKey(useNow(60_000), store.timeZone);

  useEffect(() => {
    let live = true;
    api.tally(today, store.timeZone).then((t) => live && setTally(t));
    return () => {
      live = false;
    };
  }, [api, today, store.timeZone]);

  useEffect(() => {
    if (!toast) return;
    const h = setTimeout(() => setToast(null), toast.kind === "saved" ? UNDO_MS : NOTICE_MS);
    return () => clearTimeout(h);
  }, [toast]);

  const labelOf = (code: string) => {
    const def = store.behaviours.find((b) => b.code === code);
    return def ? storeLabel(def, locale) : code;
  };
  const fail = (e: unknown) =>
    setToast(
      isDeviceRevoked(e)
        ? { kind: "refused" }
        : { kind: "error", detail: e instanceof Error ? e.message : String(e) },
    );

  async function commit(tap: Tap, start: number, fresh: boolean) {
    const at = platform.now();
    const id = uuidv7(at);
    const label = labelOf(tap.behaviour);
    const fields = storeTapFields({
      storeId: store.id,
      at,
      what: label,
      ...tap,
      zone: tap.zone ?? undefined,
    });
    try {
      await api.write({ op: "obs.create", id, fields });
    } catch (e) {
      fail(e);
      return;
    }
    measureSince(TAP_DURABLE, start);
    setTally((t) => bump(t, tap.behaviour, 1));
    setLast(tap);
    if (fresh && (tap.note || tap.needs.length > 0)) {
      setNote("");
      setNeeds([]);
    }
    setToast({ kind: "saved", id, label, behaviour: tap.behaviour });
  }

  const onTap = (b: BehaviourDef, e: Event) =>
    void commit({ behaviour: b.code, zone, segment, note: note.trim(), needs }, startOf(e), true);

  async function undo(s: Extract<ToastState, { kind: "saved" }>) {
    setToast(null);
    try {
      await api.write({ op: "obs.delete", id: s.id });
    } catch (e) {
      fail(e);
      return;
    }
    if (s.behaviour) setTally((t) => bump(t, s.behaviour as string, -1));
    setToast({ kind: "undone", label: s.label });
  }

  function toastProps(): ToastProps {
    switch (toast?.kind) {
      case "saved": {
        const s = toast;
        return {
          message: t("pad.saved", { label: s.label }),
          undo: {
            label: s.label,
            onUndo: () => void undo(s),
            // Asking "Undo …?" gives the full time again to answer.
            onArm: () => setToast((cur) => (cur === s ? { ...s } : cur)),
          },
        };
      }
      case "undone":
        return { tone: "info", message: t("pad.undone", { label: toast.label }) };
      case "error":
        return { tone: "error", message: t("pad.notSaved", { detail: toast.detail }) };
      case "refused":
        return { tone: "error", message: t("revoked.tapRefused") };
      default:
        return {};
    }
  }
  const toastKey = toast?.kind === "saved" ? toast.id : (toast?.kind ?? "none");

  return (
    <div class="screen screen--staff">
      <TopBar title={t("mode.staff")} subtitle={store.name}>
        <button type="button" class="button button--quiet" onClick={onDevice}>
          {t("mode.settings")}
        </button>
        <button
          type="button"
          class="button button--accent"
          data-testid="customer-mode"
          onClick={onCustomerMode}
        >
          {t("mode.enterFeedback")}
        </button>
      </TopBar>
      {revoked ? <RevokedNotice unsynced={revoked.unsynced} /> : null}
      {revoked ? null : <StaffAlerts />}
      <Toast key={toastKey} {...toastProps()} />
      <main class="pad">
        <aside class="pad__context">
          <SegmentPicker
            zones={store.zones}
            zone={zone}
            segment={segment}
            onZone={setZone}
            onSegment={setSegment}
          />
          <DetailsPanel note={note} needs={needs} onNote={setNote} onNeeds={setNeeds} />
        </aside>
        <section class="pad__main">
          <div class="pad__head">
            <div>
              <h2 class="section-title">{t("pad.behaviours")}</h2>
              <span class="pad__total" data-testid="today-total">
                {t("pad.today", { count: total(tally) })}
              </span>
            </div>
            <DwellTimer
              storeId={store.id}
              zone={zone}
              segment={segment}
              onSaved={(id, label) => setToast({ kind: "saved", id, label, behaviour: null })}
              onError={fail}
            />
            <button
              type="button"
              class="button repeat"
              disabled={!last}
              data-testid="repeat-last"
              onClick={(e) => last && void commit(last, startOf(e), false)}
            >
              {last
                ? t("pad.repeat", {
                    label: [labelOf(last.behaviour), last.zone].filter(Boolean).join(" · "),
                  })
                : t("pad.repeatNone")}
            </button>
          </div>
          {store.behaviours.length === 0 ? <p class="empty">{t("pad.noConfig")}</p> : null}
          <BehaviourGrid behaviours={store.behaviours} tally={tally} onTap={onTap} />
        </section>
      </main>
    </div>
  );
}
