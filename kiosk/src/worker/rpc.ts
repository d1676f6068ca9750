// The page ↔ sync worker RPC, in place of comlink (which cost the kiosk about
// 3 KB gzip, in the page and again in the worker, for features it never
// used). A call posts {id, method, args} and gets back {id, value} or {id,
// error}; a thrown Error crosses as its name, message and stack, as with
// comlink. A function argument (the status listener) crosses as a callback
// id: the worker calls it by posting {callback, args}, one way, and the page
// runs it. Everything else is structured-cloned.

/** What each side can post to and receive from: a Worker, or the worker's global scope. */
export type Endpoint = {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (e: MessageEvent) => void): void;
};

type Call = { id: number; method: string; args: unknown[] };
type Answer = { id: number; value?: unknown; error?: unknown; thrown?: boolean };
type Callback = { callback: number; args: unknown[] };
type CallbackRef = { __rpcCallback: number };

const isCallbackRef = (v: unknown): v is CallbackRef =>
  typeof v === "object" && v !== null && typeof (v as CallbackRef).__rpcCallback === "number";

/** Serve `service`'s methods to the page over `endpoint` (in the worker). */
export function exposeService(service: object, endpoint: Endpoint): void {
  const methods = service as Record<string, (...args: unknown[]) => unknown>;
  endpoint.addEventListener("message", async (e) => {
    const { id, method, args } = e.data as Call;
    if (typeof id !== "number" || typeof method !== "string") return;
    const real = args.map((a) =>
      isCallbackRef(a)
        ? (...cbArgs: unknown[]) =>
            endpoint.postMessage({ callback: a.__rpcCallback, args: cbArgs } satisfies Callback)
        : a,
    );
    let answer: Answer;
    try {
      const fn = methods[method];
      if (typeof fn !== "function") throw new TypeError(`no method ${method}`);
      answer = { id, value: await fn.apply(service, real) };
    } catch (err) {
      answer =
        err instanceof Error
          ? { id, error: { name: err.name, message: err.message, stack: err.stack }, thrown: true }
          : { id, error: err };
    }
    endpoint.postMessage(answer);
  });
}

/** A proxy whose every method calls the same-named method of the service behind `endpoint`. */
export function wrapService<T extends object>(endpoint: Endpoint): T {
  let next = 0;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  const callbacks = new Map<number, (...args: unknown[]) => void>();
  endpoint.addEventListener("message", (e) => {
    const data = e.data as Answer | Callback;
    if ("callback" in data) {
      callbacks.get(data.callback)?.(...data.args);
      return;
    }
    const p = pending.get(data.id);
    if (!p) return;
    pending.delete(data.id);
    if ("error" in data) {
      p.reject(data.thrown ? Object.assign(new Error(), data.error) : data.error);
    } else p.resolve(data.value);
  });
  return new Proxy({} as T, {
    get: (_, method) =>
      typeof method !== "string" || method === "then" // not a thenable
        ? undefined
        : (...args: unknown[]) =>
            new Promise((resolve, reject) => {
              const id = ++next;
              pending.set(id, { resolve, reject });
              const sent = args.map((a) => {
                if (typeof a !== "function") return a;
                const ref = ++next;
                callbacks.set(ref, a as (...args: unknown[]) => void);
                return { __rpcCallback: ref } satisfies CallbackRef;
              });
              endpoint.postMessage({ id, method, args: sent } satisfies Call);
            }),
  });
}
