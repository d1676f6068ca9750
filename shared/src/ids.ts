// Ids made on devices. Observation ids are UUIDv7 (RFC 9562): time-ordered,
// so ids sort roughly by creation and index well; random enough that two
// offline devices never collide. Uses WebCrypto, present in browsers and Node.
const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

function format(b: Uint8Array): string {
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A UUIDv7 for `now` (ms since epoch). */
export function uuidv7(now: number = Date.now()): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = ((b[6] as number) & 0x0f) | 0x70;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  return format(b);
}

/** A random UUIDv4 (device ids). */
export function uuidv4(): string {
  return crypto.randomUUID();
}
