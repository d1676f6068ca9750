// Where a webhook may point. An absolute http(s) URL without credentials in
// it (they would be sent on every delivery and shown in the list), and an
// address on the public internet: a webhook is a request the server makes on
// a manager's say-so, so by default it must not reach what only the server
// can reach — loopback, private networks (RFC 1918, fc00::/7), CGNAT,
// link-local (where cloud metadata services answer: 169.254.169.254,
// fd00:ec2::254), multicast, unspecified or reserved addresses.
//
// The same check runs when the webhook is created (the literal IP, or every
// address its name resolves to now) and at every send. At send time the
// name is resolved ONCE and the connection is made to the address that
// passed (send.ts pins it), so a name that answers a public address to the
// check and 127.0.0.1 to the connect (DNS rebinding) gets nowhere.
//
// On premises the receiver often is on the LAN or the same host:
// SIGHTLINE_WEBHOOK_ALLOW_PRIVATE=1 allows loopback, private and CGNAT
// addresses. Link-local, metadata, multicast, unspecified and reserved
// addresses stay refused whatever the setting.
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

export const MAX_URL_LENGTH = 2000;

/** Why an address is not a webhook receiver (the delivery log and the problem say it). */
export type AddressClass =
  | "loopback"
  | "private"
  | "cgnat"
  | "link-local"
  | "metadata"
  | "multicast"
  | "unspecified"
  | "reserved";

/** The classes SIGHTLINE_WEBHOOK_ALLOW_PRIVATE=1 lets through. */
const PRIVATE_CLASSES: ReadonlySet<AddressClass> = new Set(["loopback", "private", "cgnat"]);

export type TargetPolicy = { allowPrivate: boolean };
export const DEFAULT_POLICY: TargetPolicy = { allowPrivate: false };

export type UrlCheck =
  | { ok: true; url: string }
  | { ok: false; reason: string; refused?: AddressClass };

const METADATA_HOSTS = new Set(["metadata", "metadata.google.internal", "instance-data"]);

function ranges(list: [string, number, "ipv4" | "ipv6"][]): BlockList {
  const b = new BlockList();
  for (const [net, prefix, type] of list) b.addSubnet(net, prefix, type);
  return b;
}

// Order matters: the first class that matches names the refusal.
const CLASSES: [AddressClass, BlockList][] = [
  [
    "metadata",
    ranges([
      ["169.254.169.254", 32, "ipv4"],
      ["fd00:ec2::254", 128, "ipv6"],
    ]),
  ],
  [
    "unspecified",
    ranges([
      ["0.0.0.0", 8, "ipv4"],
      ["::", 128, "ipv6"],
    ]),
  ],
  [
    "loopback",
    ranges([
      ["127.0.0.0", 8, "ipv4"],
      ["::1", 128, "ipv6"],
    ]),
  ],
  [
    "private",
    ranges([
      ["10.0.0.0", 8, "ipv4"],
      ["172.16.0.0", 12, "ipv4"],
      ["192.168.0.0", 16, "ipv4"],
      ["fc00::", 7, "ipv6"],
    ]),
  ],
  ["cgnat", ranges([["100.64.0.0", 10, "ipv4"]])],
  [
    "link-local",
    ranges([
      ["169.254.0.0", 16, "ipv4"],
      ["fe80::", 10, "ipv6"],
    ]),
  ],
  [
    "multicast",
    ranges([
      ["224.0.0.0", 4, "ipv4"],
      ["ff00::", 8, "ipv6"],
    ]),
  ],
  [
    "reserved",
    ranges([
      ["240.0.0.0", 4, "ipv4"], // 240/4 and the broadcast address
      ["192.0.0.0", 24, "ipv4"], // IETF protocol assignments
      ["fec0::", 10, "ipv6"], // deprecated site-local
      ["100::", 64, "ipv6"], // discard-only
    ]),
  ],
];

/**
 * An IPv6 address that carries an IPv4 one (::ffff:a.b.c.d, the URL
 * parser's ::ffff:a9fe:a9fe, ::a.b.c.d, NAT64 64:ff9b::/96) is judged by
 * the IPv4 address it reaches.
 */
