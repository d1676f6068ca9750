// What every kiosk component may use: the worker API and one seam over the
// browser (clock, storage persistence, wake lock, local settings). Tests
// replace both; only main.tsx builds the real ones.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { KioskApi } from "../worker/api.ts";

export type Platform = {
  now(): number;
  /** Ask the browser not to evict our storage (navigator.storage.persist). */
  persistStorage(): Promise<boolean>;
  persisted(): Promise<boolean>;
  /** Keep the screen on (feedback mode); safe to call again after the page was hidden. */
  wakeLock: { acquire(): Promise<void>; release(): Promise<void> };
  /** Small UI settings that survive a reload (mode, zone, segment, language). */
  settings: { get(key: string): string | null; set(key: string, value: string | null): void };
  /** Where the kiosk was served from: the default server URL. */
  origin: string;
  /** A pairing code handed over in the URL (`#pair=CODE`, from the web app's QR). */
  pairingCodeFromUrl(): string | null;
  clearPairingCodeFromUrl(): void;
  /** Save a file to the tablet's downloads ("Export unsent data"). */
  download(name: string, text: string, type: string): void;
};

export type KioskContextValue = { api: KioskApi; platform: Platform };

export const KioskContext = createContext<KioskContextValue | null>(null);

export function useKiosk(): KioskContextValue {
  const v = useContext(KioskContext);
  if (!v) throw new Error("KioskContext missing");
  return v;
}
