// Where a webhook may point: an absolute http(s) URL without credentials in
// it (they would be sent on every delivery and shown in the list). Anything
// else — javascript:, file:, ftp:, data: — is refused when subscribing.
export const MAX_URL_LENGTH = 2000;

export type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

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
  return { ok: true, url: u.toString() };
}
