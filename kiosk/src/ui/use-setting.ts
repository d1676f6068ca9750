// A piece of UI state that survives a reload (kept in platform.settings).
import { useCallback, useState } from "preact/hooks";
import { useKiosk } from "./kiosk-context.ts";

export function useSetting<V>(
  key: string,
  initial: V,
  parse: (raw: string) => V | null = (raw) => JSON.parse(raw) as V,
): [V, (v: V) => void] {
  const { platform } = useKiosk();
  const [value, setValue] = useState<V>(() => {
    const raw = platform.settings.get(key);
    if (raw === null) return initial;
    try {
      return parse(raw) ?? initial;
    } catch {
      return initial;
    }
  });
  const set = useCallback(
    (v: V) => {
      setValue(v);
      platform.settings.set(key, v === null || v === undefined ? null : JSON.stringify(v));
    },
    [key, platform],
  );
  return [value, set];
}
