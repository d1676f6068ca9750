// The content script's whole view of the extension runtime: send a request
// to the worker, answer the worker's requests. Deliberately tiny (no
// webextension-polyfill, no zod) because this bundle is injected into pages.
import type { ContentRequest, WorkerRequest, WorkerResponses } from "../messages.ts";

type Listener = (
  message: unknown,
  sender: { id?: string },
  respond: (r: unknown) => void,
) => boolean | undefined;
type Runtime = {
  id: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: { addListener(l: Listener): void };
};

const g = globalThis as unknown as {
  browser?: { runtime: Runtime };
  chrome?: { runtime: Runtime };
};
// Firefox has `browser` (promises); Chrome MV3's `chrome.runtime` returns promises too.
const runtime = (g.browser ?? g.chrome)?.runtime as Runtime;

export function sendToWorker<R extends WorkerRequest>(
  request: R,
): Promise<WorkerResponses[R["type"]]> {
  return runtime.sendMessage(request) as Promise<WorkerResponses[R["type"]]>;
}

/** Answer requests from our own worker (never from other extensions). */
export function onWorkerRequest(
  handler: (request: ContentRequest) => Promise<unknown> | unknown,
): void {
  runtime.onMessage.addListener((message, sender, respond) => {
    if (sender.id !== runtime.id) return undefined;
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== "string" || !type.startsWith("content.")) return undefined;
    Promise.resolve()
      .then(() => handler(message as ContentRequest))
      .then(respond, () => respond(null));
    return true; // respond asynchronously
  });
}
