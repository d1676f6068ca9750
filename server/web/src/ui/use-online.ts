// The connection as a hook: re-renders when the server goes away or comes back.
import { createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import { ALWAYS_ONLINE, type Connection } from "../api/connection.ts";

export const ConnectionContext = createContext<Connection>(ALWAYS_ONLINE);

export function useOnline(): boolean {
  const connection = useContext(ConnectionContext);
  const [online, setOnline] = useState(connection.online());
  useEffect(() => {
    setOnline(connection.online());
    return connection.subscribe(setOnline);
  }, [connection]);
  return online;
}
