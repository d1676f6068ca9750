// "Deleted — Undo": the deletion is held back for a few seconds and only then
// sent, so Undo simply cancels it (nothing to restore on the server). The
// item leaves the screen at once; a failed delete puts it back with the
// reason.
import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { useI18n } from "../i18n/i18n.tsx";

export const UNDO_MS = 8000;

type Pending = {
  id: string;
  message: string;
  commit: () => Promise<void>;
  undo: () => void;
};

export function useUndoQueue(onError: (e: unknown) => void, delayMs = UNDO_MS) {
  const [pending, setPending] = useState<Pending[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const commits = useRef(new Map<string, () => Promise<void>>());

  const settle = useCallback(
    (id: string) => {
      clearTimeout(timers.current.get(id));
      timers.current.delete(id);
      const commit = commits.current.get(id);
      commits.current.delete(id);
      setPending((p) => p.filter((x) => x.id !== id));
      if (commit) void commit().catch(onError);
    },
    [onError],
  );

  const push = useCallback(
    (p: Pending) => {
      commits.current.set(p.id, p.commit);
      setPending((list) => [...list.filter((x) => x.id !== p.id), p]);
      timers.current.set(
        p.id,
        setTimeout(() => settle(p.id), delayMs),
      );
    },
    [settle, delayMs],
  );

  const undo = useCallback((id: string) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    commits.current.delete(id);
    setPending((list) => {
      list.find((x) => x.id === id)?.undo();
      return list.filter((x) => x.id !== id);
    });
  }, []);

  // Leaving the page sends what is still held back (the user did delete it).
  useEffect(() => {
    const flush = () => {
      for (const id of [...commits.current.keys()]) settle(id);
    };
    addEventListener("pagehide", flush);
    return () => {
      removeEventListener("pagehide", flush);
      flush();
    };
  }, [settle]);

  return { pending, push, undo, dismiss: settle };
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
        <div key={p.id} class="toast">
          <span class="toast-text">{p.message}</span>
          <button type="button" class="btn small" onClick={() => onUndo(p.id)}>
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
