// Pairing an extension install with a workspace: POST /v1/devices/pair with a
// one-time code from an admin/manager (API.md). Every pairing gets a fresh
// deviceId, hence a fresh sync database and seq space starting at 1 — reusing
// an old deviceId after unpairing would make the server skip new seqs as
// duplicates.
import { uuidv4 } from "@sightline/shared";
import * as z from "zod/mini";
import type { Pairing, PairResult } from "../messages.ts";

const PairAnswerSchema = z.object({
  token: z.string().check(z.minLength(1)),
  device: z.object({
    id: z.string().check(z.minLength(1)),
    role: z.string(),
    workspaceId: z.string().check(z.minLength(1)),
  }),
});

export type PairInput = { serverUrl: string; code: string; name?: string | undefined };

/** The server's origin (what the host permission is requested for). */
export function serverOrigin(serverUrl: string): string {
  return new URL(serverUrl).origin;
}

export async function pairDevice(
  input: PairInput,
  doFetch: typeof fetch,
): Promise<{ result: PairResult; pairing: Pairing | null }> {
  const baseUrl = serverOrigin(input.serverUrl);
  const deviceId = uuidv4();
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
    return { result: { ok: false, error: "network", detail: String(e) }, pairing: null };
  }
  const body = await res.json().catch(() => undefined);
  if (
    res.status === 400 ||
    res.status === 401 ||
    res.status === 403 ||
    res.status === 404 ||
    res.status === 410
  ) {
    return {
      result: { ok: false, error: "bad-code", detail: `HTTP ${res.status}` },
      pairing: null,
    };
  }
  const parsed = PairAnswerSchema.safeParse(body);
  if (!res.ok || !parsed.success) {
    return { result: { ok: false, error: "server", detail: `HTTP ${res.status}` }, pairing: null };
  }
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
  };
}
