// Where a webhook may point: an absolute http(s) URL without credentials in
// it (they would be sent on every delivery and shown in the list), not at a
// link-local or unspecified address — that is where cloud metadata services
// answer (169.254.169.254, fd00:ec2::254 aside), and a webhook must not turn
// alert deliveries into a way to read them. Loopback and private networks
// stay allowed (a receiver on the same host or LAN is normal on premises);
// docs/notifications.md says how to restrict egress further.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

export const MAX_URL_LENGTH = 2000;

export type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

const METADATA_HOSTS = new Set(["metadata", "metadata.google.internal", "instance-data"]);

/** Link-local (169.254/16, fe80::/10), unspecified (0.0.0.0/8, ::) — never a webhook receiver. */
export function isForbiddenAddress(ip: string): boolean {
  const v = isIP(ip);
  if (v === 4) {
    const [a, b] = ip.split(".").map(Number);
    return a === 0 || (a === 169 && b === 254);
  }
  if (v === 6) {
    const x = ip.toLowerCase();
    if (x === "::" || x === "::0") return true;
    if (/^fe[89ab][0-9a-f]:/.test(x)) return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(x);
    if (mapped) return isForbiddenAddress(mapped[1] as string);
    // The URL parser writes an IPv4-mapped address in hex: ::ffff:a9fe:a9fe.
    const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(x);
    if (hex) {
      const [hi, lo] = [
        Number.parseInt(hex[1] as string, 16),
        Number.parseInt(hex[2] as string, 16),
      ];
      return isForbiddenAddress(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
    }
    return false;
  }
  return false;
}

export function checkWebhookUrl(raw: string): UrlCheck {
  if (raw.length > MAX_URL_LENGTH) return { ok: false, reason: "the URL is too long" };
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { ok: false, reason: "not an absolute URL" };
  }
  if (u.protocol !== "http:" && u.protocol !== "https:")
    return { ok: false, reason: "only http and https URLs are allowed" };
  if (u.username || u.password)
    return { ok: false, reason: "credentials in the URL are not allowed; use the secret" };
  if (!u.hostname) return { ok: false, reason: "the URL has no host" };
  const host = u.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (isForbiddenAddress(host) || METADATA_HOSTS.has(host))
    return { ok: false, reason: "link-local and metadata addresses are not allowed" };
  return { ok: true, url: u.toString() };
}

/** At send time: a name that now resolves to a forbidden address is refused (no request made). */
export async function resolvesForbidden(url: string): Promise<boolean> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return isForbiddenAddress(host);
  try {
    const all = await lookup(host, { all: true });
    return all.some((a) => isForbiddenAddress(a.address));
  } catch {
    return false; // the request itself reports the name error
  }
}
