// The WorkerClient for components (set once by each page's main).
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { WorkerClient } from "./worker-client.ts";

export const Client = createContext<WorkerClient | null>(null);

export function useClient(): WorkerClient {
  const c = useContext(Client);
  if (!c) throw new Error("no WorkerClient in context");
  return c;
}
