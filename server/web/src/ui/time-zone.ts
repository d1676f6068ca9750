// The workspace's time zone: there is no workspace setting, but every store
// has an IANA zone, so the zone most stores use is the workspace's (a chain in
// one country has one). Journal scopes, timeline days and times are read in
// it, so they do not follow the zone of whichever browser opens the app.
import { useContext } from "preact/hooks";
import { AppContext } from "../app-context.ts";

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

export function workspaceTimeZone(stores: readonly { timeZone?: string | undefined }[]): string {
  const counts = new Map<string, number>();
  for (const s of stores) if (s.timeZone) counts.set(s.timeZone, (counts.get(s.timeZone) ?? 0) + 1);
  let best: string | undefined;
  for (const [zone, n] of counts)
    if (best === undefined || n > (counts.get(best) ?? 0)) best = zone;
  return best ?? browserTimeZone();
}

/** The workspace's zone once known (the app reads the stores after sign-in), else the browser's. */
export function useTimeZone(): string {
  return useContext(AppContext)?.timeZone ?? browserTimeZone();
}
