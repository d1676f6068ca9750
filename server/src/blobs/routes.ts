// Content-addressed screenshots: PUT /v1/blobs/:sha256 (the hash must match
// the bytes; images only, ≤ 5 MiB) and GET within the same workspace, served
// as immutable since the name is the content.
import { createHash } from "node:crypto";
import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../app-deps.ts";
import { ALL_DEVICES, DATA_READERS } from "../auth/roles.ts";
import { badRequest, HttpProblem, notFound } from "../http/problem.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";
import { Sha256Schema } from "../http/shared-schemas.ts";
import { principalOf } from "../middleware/auth/index.ts";

export const MAX_BLOB_BYTES = 5 * 1024 * 1024;
const TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
const binary = z.string().openapi({ format: "binary" });
const params = z.object({ sha256: Sha256Schema });

/** The bytes must look like the type they claim. */
const MAGIC: Record<(typeof TYPES)[number], (b: Uint8Array) => boolean> = {
  "image/png": (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  "image/webp": (b) =>
    Buffer.from(b.subarray(0, 4)).toString("latin1") === "RIFF" &&
    Buffer.from(b.subarray(8, 12)).toString("latin1") === "WEBP",
};

const put = defineRoute([...ALL_DEVICES, "admin", "manager", "marketer"], {
  method: "put",
  path: "/{sha256}",
  summary: "Upload an image named by its sha256",
  request: {
    params,
    body: {
      required: true,
      content: Object.fromEntries(TYPES.map((t) => [t, { schema: binary }])),
    },
  },
  responses: {
    200: { description: "Already stored" },
    201: { description: "Stored" },
    413: { description: "Over 5 MiB" },
    415: { description: "Not png, jpeg or webp" },
  },
});
const get = defineRoute([...DATA_READERS, "device:marketer"], {
  method: "get",
  path: "/{sha256}",
  summary: "Download an image of this workspace",
  request: { params },
  responses: {
    200: {
      description: "The image",
      content: Object.fromEntries(TYPES.map((t) => [t, { schema: binary }])),
    },
    404: { description: "Not in this workspace" },
  },
});

export function blobRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(put, async (c) => {
      const p = principalOf(c);
      const { sha256 } = c.req.valid("param");
      const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
      const known = TYPES.find((t) => t === type);
      if (!known)
        throw new HttpProblem(
          415,
          "Unsupported media type",
          "send image/png, image/jpeg or image/webp",
        );
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.byteLength > MAX_BLOB_BYTES)
        throw new HttpProblem(413, "Too large", "blobs are capped at 5 MiB");
      if (createHash("sha256").update(bytes).digest("hex") !== sha256)
        throw badRequest("the sha256 in the path does not match the body");
      if (!MAGIC[known](bytes)) throw badRequest(`the body is not a ${known} image`);
      const r = await deps.blobs.put(p.workspaceId, sha256, { contentType: known, bytes });
      return c.body(null, r === "created" ? 201 : 200);
    })
    .openapi(get, async (c) => {
      const p = principalOf(c);
      const blob = await deps.blobs.get(p.workspaceId, c.req.valid("param").sha256);
      if (!blob) throw notFound("blob");
      return new Response(new Uint8Array(blob.bytes), {
        status: 200,
        headers: {
          "content-type": blob.contentType,
          "cache-control": "private, max-age=31536000, immutable",
          "content-length": String(blob.bytes.byteLength),
        },
      }) as never;
    });
}
