// Long synchronous loops on the request path (an import file read row by
// row) hand the event loop back now and then, so /health, pushes and other
// requests are answered between slices instead of after the whole loop.

/**
 * A checkpoint for a long loop: `await`ing it costs nothing until `sliceMs`
 * of work have passed since the last turn, then it waits one event-loop turn
 * (setImmediate: after pending I/O) and starts a new slice. Callers check it
 * every few hundred iterations; the clock is read only then.
 */
export function timeSlicer(sliceMs = 8): () => Promise<void> | undefined {
  let sliceStart = performance.now();
  return () => {
    if (performance.now() - sliceStart < sliceMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        sliceStart = performance.now();
        resolve();
      }),
    );
  };
}
