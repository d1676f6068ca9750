// The confirmation at the bottom of the pad: "Saved: Browsed · Undo".
// Shown only after the write is durable; the parent times it out.
export type ToastProps = {
  message: string;
  tone?: "ok" | "error" | "info";
  actionLabel?: string | undefined;
  onAction?: (() => void) | undefined;
};

export function Toast({ message, tone = "ok", actionLabel, onAction }: ToastProps) {
  return (
    <div class={`toast toast--${tone}`} role="status" aria-live="polite" data-testid="toast">
      <span class="toast__message">{message}</span>
      {actionLabel && onAction ? (
        <button type="button" class="toast__action" onClick={onAction}>
          {actionLabel}
        </button>
      ) : null}
    </div>
  );
}
