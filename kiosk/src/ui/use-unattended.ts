// What keeps an unattended tablet in shape: the screen kept on, the browser
// asked (on every launch, until it agrees) not to evict the kiosk's storage,
// and a callback after a period with no touch (zone and segment are cleared
// then, so they do not carry to the next shopper).
import { useEffect, useRef, useState } from "preact/hooks";
import { useKiosk } from "./kiosk-context.ts";

/**
 * Holds the screen wake lock while `active` (again after the page was hidden).
 * A change of `key` releases and takes it again: the parent's effect runs
 * after its children's, so a screen that releases on unmount never leaves
 * the lock released.
 */
export function useWakeLock(active: boolean, key?: string): void {
  const { platform } = useKiosk();
  useEffect(() => {
    if (!active) return;
    void platform.wakeLock.acquire();
    const again = () => {
      if (document.visibilityState === "visible") void platform.wakeLock.acquire();
    };
    document.addEventListener("visibilitychange", again);
    return () => {
      document.removeEventListener("visibilitychange", again);
      void platform.wakeLock.release();
    };
  }, [active, platform, key]);
}

/**
 * Whether the storage is persistent (null until known). Asks
 * navigator.storage.persist() at every launch while it is not granted yet —
 * browsers grant it later (installed app, site engagement).
 */
export function useStoragePersistence(): boolean | null {
  const { platform } = useKiosk();
  const [persisted, setPersisted] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      let ok = await platform.persisted().catch(() => false);
      if (!ok) ok = await platform.persistStorage().catch(() => false);
      if (live) setPersisted(ok);
    })();
    return () => {
      live = false;
    };
  }, [platform]);
  return persisted;
}

/** Calls `onIdle` once after `ms` without a touch or key (ms ≤ 0: never). */
export function useIdle(ms: number, onIdle: () => void): void {
  const cb = useRef(onIdle);
  cb.current = onIdle;
  useEffect(() => {
    if (!(ms > 0)) return;
    let h = setTimeout(() => cb.current(), ms);
    const touch = () => {
      clearTimeout(h);
      h = setTimeout(() => cb.current(), ms);
    };
    const events = ["pointerdown", "click", "keydown"];
    for (const e of events) document.addEventListener(e, touch, true);
    return () => {
      clearTimeout(h);
      for (const e of events) document.removeEventListener(e, touch, true);
    };
  }, [ms]);
}