function embeddedIpv4(ip: string): string | null {
  const x = ip.toLowerCase();
  const dotted = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(x);
  if (dotted) return dotted[1] as string;
  const hex = /^(?:::ffff:|::|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(x);
  if (hex) {
    const hi = Number.parseInt(hex[1] as string, 16);
    const lo = Number.parseInt(hex[2] as string, 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return null;
}

/** The class of a literal IP address that is not on the public internet; null when it is. */
export function classifyAddress(ip: string): AddressClass | null {
  const v = isIP(ip);
  if (v === 0) return null;
  if (v === 6) {
    const v4 = embeddedIpv4(ip);
    if (v4 && isIP(v4) === 4) return classifyAddress(v4);
  }
  const type = v === 4 ? "ipv4" : "ipv6";
  for (const [cls, list] of CLASSES) if (list.check(ip, type)) return cls;
  return null;
}

/** Would a webhook under `policy` be refused at this address? The class when so. */
export function refusedClass(ip: string, policy: TargetPolicy): AddressClass | null {
  const cls = classifyAddress(ip);
  if (!cls) return null;
  return policy.allowPrivate && PRIVATE_CLASSES.has(cls) ? null : cls;
}

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, "").toLowerCase();

/** `localhost` and `*.localhost` are loopback by definition (RFC 6761), whatever DNS says. */
const isLocalhostName = (host: string) =>
  host === "localhost" || host.endsWith(".localhost") || host === "localhost.";

const refusal = (cls: AddressClass): UrlCheck => ({
  ok: false,
  refused: cls,
  reason: `${cls} addresses are not allowed as webhook receivers`,
});

/** The URL's shape, and its host when it is a literal address or a reserved name. */
export function checkWebhookUrl(raw: string, policy: TargetPolicy = DEFAULT_POLICY): UrlCheck {
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
  const host = bare(u.hostname);
  if (METADATA_HOSTS.has(host)) return refusal("metadata");
  if (isLocalhostName(host) && !policy.allowPrivate) return refusal("loopback");
  const cls = refusedClass(host, policy);
  if (cls) return refusal(cls);
  return { ok: true, url: u.toString() };
}

export type ResolvedTarget =
  | { ok: true; address: string; family: 4 | 6 }
  | { ok: false; refused: AddressClass; address: string }
  | { ok: false; refused: null; error: string };

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;
const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true });

/**
 * Resolve the URL's host once and judge every address it has: one refused
 * address refuses the lot (a name that answers both a public and a private
 * address would otherwise reach the private one on some connects). The
 * first address is the one to connect to.
 */
export async function resolveTarget(
  url: string,
  policy: TargetPolicy = DEFAULT_POLICY,
  resolve: Resolver = systemResolver,
): Promise<ResolvedTarget> {
  const host = bare(new URL(url).hostname);
  if (METADATA_HOSTS.has(host)) return { ok: false, refused: "metadata", address: host };
  const v = isIP(host);
  if (v) {
    const cls = refusedClass(host, policy);
    return cls
      ? { ok: false, refused: cls, address: host }
      : { ok: true, address: host, family: v === 6 ? 6 : 4 };
  }
  let all: { address: string; family: number }[];
  try {
    all = await resolve(host);
  } catch (e) {
    return { ok: false, refused: null, error: (e as { code?: string })?.code ?? "ENOTFOUND" };
  }
  if (all.length === 0) return { ok: false, refused: null, error: "ENOTFOUND" };
  if (isLocalhostName(host) && !policy.allowPrivate)
    return { ok: false, refused: "loopback", address: all[0]?.address ?? host };
  for (const a of all) {
    const cls = refusedClass(a.address, policy);
    if (cls) return { ok: false, refused: cls, address: a.address };
  }
  const first = all[0] as { address: string; family: number };
  return { ok: true, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** At creation: the URL's shape, then (for a name) what it resolves to now; an unknown name passes (send time checks again). */
export async function checkWebhookTarget(
  raw: string,
  policy: TargetPolicy = DEFAULT_POLICY,
  resolve?: Resolver,
): Promise<UrlCheck> {
  const shape = checkWebhookUrl(raw, policy);
  if (!shape.ok) return shape;
  const r = await resolveTarget(shape.url, policy, resolve);
  if (!r.ok && r.refused) return refusal(r.refused);
  return shape;
}
