// Re-read the open journal when a poke arrives, coalescing bursts of pokes
// (a kiosk pushing a batch) into one reload.
import { useEffect, useRef, useState } from "preact/hooks";
import { type LiveState, subscribeLive } from "../api/live.ts";

export function useLiveReload(reload: () => void, delayMs = 400): LiveState {
  const [state, setState] = useState<LiveState>("connecting");
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = subscribeLive({
      onState: setState,
      onPoke: () => {
        clearTimeout(timer);
        timer = setTimeout(() => reloadRef.current(), delayMs);
      },
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [delayMs]);
  return state;
}
