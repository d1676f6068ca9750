// Pairing an extension install with a workspace: POST /v1/devices/pair with a
// one-time code from an admin/manager (API.md). A new pairing gets a fresh
// deviceId, hence a fresh sync database; its seq line starts after the
// server's `lastSeq` for that id (0 for a new id). Re-admission of a revoked
// install pairs again under its old id and keeps its database and queue; the
// server refuses (409 device-id-taken) an id whose device was not revoked.
import { uuidv4 } from "@sightline/shared";
import * as z from "zod/mini";
import type { Pairing, PairResult } from "../messages.ts";

const PairAnswerSchema = z.object({
  token: z.string().check(z.minLength(1)),
  device: z.object({
    id: z.string().check(z.minLength(1)),
    role: z.string(),
    workspaceId: z.string().check(z.minLength(1)),
    lastSeq: z.optional(z.number().check(z.int(), z.nonnegative())),
  }),
});
const ProblemTypeSchema = z.object({ type: z.string() });

export type PairInput = { serverUrl: string; code: string; name?: string | undefined };

/** The server's origin (what the host permission is requested for). */
export function serverOrigin(serverUrl: string): string {
  return new URL(serverUrl).origin;
}

/** 4xx answers that mean "this code will not do": wrong, used, expired, wrong kind. */
const BAD_CODE = new Set([400, 401, 403, 404, 409, 410]);

export async function pairDevice(
  input: PairInput,
  doFetch: typeof fetch,
  deviceId: string = uuidv4(),
): Promise<{ result: PairResult; pairing: Pairing | null; lastSeq: number }> {
  const baseUrl = serverOrigin(input.serverUrl);
  const refused = (result: PairResult) => ({ result, pairing: null, lastSeq: 0 });
  let res: Response;
  try {
    res = await doFetch(`${baseUrl}/v1/devices/pair`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        code: input.code.trim(),
        deviceId,
        kind: "extension",
        ...(input.name ? { name: input.name } : {}),
      }),
      signal: AbortSignal.timeout(20_000),
    });
  } catch (e) {
    return refused({ ok: false, error: "network", detail: String(e) });
  }
  const body = await res.json().catch(() => undefined);
  const detail = `HTTP ${res.status}`;
  if (
    res.status === 409 &&
    ProblemTypeSchema.safeParse(body).data?.type.endsWith("device-id-taken")
  )
    return refused({ ok: false, error: "device-id-taken", detail });
  if (BAD_CODE.has(res.status)) return refused({ ok: false, error: "bad-code", detail });
  const parsed = PairAnswerSchema.safeParse(body);
  if (!res.ok || !parsed.success) return refused({ ok: false, error: "server", detail });
  const { token, device } = parsed.data;
  return {
    result: { ok: true, workspaceId: device.workspaceId },
    pairing: {
      serverUrl: baseUrl,
      token,
      deviceId,
      workspaceId: device.workspaceId,
      role: device.role,
    },
    lastSeq: device.lastSeq ?? 0,
  };
}
