// The confirmation strip of the pad: "Saved: Browsed · Undo". It has a row
// of its own under the top bar, always there (empty when there is nothing to
// say), so it never covers a control and never moves the grid when it
// appears. Undo takes a deliberate second press: the first press only asks
// "Undo Browsed?", and the cancel button takes the place the Undo button had,
// so a quick double tap cancels rather than deletes.
// Shown only after the write is durable; the parent times it out.
import { useEffect, useState } from "preact/hooks";
import { useI18n } from "./i18n.tsx";

export type ToastProps = {
  message?: string | undefined;
  tone?: "ok" | "error" | "info";
  /** An undo offer: `label` names what would be undone. */
  undo?: { label: string; onUndo(): void; onArm?(): void } | undefined;
};

export function Toast({ message, tone = "ok", undo }: ToastProps) {
  const { t } = useI18n();
  const [armed, setArmed] = useState(false);
  // A new message disarms.
  useEffect(() => setArmed(false), [message]);
  return (
    <div class="confirm-strip" data-testid="confirm-strip">
      {message ? (
        <div
          class={`toast toast--${tone}${armed ? " toast--armed" : ""}`}
          role="status"
          aria-live="polite"
          data-testid="toast"
        >
          <span class="toast__message">
            {armed && undo ? t("pad.undoAsk", { label: undo.label }) : message}
          </span>
          {undo ? (
            armed ? (
              <span class="toast__actions">
                <button
                  type="button"
                  class="toast__action toast__action--danger"
                  data-testid="undo-confirm"
                  onClick={() => {
                    setArmed(false);
                    undo.onUndo();
                  }}
                >
                  {t("pad.undoConfirm")}
                </button>
                <button
                  type="button"
                  class="toast__action"
                  data-testid="undo-keep"
                  onClick={() => setArmed(false)}
                >
                  {t("pad.undoKeep")}
                </button>
              </span>
            ) : (
              <button
                type="button"
                class="toast__action"
                data-testid="undo"
                onClick={() => {
                  setArmed(true);
                  undo.onArm?.();
                }}
              >
                {t("pad.undo")}
              </button>
            )
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
