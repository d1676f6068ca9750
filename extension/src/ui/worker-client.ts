// How UI pages talk to the worker: typed requests, plus a port named "ui"
// over which the worker pushes events (status changed, new capture, page
// report). Components get a WorkerClient through context, so tests hand
// them a fake one.
import type { BrowserApi } from "../browser-api.ts";
import type { UiEvent, WorkerRequest, WorkerResponses } from "../messages.ts";
import { UI_PORT } from "../ports.ts";

export type WorkerClient = {
  request<R extends WorkerRequest>(request: R): Promise<WorkerResponses[R["type"]]>;
  /** Listen to worker events; returns the unsubscribe function. */
  subscribe(listener: (event: UiEvent) => void): () => void;
};

export function createWorkerClient(api: BrowserApi): WorkerClient {
  const listeners = new Set<(event: UiEvent) => void>();
  let port: ReturnType<BrowserApi["runtime"]["connect"]> | null = null;
  const connect = () => {
    port = api.runtime.connect(UI_PORT);
    port.onMessage((m) => {
      for (const l of listeners) l(m as UiEvent);
    });
    // The worker was stopped (MV3 idle): reconnect so events keep coming.
    port.onDisconnect(() => {
      port = null;
      setTimeout(() => {
        if (listeners.size > 0) connect();
      }, 500);
    });
  };
  return {
    request: <R extends WorkerRequest>(request: R) =>
      api.runtime.sendMessage(request) as Promise<WorkerResponses[R["type"]]>,
    subscribe(listener) {
      listeners.add(listener);
      if (!port) connect();
      return () => listeners.delete(listener);
    },
  };
}
