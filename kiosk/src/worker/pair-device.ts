// The kiosk's side of pairing: the shared call (POST /v1/devices/pair, see
// @sightline/shared/sync/pair-device) made as a kiosk, its refusals named as
// the pairing screen tells them (PairError). The same call re-admits a
// revoked tablet under its old id; the server then keeps its lastSeq.
import {
  type PairedDevice,
  pairDevice as pair,
  serverOrigin,
} from "@sightline/shared/sync/pair-device";
import type { PairError } from "./api.ts";

export type PairAnswer =
  | { ok: true; token: string; device: PairedDevice; lastSeq: number }
  | { ok: false; error: PairError; status?: number };

/** A base URL the kiosk may talk to: http(s) only, no path tricks. */
export const normaliseServerUrl = serverOrigin;

export async function pairDevice(
  doFetch: typeof fetch,
  serverUrl: string,
  body: { code: string; deviceId: string; name?: string },
): Promise<PairAnswer> {
  const answer = await pair(doFetch, serverUrl, { ...body, kind: "kiosk" });
  if (answer.ok) return answer;
  const error = answer.error === "bad-code" ? "code" : answer.error;
  return error === "network" ? { ok: false, error } : { ok: false, error, status: answer.status };
}
