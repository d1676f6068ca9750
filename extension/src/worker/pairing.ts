// Pairing an extension install with a workspace: the shared call (POST
// /v1/devices/pair, see @sightline/shared/sync/pair-device) made as an
// extension with a one-time code from an admin/manager. A new pairing gets a
// fresh deviceId, hence a fresh sync database; its seq line starts after the
// server's `lastSeq` for that id (0 for a new id). Re-admission of a revoked
// install pairs again under its old id and keeps its database and queue; the
// server refuses (409 device-id-taken) an id whose device was not revoked.
import { uuidv4 } from "@sightline/shared";
import { pairDevice as pair, serverOrigin } from "@sightline/shared/sync/pair-device";
import type { Pairing, PairResult } from "../messages.ts";

export type PairInput = { serverUrl: string; code: string; name?: string | undefined };

export async function pairDevice(
  input: PairInput,
  doFetch: typeof fetch,
  deviceId: string = uuidv4(),
): Promise<{ result: PairResult; pairing: Pairing | null; lastSeq: number }> {
  const refused = (result: PairResult) => ({ result, pairing: null, lastSeq: 0 });
  const baseUrl = serverOrigin(input.serverUrl);
  if (!baseUrl) return refused({ ok: false, error: "network", detail: "bad URL" });
  const answer = await pair(doFetch, baseUrl, {
    code: input.code.trim(),
    deviceId,
    kind: "extension",
    ...(input.name ? { name: input.name } : {}),
  });
  if (!answer.ok) return refused({ ok: false, error: answer.error, detail: answer.detail });
  const { token, device, lastSeq } = answer;
  return {
    result: { ok: true, workspaceId: device.workspaceId },
    pairing: {
      serverUrl: baseUrl,
      token,
      deviceId,
      workspaceId: device.workspaceId,
      role: device.role,
    },
    lastSeq,
  };
}
