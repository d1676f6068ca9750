// A form's text kept in localStorage while it is typed, so a reload, a closed
// tab or a failed save never loses it; cleared once the server has it.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";

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

export function hasDraft(key: string): boolean {
  try {
    return globalThis.localStorage?.getItem(PREFIX + key) != null;
  } catch {
    return false;
  }
}

/**
 * `[value, set, clear]`: like useState, but the value survives reloads under
 * `key` (one key per form and journal/insight). `clear` drops the draft and
 * goes back to `initial`. A value equal to `initial` is not stored.
 */
export function useDraft<T>(
  key: string,
  initial: T,
): [T, (next: T | ((prev: T) => T)) => void, () => void] {
  const initialRef = useRef(initial);
  const [value, setValue] = useState<T>(() => read(key, initial));
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
  const clear = useCallback(() => {
    try {
      globalThis.localStorage?.removeItem(PREFIX + key);
    } catch {
      // nothing stored
    }
    setValue(initialRef.current);
  }, [key]);
  return [value, set, clear];
}
