// "Deleted — Undo": the delete is sent at once (the server keeps it soft
// deleted), so nothing depends on this page staying open and other managers
// stop seeing the item straight away; Undo restores it on the server
// (POST …/restore). A failed delete puts the item back and says why; a
// failed restore keeps the toast with the reason in the user's language, and
// Undo tries again — the item is never silently lost or silently back.
import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { useI18n } from "../i18n/i18n.tsx";
import { problemText } from "./problem-text.ts";

export const UNDO_MS = 8000;

export type UndoEntry = {
  id: string;
  message: string;
  /** Sends the delete (called at once). */
  remove: () => Promise<void>;
  /** Undo: restores it on the server. */
  restore: () => Promise<void>;
  /** Puts the item back on screen (the delete failed, or it was restored). */
  show: () => void;
};

type Pending = UndoEntry & { restoring: boolean; error?: unknown };

export function useUndoQueue(onError: (e: unknown) => void, delayMs = UNDO_MS) {
  const [pending, setPending] = useState<Pending[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  /** Each entry's delete in flight (or done): Undo waits for it before restoring. */
  const removals = useRef(new Map<string, Promise<boolean>>());
  const live = useRef(true);
  const pendingRef = useRef(pending);
  pendingRef.current = pending;
  useEffect(
    () => () => {
      live.current = false;
      for (const t of timers.current.values()) clearTimeout(t);
    },
    [],
  );

  const drop = useCallback((id: string) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    removals.current.delete(id);
    if (live.current) setPending((list) => list.filter((x) => x.id !== id));
  }, []);

  const update = (id: string, patch: Partial<Pending>) =>
    live.current && setPending((list) => list.map((x) => (x.id === id ? { ...x, ...patch } : x)));

  const push = useCallback(
    (e: UndoEntry) => {
      setPending((list) => [...list.filter((x) => x.id !== e.id), { ...e, restoring: false }]);
      clearTimeout(timers.current.get(e.id));
      timers.current.set(
        e.id,
        setTimeout(() => drop(e.id), delayMs),
      );
      const removal = e.remove().then(
        () => true,
        (err: unknown) => {
          drop(e.id);
          e.show();
          onError(err);
          return false;
        },
      );
      removals.current.set(e.id, removal);
    },
    [drop, delayMs, onError],
  );

  const undo = useCallback(
    async (id: string) => {
      const entry = pendingRef.current.find((x) => x.id === id);
      if (!entry || entry.restoring) return;
      // A failed restore stays until the user retries or dismisses it.
      clearTimeout(timers.current.get(id));
      timers.current.delete(id);
      update(id, { restoring: true, error: undefined });
      if (!(await (removals.current.get(id) ?? Promise.resolve(true)))) return;
      try {
        await entry.restore();
        drop(id);
        entry.show();
      } catch (err) {
        update(id, { restoring: false, error: err });
      }
    },
    [drop],
  );
  return { pending, push, undo, dismiss: drop };
}

type ToastsProps = {
  pending: readonly Pending[];
  onUndo: (id: string) => void;
  onDismiss: (id: string) => void;
  children?: ComponentChildren;
};

export function UndoToasts({ pending, onUndo, onDismiss }: ToastsProps) {
  const { t } = useI18n();
  if (pending.length === 0) return null;
  return (
    <div class="toasts" role="status" aria-live="polite">
      {pending.map((p) => (
        <div key={p.id} class="toast" data-failed={p.error ? "" : undefined}>
          <span class="toast-text">
            {p.message}
            {p.error !== undefined && (
              <span class="toast-error" role="alert">
                {" "}
                {t("undo.failed", { reason: problemText(p.error, t).title })}
              </span>
            )}
          </span>
          <button
            type="button"
            class="btn small"
            disabled={p.restoring}
            onClick={() => onUndo(p.id)}
          >
            {t("undo.undo")}
          </button>
          <button
            type="button"
            class="icon-btn"
            aria-label={t("undo.dismiss")}
            onClick={() => onDismiss(p.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
