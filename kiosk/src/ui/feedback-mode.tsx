// Customer feedback mode (kiosk lock): question → four faces → optional
// reasons → thank-you → back to the start. The answer is written once, when
// it is complete; a customer who walks away mid-answer is reset after 20 s
// idle and the answer is kept with the reasons tapped so far plus "timeout". Leaving the mode
// needs the staff PIN. The customer's language never sticks: it goes back to
// the kiosk's language at every reset. A face pressed but not yet written is
// also kept in the settings: if the page dies mid-answer (reload, crash), the
// next start writes it with reason "timeout" under the same id.
// A tablet a manager revoked shows customers a neutral "out of service,
// please ask staff" screen; staff still leave with the PIN. Customers never
// see sync details (status, re-pair notices, Sync now: the staff view's).
// Browser Back is trapped; the PIN lockout survives a reload.

import { createTranslator } from "@sightline/shared/i18n/translate";
import { uuidv7 } from "@sightline/shared/ids";
import type { Store } from "@sightline/shared/schema/config";
import { isDeviceRevoked } from "@sightline/shared/sync/device-revoked";
import type { Locale } from "@sightline/shared/vocabulary/label";
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { createIdleTimer, FEEDBACK_IDLE_MS } from "../core/idle-timer.ts";
import { FEEDBACK_DURABLE, measureSince, startOf } from "../core/latency.ts";
import { feedbackFields } from "../core/observation-fields.ts";
import { createPinThrottle } from "../core/pin-throttle.ts";
import { TIMEOUT_REASON } from "../core/segments.ts";
import type { SuspectRule } from "../core/suspect.ts";
import type { KioskStatus } from "../worker/api.ts";
import type { Rating } from "./face.tsx";
import { FaceDefs } from "./face.tsx";
import { FaceQuestion } from "./face-question.tsx";
import { catalog, I18nProvider, type Key } from "./i18n.tsx";
import { useKiosk } from "./kiosk-context.ts";
import { OutOfService } from "./out-of-service.tsx";
import { PinPrompt } from "./pin-prompt.tsx";
import { ReasonScreen } from "./reason-screen.tsx";
import { ThankYou } from "./thank-you.tsx";
import { TopBar } from "./top-bar.tsx";

export const THANKS_MS = 3500;

/** The reasons of an answer left unfinished: what was tapped, then "timeout". */
const walkAway = (chosen: readonly string[]) => [
  ...chosen.filter((c) => c !== TIMEOUT_REASON),
  TIMEOUT_REASON,
];

type Answer = {
  id: string;
  rating: Rating;
  at: number;
  suspect: boolean;
  start: number;
  /** The reasons tapped so far (kept as they are tapped). */
  reasons?: string[];
};
const PENDING = "kiosk.pendingAnswer";
/** Wrong PINs and the lockout, kept across reloads. */
export const PIN_THROTTLE = "kiosk.pinThrottle";
type Step = { kind: "question" } | { kind: "reasons"; answer: Answer } | { kind: "thanks" };

export type FeedbackModeProps = {
  store: Store;
  status: KioskStatus;
  /** The kiosk's language (staff's choice); the customer's choice resets to it. */
  kioskLocale: Locale;
  suspectRule: SuspectRule;
  onExit(): void;
};

