// The webhook signature: `Sightline-Signature: sha256=<hex HMAC-SHA256 of the
// raw body with the subscription's secret>`, the GitHub convention, so a
// receiver checks it with a few lines of its platform's HMAC.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Sightline-Signature";

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/** What a receiver does (and the tests): compare in constant time. */
export function verifySignature(secret: string, body: string, header: string | null): boolean {
  if (!header) return false;
  const want = Buffer.from(signBody(secret, body));
  const got = Buffer.from(header);
  return want.length === got.length && timingSafeEqual(want, got);
}
