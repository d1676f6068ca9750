// Request logs must never contain tokens, passwords or pairing codes, even
// when those travel in headers, bodies and cookies of logged requests.
import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { webObservation } from "../../../test/support/mutations.ts";
import { createTestApp } from "../../../test/support/test-app.ts";

describe("requestLog", () => {
  it("logs one line per request without secrets", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const t = await createTestApp({ logger: pino({ level: "info" }, sink) });
    try {
      const login = await t.request("/v1/auth/login", {
        method: "POST",
        json: { email: "admin@example.com", password: t.admin.password },
      });
      const { token } = await login.json();
      const { code } = await (
        await t.request("/v1/pairing-codes", { method: "POST", token, json: { role: "marketer" } })
      ).json();
      const paired = await (
        await t.request("/v1/devices/pair", {
          method: "POST",
          json: { code, deviceId: crypto.randomUUID(), kind: "extension" },
        })
      ).json();
      const d = { token: paired.token, deviceId: paired.device.id, workspaceId: t.workspaceId };
      await t.push(d, [webObservation(1, d)]);
      await t.request(`/v1/observations?q=${encodeURIComponent(token)}`, { token });
      const text = lines.join("");
      expect(lines.length).toBeGreaterThanOrEqual(5);
      for (const secret of [t.admin.password, token, code, paired.token, t.admin.token])
        expect(text).not.toContain(secret);
      const last = JSON.parse(lines.at(-1) as string);
      expect(last).toMatchObject({
        method: "GET",
        path: "/v1/observations",
        status: 200,
        caller: expect.stringMatching(/^user:/),
      });
    } finally {
      await t.close();
    }
  });
});
