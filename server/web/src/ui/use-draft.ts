// A form's text kept in localStorage while it is typed, so a reload, a closed
// tab or a failed save never loses it; cleared once the server has it. Keys
// are per signed-in person, so a shared browser never offers one person's
// draft to another.
import { useCallback, useContext, useEffect, useRef, useState } from "preact/hooks";
import { AppContext } from "../app-context.ts";

const PREFIX = "sightline.draft.";

function read<T>(key: string, initial: T): T {
  try {
    const raw = globalThis.localStorage?.getItem(PREFIX + key);
    if (raw === null || raw === undefined) return initial;
    const value = JSON.parse(raw) as unknown;
    // A stored draft only counts when it has the shape of the form's value.
    if (typeof initial === "object" && initial !== null) {
      return value && typeof value === "object" ? ({ ...initial, ...value } as T) : initial;
    }
    return typeof value === typeof initial ? (value as T) : initial;
  } catch {
    return initial;
  }
}

/** The storage key of a draft: per person when someone is signed in. */
export function draftKey(key: string, userId: string | undefined): string {
  return userId ? `${userId}.${key}` : key;
}

function stored(key: string): boolean {
  try {
    return globalThis.localStorage?.getItem(PREFIX + key) != null;
  } catch {
    return false;
  }
}

/**
 * `[value, set, clear, restored]`: like useState, but the value survives
 * reloads under `formKey` (one key per form and journal/insight). `clear`
 * drops the draft and goes back to `initial` — or, given `saved`, shows that
 * and takes it as the new `initial` (a form that stays open on what the
 * server now has); `restored` says a stored draft was read when the form
 * opened. A value equal to `initial` is not stored.
 */
export function useDraft<T>(
  formKey: string,
  initial: T,
): [T, (next: T | ((prev: T) => T)) => void, (...saved: [] | [T]) => void, boolean] {
  const key = draftKey(formKey, useContext(AppContext)?.user.id);
  const initialRef = useRef(initial);
  const [value, setValue] = useState<T>(() => read(key, initial));
  const [restored] = useState(() => stored(key));
  const keyRef = useRef(key);
  useEffect(() => {
    if (keyRef.current !== key) {
      keyRef.current = key;
      setValue(read(key, initialRef.current));
    }
  }, [key]);

  const set = useCallback(
    (next: T | ((prev: T) => T)) => {
      setValue((prev) => {
        const v = typeof next === "function" ? (next as (p: T) => T)(prev) : next;
        try {
          if (JSON.stringify(v) === JSON.stringify(initialRef.current))
            globalThis.localStorage?.removeItem(PREFIX + key);
          else globalThis.localStorage?.setItem(PREFIX + key, JSON.stringify(v));
        } catch {
          // storage full or private mode: the text still stays on screen
        }
        return v;
      });
    },
    [key],
  );
  const clear = useCallback(
    (...saved: [] | [T]) => {
      try {
        globalThis.localStorage?.removeItem(PREFIX + key);
      } catch {
        // nothing stored
      }
      if (saved.length) initialRef.current = saved[0];
      setValue(initialRef.current);
    },
    [key],
  );
  return [value, set, clear, restored];
}
