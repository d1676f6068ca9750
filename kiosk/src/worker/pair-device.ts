// POST /v1/devices/pair (API.md): trade a one-time code for a device token.
// The same call re-admits a revoked tablet under its old id; the server then
// keeps its lastSeq, and refuses (409 device-id-taken) an id whose device was
// not revoked.
import type { PairError, PairedDevice } from "./api.ts";

export type PairAnswer =
  | { ok: true; token: string; device: PairedDevice; lastSeq: number }
  | { ok: false; error: PairError; status?: number };

const str = (v: unknown): v is string => typeof v === "string" && v.length > 0;

function parse(body: unknown): { token: string; device: PairedDevice; lastSeq: number } | null {
  if (!body || typeof body !== "object") return null;
  const { token, device } = body as { token?: unknown; device?: Record<string, unknown> };
  if (!str(token) || !device || !str(device.id) || !str(device.workspaceId)) return null;
  const lastSeq = device.lastSeq ?? 0;
  if (typeof lastSeq !== "number" || !Number.isSafeInteger(lastSeq) || lastSeq < 0) return null;
  return {
    token,
    lastSeq,
    device: {
      id: device.id,
      kind: str(device.kind) ? device.kind : "kiosk",
      role: str(device.role) ? device.role : "staff",
      workspaceId: device.workspaceId,
      ...(str(device.storeId) ? { storeId: device.storeId } : {}),
    },
  };
}

/** A problem+json answer saying this device id is held by a device that is not revoked. */
const idTaken = (body: unknown): boolean =>
  !!body &&
  typeof body === "object" &&
  typeof (body as { type?: unknown }).type === "string" &&
  (body as { type: string }).type.endsWith("device-id-taken");

/** A base URL the kiosk may talk to: http(s) only, no path tricks. */
export function normaliseServerUrl(input: string): string | null {
  try {
    const u = new URL(input.trim());
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    return u.origin;
  } catch {
    return null;
  }
}

export async function pairDevice(
  doFetch: typeof fetch,
  serverUrl: string,
  body: { code: string; deviceId: string; name?: string },
): Promise<PairAnswer> {
  let res: Response;
  try {
    res = await doFetch(new URL("/v1/devices/pair", serverUrl).toString(), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...body, kind: "kiosk" }),
      signal: AbortSignal.timeout(20_000),
    });
  } catch {
    return { ok: false, error: "network" };
  }
  const json = await res.json().catch(() => undefined);
  if (res.status === 200 || res.status === 201) {
    const parsed = parse(json);
    return parsed ? { ok: true, ...parsed } : { ok: false, error: "server", status: res.status };
  }
  const status = res.status;
  if (status === 409 && idTaken(json)) return { ok: false, error: "device-id-taken", status };
  if (status >= 400 && status < 500 && status !== 429) return { ok: false, error: "code", status };
  return { ok: false, error: "server", status };
}
