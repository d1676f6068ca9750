// Re-read the open journal when a poke arrives, coalescing bursts of pokes
// (a kiosk pushing a batch) into one reload, and re-read after a reconnect.
import { useContext, useEffect, useRef, useState } from "preact/hooks";
import { type LiveState, subscribeLive } from "../api/live.ts";
import { ConnectionContext } from "../ui/use-online.ts";

export function useLiveReload(reload: () => void, delayMs = 400): LiveState {
  const [state, setState] = useState<LiveState>("connecting");
  const connection = useContext(ConnectionContext);
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wasDown = false;
    const off = subscribeLive({
      onState: (next) => {
        setState(next);
        // Pokes sent while the stream was down are lost: read once on reconnect.
        if (next === "offline") {
          // The stream dropped: is the server gone (then the offline banner shows)?
          if (!wasDown) void connection.check();
          wasDown = true;
        } else if (next === "live" && wasDown) {
          wasDown = false;
          reloadRef.current();
        }
      },
      onPoke: () => {
        clearTimeout(timer);
        timer = setTimeout(() => reloadRef.current(), delayMs);
      },
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [delayMs, connection]);
  return state;
}
