// Brute force against the real server process (default rate limits, real
// sockets, so the per-IP path is the real one): password guessing and
// pairing-code guessing are cut off per account / per code and per address
// with 429 problems carrying Retry-After, while other addresses and other
// accounts carry on. Requests come from several loopback addresses
// (127.0.0.2, .3, …: Linux routes all of 127/8 to lo) to be distinct clients.
//
// Then secrets in logs: the same process runs at LOG_LEVEL=trace while people
// sign in (and fail to), devices pair with codes, push, pull and listen, and
// tokens travel in headers, cookies and query strings; none of those secrets
// appears in anything the process printed.
import { request as httpRequest } from "node:http";
import { uuidv4, uuidv7 } from "@sightline/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, type ServerProcess, startServerProcess } from "./support/server-process.ts";

let server: ServerProcess;
const secrets = new Set<string>();
let nextAddress = 2;
/** A loopback address no other part of this file uses: a fresh client. */
const freshAddress = () => `127.0.0.${nextAddress++}`;

beforeAll(async () => {
  server = await startServerProcess({ env: { LOG_LEVEL: "trace" } });
}, 60_000);
afterAll(async () => {
  await server?.dispose();
});

type Answer = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
};

/** One HTTP request from a chosen loopback address (a distinct client IP). */
function call(
  from: string,
  method: string,
  path: string,
  o: { json?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const body = o.json !== undefined ? JSON.stringify(o.json) : undefined;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: server.port,
        method,
        path,
        localAddress: from,
        agent: false,
        headers: {
          ...(body ? { "content-type": "application/json" } : {}),
          ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
          ...o.headers,
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => {
          text += d;
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const login = (from: string, email: string, password: string) => {
  secrets.add(password);
  return call(from, "POST", "/v1/auth/login", { json: { email, password } });
};

/** A 429 problem with a Retry-After of whole seconds. */
function expectRateLimited(a: Answer, what: string) {
  expect(a.status, what).toBe(429);
  expect(a.headers["content-type"], what).toBe("application/problem+json");
  expect(JSON.parse(a.body), what).toMatchObject({ status: 429, title: "Too many requests" });
  expect(Number(a.headers["retry-after"]), what).toBeGreaterThanOrEqual(1);
}

async function adminToken(from: string) {
  const a = await login(from, ADMIN.email, ADMIN.password);
  expect(a.status).toBe(200);
  const token = JSON.parse(a.body).token as string;
  secrets.add(token);
  return token;
}

async function newCode(token: string, from: string) {
  const a = await call(from, "POST", "/v1/pairing-codes", { token, json: { role: "marketer" } });
  expect(a.status).toBe(201);
  const code = JSON.parse(a.body).code as string;
  secrets.add(code);
  return code;
}

describe("brute force (real process, real sockets)", () => {
  it("password guessing on one account is cut off per account, from any address", async () => {
    const admin = await adminToken(freshAddress());
    const victim = `victim-${uuidv4().slice(0, 6)}@example.com`;
    const created = await call(freshAddress(), "POST", "/v1/users", {
      token: admin,
      json: { email: victim, password: "the-real-password-1", role: "viewer" },
    });
    expect(created.status).toBe(201);
    secrets.add("the-real-password-1");
    // The owner signed in from their own browser before: it keeps a known-device cookie.
    const home = freshAddress();
    const first = await login(home, victim, "the-real-password-1");
    expect(first.status).toBe(200);
    const knownCookie = [first.headers["set-cookie"] ?? []]
      .flat()
      .find((c) => c.startsWith("sightline_known="))
      ?.split(";")[0] as string;
    expect(knownCookie).toMatch(/^sightline_known=[\w-]+\.\d+\.[\w-]+$/);
    secrets.add(knownCookie.slice("sightline_known=".length));

    // Nine wrong guesses, each from a new address (a botnet), answered 401 — the
    // owner's sign-in took the first of the account's ten…
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++)
      statuses.push((await login(freshAddress(), victim, `guess-${i}-${uuidv4()}`)).status);
    expect(statuses).toEqual(Array(9).fill(401));
    // …then the account's budget is spent: 429, even with the right password.
    expectRateLimited(await login(freshAddress(), victim, `guess-x-${uuidv4()}`), "11th guess");
    expectRateLimited(await login(freshAddress(), victim, "the-real-password-1"), "right password");
    // The owner's own browser is not locked out: it has its own budget…
    const fromHome = (password: string, cookie = knownCookie) =>
      call(home, "POST", "/v1/auth/login", {
        json: { email: victim, password },
        headers: { cookie },
      });
    expect((await fromHome(`typo-${uuidv4()}`)).status).toBe(401);
    expect((await fromHome("the-real-password-1")).status).toBe(200);
    // …which a forged or another account's cookie does not buy.
    const forged = knownCookie.replace(/\.[\w-]+$/, ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expectRateLimited(await fromHome("the-real-password-1", forged), "forged cookie");
    // Other accounts are not affected.
    expect((await login(freshAddress(), ADMIN.email, ADMIN.password)).status).toBe(200);
  });

  it("one address guessing many accounts is cut off per address; other addresses carry on", async () => {
    const attacker = freshAddress();
    const started = Date.now();
    // Guesses in parallel waves of 10, so they outrun the refill (1 per
    // second) even when each login is slow on a loaded machine.
    let served = 0;
    let limited = 0;
    for (let wave = 0; wave < 60 && limited === 0; wave++) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, j) => {
          const i = wave * 10 + j;
          return login(attacker, `nobody-${i}@example.com`, `pw-${i}-${uuidv4()}`);
        }),
      );
      for (const a of answers) {
        if (a.status === 429) {
          expectRateLimited(a, `wave ${wave}`);
          limited++;
        } else {
          expect(a.status).toBe(401);
          served++;
        }
      }
    }
    // A burst of 60, refilled at 1 per second while the guesses ran (the
    // address budget of sign-in, pairing and reset redemption together).
    const budget = 60 + Math.ceil((Date.now() - started) / 1000);
    expect(limited, "the per-address budget ran out").toBeGreaterThan(0);
    expect(served).toBeGreaterThanOrEqual(60);
    expect(served).toBeLessThanOrEqual(budget);
    // Still cut off, whatever it tries next (a login, a pairing code). The
    // bucket keeps refilling (1 a second), so each try follows a fresh drain —
    // spend what came back until a 429 — and a try that still lands right
    // on a refilled token gets two more chances to be refused.
    const afterDrain = async (attempt: () => Promise<Answer>): Promise<Answer> => {
      let a: Answer | undefined;
      for (let round = 0; round < 3 && a?.status !== 429; round++) {
        for (
          let i = 0;
          i < 20 &&
          (await login(attacker, "drain@example.com", `drain-${uuidv4()}`)).status !== 429;
          i++
        );
        a = await attempt();
      }
      return a as Answer;
    };
    expectRateLimited(
      await afterDrain(() => login(attacker, ADMIN.email, ADMIN.password)),
      "right password",
    );
    expectRateLimited(
      await afterDrain(() =>
        call(attacker, "POST", "/v1/devices/pair", {
          json: { code: "ABCDEFGH", deviceId: uuidv4(), kind: "extension" },
        }),
      ),
      "pairing from the same address",
    );
    // Someone else is served.
    expect((await login(freshAddress(), ADMIN.email, ADMIN.password)).status).toBe(200);
  }, 60_000);

  it("pairing-code guessing is cut off per code and per address; a real code still pairs", async () => {
    const admin = await adminToken(freshAddress());
    const real = await newCode(admin, freshAddress());

    // The same (wrong) code from five addresses, then a sixth: per-code budget.
    const wrong = "K7M9NPQR";
    const tries = [];
    for (let i = 0; i < 5; i++)
      tries.push(
        (
          await call(freshAddress(), "POST", "/v1/devices/pair", {
            json: { code: wrong, deviceId: uuidv4(), kind: "extension" },
          })
        ).status,
      );
    expect(tries).toEqual(Array(5).fill(404));
    expectRateLimited(
      await call(freshAddress(), "POST", "/v1/devices/pair", {
        json: {
          code: wrong.toLowerCase().replace(/(....)/, "$1-"),
          deviceId: uuidv4(),
          kind: "extension",
        },
      }),
      "the same code, spelled differently",
    );

    // Many codes from one address: per-address budget.
    const guesser = freshAddress();
    let cut = -1;
    for (let i = 0; i < 140 && cut < 0; i++) {
      const code = `${i}`.padStart(8, "X").replace(/[0-9]/g, (d) => "ACDEFGHJKM"[Number(d)] ?? "A");
      const a = await call(guesser, "POST", "/v1/devices/pair", {
        json: { code, deviceId: uuidv4(), kind: "extension" },
      });
      if (a.status === 429) {
        expectRateLimited(a, `guess ${i}`);
        cut = i;
      } else expect([404, 400]).toContain(a.status);
    }
    expect(cut).toBeGreaterThanOrEqual(60);

    // Nobody else is locked out: the real code pairs from another address.
    const paired = await call(freshAddress(), "POST", "/v1/devices/pair", {
      json: { code: real, deviceId: uuidv4(), kind: "extension" },
    });
    expect(paired.status).toBe(201);
    secrets.add(JSON.parse(paired.body).token);
  }, 60_000);
});

