// The worker's status (paired, config, unsynced count, sync state), kept
// current by its subscription.
import { useEffect, useState } from "preact/hooks";
import type { KioskStatus } from "../worker/api.ts";
import { useKiosk } from "./kiosk-context.ts";

export function useStatus(): { status: KioskStatus | null; error: string | null } {
  const { api } = useKiosk();
  const [status, setStatus] = useState<KioskStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const update = (s: KioskStatus) => {
      if (live) setStatus(s);
    };
    api.subscribe(update).catch((e) => live && setError(String(e)));
    api
      .status()
      .then(update)
      .catch((e) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [api]);
  return { status, error };
}