export function FeedbackMode({
  store,
  status,
  kioskLocale,
  suspectRule,
  onExit,
}: FeedbackModeProps) {
  const { api, platform } = useKiosk();
  const [locale, setLocale] = useState<Locale>(kioskLocale);
  const [step, setStep] = useState<Step>({ kind: "question" });
  const [reasons, setReasons] = useState<string[]>([]);
  const [pinOpen, setPinOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const throttle = useMemo(
    () =>
      createPinThrottle(5, 30_000, {
        get: () => platform.settings.get(PIN_THROTTLE),
        set: (v) => platform.settings.set(PIN_THROTTLE, v),
      }),
    [platform],
  );
  const saving = useRef(false);

  const t = useMemo(() => createTranslator(catalog, locale), [locale]);
  const revoked = status.sync === "unauthorized";
  const question = (locale === "en" ? store.feedbackQuestion.en : store.feedbackQuestion.vi).trim();
  const shownQuestion = question || t("fb.questionDefault");

  const reset = useCallback(() => {
    setStep({ kind: "question" });
    setReasons([]);
    setLocale(kioskLocale);
    setPinOpen(false);
  }, [kioskLocale]);

  /** Write the answer; true once it is durable. */
  async function save(answer: Answer, chosen: string[]): Promise<boolean> {
    if (saving.current) return false;
    saving.current = true;
    setBusy(true);
    let keep = false;
    const kt = createTranslator(catalog, kioskLocale);
    const needs = chosen
      .map((c) => store.reasons.find((r) => r.code === c)?.need)
      .filter((n): n is NonNullable<typeof n> => Boolean(n));
    try {
      await api.write({
        op: "obs.create",
        id: answer.id,
        fields: feedbackFields({
          storeId: store.id,
          at: answer.at,
          rating: answer.rating,
          what: kt("fb.what", { rating: answer.rating, face: kt(`face.${answer.rating}` as Key) }),
          question: shownQuestion,
          reasons: chosen,
          needs,
          suspect: answer.suspect,
        }),
      });
      measureSince(FEEDBACK_DURABLE, answer.start);
      return true;
    } catch (e) {
      // A LocalWriteError "conflict" on recovery means the answer was already written.
      console.error("feedback not saved", e);
      // Refused by a revoked tablet: keep it pending, the next start after re-admission writes it.
      if (isDeviceRevoked(e)) keep = true;
      return false;
    } finally {
      if (!keep) platform.settings.set(PENDING, null);
      saving.current = false;
      setBusy(false);
    }
  }

  const finish = async (answer: Answer, chosen: string[]) => {
    await save(answer, chosen);
    setReasons([]);
    setStep({ kind: "thanks" });
  };

  const onFace = (rating: Rating, e: Event) => {
    const at = platform.now();
    const answer = { id: uuidv7(at), rating, at, suspect: suspectRule.tap(at), start: startOf(e) };
    platform.settings.set(PENDING, JSON.stringify(answer));
    if (store.reasons.length > 0) {
      setReasons([]);
      setStep({ kind: "reasons", answer });
    } else void finish(answer, []);
  };

  // An answer left unfinished by a page that died: the customer is gone.
  // (Runs once, at start.)
  useEffect(() => {
    const raw = platform.settings.get(PENDING);
    if (!raw) return;
    try {
      const answer = JSON.parse(raw) as Answer;
      void save({ ...answer, start: startOf() }, walkAway(answer.reasons ?? []));
    } catch {
      platform.settings.set(PENDING, null);
    }
  }, []);

  // Idle reset: whatever is on screen, 20 s without a touch goes back to the
  // start; an unfinished answer is kept with the reserved reason "timeout".
  const onIdle = useRef(() => {});
  onIdle.current = () => {
    if (step.kind === "reasons") void save(step.answer, walkAway(reasons));
    reset();
  };
  const idle = useMemo(
    () => createIdleTimer({ ms: FEEDBACK_IDLE_MS, onIdle: () => onIdle.current() }),
    [],
  );
  const pristine = step.kind === "question" && locale === kioskLocale && !pinOpen;
  // Re-armed on every change of what is on screen.
  useEffect(() => {
    if (pristine) idle.disarm();
    else idle.arm();
  }, [pristine, step, reasons, locale, idle]);
  useEffect(() => () => idle.disarm(), [idle]);

  useEffect(() => {
    if (step.kind !== "thanks") return;
    const h = setTimeout(reset, THANKS_MS);
    return () => clearTimeout(h);
  }, [step, reset]);

  // Back never leaves customer mode: an entry of our own sits on top of the
  // history, and Back only pops it (and it is pushed again). Pushed again on
  // touches too: Chromium skips entries pushed without a user gesture.
  useEffect(() => {
    const trap = () => history.pushState({ sightlineKiosk: "feedback" }, "");
    const armed = () => (history.state as { sightlineKiosk?: string } | null)?.sightlineKiosk;
    trap();
    const onPop = () => trap();
    const onTouch = () => {
      if (!armed()) trap();
    };
    window.addEventListener("popstate", onPop);
    document.addEventListener("pointerdown", onTouch, true);
    return () => {
      window.removeEventListener("popstate", onPop);
      document.removeEventListener("pointerdown", onTouch, true);
    };
  }, []);

  // No long-press menus for customers.
  useEffect(() => {
    const block = (e: Event) => e.preventDefault();
    document.addEventListener("contextmenu", block);
    return () => document.removeEventListener("contextmenu", block);
  }, []);

  // Keep the screen on while customers may walk up.
  useEffect(() => {
    void platform.wakeLock.acquire();
    const again = () => {
      if (document.visibilityState === "visible") void platform.wakeLock.acquire();
    };
    document.addEventListener("visibilitychange", again);
    return () => {
      document.removeEventListener("visibilitychange", again);
      void platform.wakeLock.release();
    };
  }, [platform]);

  return (
    <I18nProvider locale={locale} setLocale={setLocale}>
      <div class="screen screen--customer" data-testid="feedback-mode" data-step={step.kind}>
        <FaceDefs />
        <TopBar tone="customer" title={store.name} />
        <main class="feedback">
          {revoked ? (
            <OutOfService />
          ) : step.kind === "question" ? (
            <FaceQuestion question={shownQuestion} onFace={onFace} />
          ) : step.kind === "reasons" ? (
            <ReasonScreen
              rating={step.answer.rating}
              reasons={store.reasons}
              selected={reasons}
              busy={busy}
              onToggle={(c) => {
                const next = reasons.includes(c) ? reasons.filter((x) => x !== c) : [...reasons, c];
                setReasons(next);
                // Kept as tapped: a walk-away or a page death keeps the reason.
                platform.settings.set(PENDING, JSON.stringify({ ...step.answer, reasons: next }));
              }}
              onSend={() => void finish(step.answer, reasons)}
              onSkip={() => void finish(step.answer, [])}
            />
          ) : (
            <ThankYou onDone={reset} />
          )}
        </main>
        <div class="feedback__footer">
          <button
            type="button"
            class="staff-exit"
            data-testid="staff-exit"
            onClick={() => setPinOpen(true)}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true" class="staff-exit__icon">
              <rect x="5" y="11" width="14" height="10" rx="2" />
              <path d="M8 11V8a4 4 0 0 1 8 0v3" />
            </svg>
            {t("fb.staff")}
          </button>
        </div>
        {pinOpen ? (
          <PinPrompt
            throttle={throttle}
            onActivity={() => idle.arm()}
            onCancel={() => setPinOpen(false)}
            onUnlock={() => {
              idle.disarm();
              // Staff took over mid-answer: keep it, as a walk-away.
              if (step.kind === "reasons") void save(step.answer, walkAway(reasons));
              onExit();
            }}
          />
        ) : null}
      </div>
    </I18nProvider>
  );
}
