import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { HttpProblem, problemResponse } from "../../http/problem.ts";
import { bodyLimits } from "./index.ts";

const app = new Hono()
  .use(bodyLimits([{ prefix: "/big", maxBytes: 100 }], 10))
  .onError((e) =>
    e instanceof HttpProblem ? problemResponse(e) : new Response("boom", { status: 500 }),
  )
  .post("*", async (c) => c.text(String((await c.req.text()).length)));

describe("bodyLimits", () => {
  it("uses the rule for the path prefix, else the default", async () => {
    expect((await app.request("/big", { method: "POST", body: "x".repeat(100) })).status).toBe(200);
    expect((await app.request("/small", { method: "POST", body: "x".repeat(10) })).status).toBe(
      200,
    );
    const over = await app.request("/small", { method: "POST", body: "x".repeat(11) });
    expect(over.status).toBe(413);
    expect(over.headers.get("content-type")).toBe("application/problem+json");
  });

  it("counts streamed bodies without a content-length", async () => {
    const body = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode("x".repeat(101)));
        c.close();
      },
    });
    const res = await app.request("/big", { method: "POST", body, duplex: "half" } as RequestInit);
    expect(res.status).toBe(413);
  });
});
