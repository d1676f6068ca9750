// The staff PIN that locks customer feedback mode. Set at pairing, kept only
// as a salted PBKDF2-SHA-256 hash (WebCrypto), compared in constant time.
// A 4–8 digit PIN is weak against an offline attack on a stolen tablet; the
// hash keeps it out of plain sight, the attempt throttle (pin-throttle.ts)
// slows guessing at the screen.

export type PinRecord = {
  algorithm: "PBKDF2-SHA-256";
  iterations: number;
  /** base64 */
  salt: string;
  /** base64 */
  hash: string;
};

export const PIN_ITERATIONS = 150_000;

/** 4 to 8 digits. */
export function isValidPin(pin: string): boolean {
  return /^\d{4,8}$/.test(pin);
}

const toBase64 = (b: Uint8Array) => btoa(String.fromCharCode(...b));
const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(pin), "PBKDF2", false, [
    "deriveBits",
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/** Hash a PIN with a fresh 16-byte random salt. Throws on an invalid PIN. */
export async function hashPin(
  pin: string,
  iterations: number = PIN_ITERATIONS,
): Promise<PinRecord> {
  if (!isValidPin(pin)) throw new Error("PIN must be 4 to 8 digits");
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(pin, salt, iterations);
  return { algorithm: "PBKDF2-SHA-256", iterations, salt: toBase64(salt), hash: toBase64(hash) };
}

/** True iff `pin` matches the record. Never throws on a malformed PIN. */
export async function verifyPin(pin: string, record: PinRecord): Promise<boolean> {
  if (!isValidPin(pin)) return false;
  const expected = fromBase64(record.hash);
  const actual = await derive(pin, fromBase64(record.salt), record.iterations);
  if (actual.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= (actual[i] as number) ^ (expected[i] as number);
  return diff === 0;
}
