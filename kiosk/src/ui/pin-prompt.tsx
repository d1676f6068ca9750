// The staff PIN keypad that unlocks customer feedback mode. Checked by the
// worker against the salted hash; five wrong PINs lock it for 30 s, with a
// countdown on screen (the lock is kept across reloads by the throttle).
import { useEffect, useState } from "preact/hooks";
import type { PinThrottle } from "../core/pin-throttle.ts";
import { useI18n } from "./i18n.tsx";
import { useKiosk } from "./kiosk-context.ts";

export type PinPromptProps = {
  throttle: PinThrottle;
  onUnlock(): void;
  onCancel(): void;
  /** Any key press (keeps the idle reset away while staff type). */
  onActivity(): void;
};

const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "del", "0", "ok"] as const;

export function PinPrompt({ throttle, onUnlock, onCancel, onActivity }: PinPromptProps) {
  const { t } = useI18n();
  const { api, platform } = useKiosk();
  const [pin, setPin] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, setTick] = useState(0);
  const lockedMs = throttle.lockedFor(platform.now());
  const locked = lockedMs > 0;
  // While locked, a countdown that moves every second.
  useEffect(() => {
    if (!locked) return;
    const h = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(h);
  }, [locked]);

  const submit = async () => {
    const wait = throttle.lockedFor(platform.now());
    if (wait > 0) {
      setMessage(t("pin.locked", { seconds: Math.ceil(wait / 1000) }));
      setPin("");
      return;
    }
    setBusy(true);
    const ok = await api.checkPin(pin).catch(() => false);
    setBusy(false);
    setPin("");
    if (ok) {
      throttle.succeeded();
      onUnlock();
      return;
    }
    throttle.failed(platform.now());
    const locked = throttle.lockedFor(platform.now());
    setMessage(
      locked > 0 ? t("pin.locked", { seconds: Math.ceil(locked / 1000) }) : t("pin.wrong"),
    );
  };

  const press = (k: (typeof KEYS)[number]) => {
    onActivity();
    if (k === "ok") return void submit();
    setMessage(null);
    if (k === "del") setPin((p) => p.slice(0, -1));
    else setPin((p) => (p.length < 8 ? p + k : p));
  };

  return (
    <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="pin-title">
      <div class="dialog pin-prompt">
        <h2 id="pin-title" class="dialog__title">
          {t("pin.title")}
        </h2>
        <p class="visually-hidden" aria-live="polite">
          {t("pin.digits", { count: pin.length })}
        </p>
        <div class="pin-prompt__dots" aria-hidden="true">
          {Array.from({ length: Math.max(4, pin.length) }, (_, i) => (
            <span key={i} class={`pin-dot${i < pin.length ? " pin-dot--on" : ""}`} />
          ))}
        </div>
        <p
          class="pin-prompt__message"
          role="alert"
          data-testid="pin-message"
          data-locked={locked ? "true" : "false"}
        >
          {locked
            ? t("pin.locked", { seconds: Math.ceil(lockedMs / 1000) })
            : (message ?? "\u00a0")}
        </p>
        <div class="keypad">
          {KEYS.map((k) => (
            <button
              key={k}
              type="button"
              class={`key key--${k}`}
              data-testid={`pin-key-${k}`}
              disabled={busy || (k === "ok" && pin.length < 4)}
              aria-label={k === "del" ? t("pin.delete") : k === "ok" ? t("pin.unlock") : k}
              onClick={() => press(k)}
            >
              {k === "del" ? "⌫" : k === "ok" ? t("pin.unlock") : k}
            </button>
          ))}
        </div>
        <button type="button" class="button button--wide" onClick={onCancel}>
          {t("pin.cancel")}
        </button>
      </div>
    </div>
  );
}
