// The pairing call both clients make (POST /v1/devices/pair): the request,
// the answer parsed with the shared schema, and what a refusal means. Each
// client keeps only its own glue: where the token is kept and what the
// person is told.
import * as z from "zod/mini";
import { type PairRequest, PairResponseSchema } from "./messages/pair.ts";

/** The device as the server described it at pairing (its seq line apart). */
export type PairedDevice = {
  id: string;
  kind: string;
  role: string;
  storeId?: string;
  workspaceId: string;
};

/**
 * `bad-code`: wrong, used, expired or of the wrong kind (ask for a new one);
 * `device-id-taken`: re-admission refused, the id belongs to a device that is
 * not revoked; `network`: no answer; `server`: any other answer.
 */
export type PairFailure = "network" | "bad-code" | "device-id-taken" | "server";

export type PairAnswer =
  | { ok: true; token: string; device: PairedDevice; lastSeq: number }
  | { ok: false; error: PairFailure; status?: number; detail: string };

/** 4xx answers that mean "this code will not do": wrong, used, expired, wrong kind. */
const BAD_CODE = new Set([400, 401, 403, 404, 409, 410]);
const ProblemTypeSchema = z.object({ type: z.string() });

/** The origin of a server URL the device may talk to (http or https), or null. */
export function serverOrigin(input: string): string | null {
  try {
    const u = new URL(input.trim());
    return u.protocol === "http:" || u.protocol === "https:" ? u.origin : null;
  } catch {
    return null;
  }
}

/** Pair with `request` at `origin` (see serverOrigin); gives up after 20 s. */
export async function pairDevice(
  doFetch: typeof fetch,
  origin: string,
  request: PairRequest,
): Promise<PairAnswer> {
  let res: Response;
  try {
    res = await doFetch(`${origin}/v1/devices/pair`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(20_000),
    });
  } catch (e) {
    return { ok: false, error: "network", detail: String(e) };
  }
  const body: unknown = await res.json().catch(() => undefined);
  const status = res.status;
  const refused = (error: PairFailure): PairAnswer => ({
    ok: false,
    error,
    status,
    detail: `HTTP ${status}`,
  });
  if (status === 409 && ProblemTypeSchema.safeParse(body).data?.type.endsWith("device-id-taken"))
    return refused("device-id-taken");
  if (BAD_CODE.has(status)) return refused("bad-code");
  const parsed = PairResponseSchema.safeParse(body);
  if (!res.ok || !parsed.success) return refused("server");
  const { token, device } = parsed.data;
  const { id, kind, role, storeId, workspaceId, lastSeq = 0 } = device;
  return {
    ok: true,
    token,
    device: { id, kind, role, workspaceId, ...(storeId ? { storeId } : {}) },
    lastSeq,
  };
}