describe("secrets never reach the logs", () => {
  it("tokens, passwords, pairing codes and cookies are absent from everything the server printed", async () => {
    const from = freshAddress();
    const admin = await adminToken(from);
    await login(from, ADMIN.email, "wrong-password-for-the-log-test");
    await login(from, "unknown-person@example.com", "another-secret-password");
    // A token in a query string and in a cookie, an unknown bearer token.
    await call(from, "GET", `/v1/stores?token=${admin}&access_token=${admin}`, { token: admin });
    await call(from, "GET", "/v1/stores", { headers: { cookie: `sightline_session=${admin}` } });
    const bogus = `bogus-${uuidv4()}`;
    secrets.add(bogus);
    await call(from, "GET", "/v1/devices", { token: bogus });

    const unused = await newCode(admin, from);
    expect(unused).toBeTruthy();
    const code = await newCode(admin, from);
    const deviceId = uuidv4();
    const pair = await call(from, "POST", "/v1/devices/pair", {
      json: { code, deviceId, kind: "extension", name: "Trình duyệt của Lan" },
    });
    expect(pair.status).toBe(201);
    const { token, device } = JSON.parse(pair.body) as {
      token: string;
      device: { workspaceId: string };
    };
    secrets.add(token);
    expect(device.workspaceId).toBeTruthy();
    await call(from, "POST", "/v1/devices/pair", {
      json: { code, deviceId: uuidv4(), kind: "extension" }, // a used code
    });
    const push = await call(from, "POST", "/v1/sync/push", {
      token,
      json: {
        protocol: 1,
        deviceId,
        clientSchema: 1,
        appVersion: "log-test",
        mutations: [
          {
            seq: 1,
            op: "obs.create",
            id: uuidv7(),
            hlc: `${String(Date.now()).padStart(15, "0")}-0000-${deviceId}`,
            fields: {
              channel: "web",
              method: "competitor-audit",
              capturedAt: new Date().toISOString(),
              url: `https://rival.example.vn/?session=${token}`,
              what: "Giá giảm",
            },
          },
        ],
      },
    });
    expect(push.status).toBe(200);
    await call(from, "POST", "/v1/sync/pull", {
      token,
      json: { protocol: 1, deviceId, clientSchema: 1, cookie: null },
    });
    await call(from, "POST", "/v1/auth/logout", { token: admin });
    await call(from, "GET", "/v1/devices", { token: admin }); // a revoked session

    await new Promise((r) => setTimeout(r, 300)); // let the pipes drain
    const out = server.output();
    // The scan is not vacuous: the requests above were logged.
    expect(out).toContain('"path":"/v1/auth/login"');
    expect(out).toContain('"path":"/v1/devices/pair"');
    expect(out).toContain('"path":"/v1/sync/push"');
    expect(out.split("\n").length).toBeGreaterThan(30);
    const found = [...secrets].filter((s) => out.includes(s));
    expect(found, "secrets in the server's output").toEqual([]);
    expect(out).not.toMatch(/authorization|cookie|sightline_session|"password"/i);
    console.log(`log scan: ${out.split("\n").length} lines, ${secrets.size} secrets, 0 found`);
  });
});
