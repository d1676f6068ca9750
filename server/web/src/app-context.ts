// What every page needs: the API client and the signed-in user.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Api } from "./api/client.ts";
import type { User } from "./api/types.ts";

export type AppContextValue = {
  api: Api;
  user: User;
  signOut: () => void;
  /** The workspace's IANA time zone (ui/time-zone.ts), once the stores are read. */
  timeZone?: string;
};

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const v = useContext(AppContext);
  if (!v) throw new Error("useApp outside <AppContext.Provider>");
  return v;
}
