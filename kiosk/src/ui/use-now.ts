// A clock that re-renders every `everyMs` while mounted (ages, dwell timer).
import { useEffect, useState } from "preact/hooks";
import { useKiosk } from "./kiosk-context.ts";

export function useNow(everyMs: number, enabled = true): number {
  const { platform } = useKiosk();
  const [now, setNow] = useState(() => platform.now());
  useEffect(() => {
    if (!enabled) return;
    setNow(platform.now());
    const h = setInterval(() => setNow(platform.now()), everyMs);
    return () => clearInterval(h);
  }, [everyMs, enabled, platform]);
  return now;
}
