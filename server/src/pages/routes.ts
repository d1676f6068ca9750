// GET /v1/pages/captures: what the workspace has captured of one page, for
// an extension's change detection (docs/http-api.md "Pages"). A revisit
// compares the page with every capture of it, yours and teammates', but an
// extension pulls only its own person's observations; this answers the rest
// for one page at a time: each capture's prices and captured element, newest
// first, and nothing a person wrote. Extensions (device:marketer) and people
// who read observations may ask.
import { z } from "@hono/zod-openapi";
import {
  type Entity,
  MAX_PAGE_CAPTURES,
  type PageCapture,
  type PageFacts,
} from "@sightline/shared";
import { pageKey, samePage } from "@sightline/shared/page-key";
import type { AppDeps } from "../app-deps.ts";
import { READERS } from "../auth/roles.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";
import { PageCapturesSchema } from "../http/shared-schemas.ts";
import { principalOf } from "../middleware/auth/index.ts";

/** Newest captures looked at before keeping those of the very page. */
const CANDIDATES = 200;

const HttpUrl = z
  .string()
  .max(2048)
  .refine((s) => pageKey(s) !== null, "an http(s) URL");

const captures = defineRoute([...READERS, "device:marketer"], {
  method: "get",
  path: "/captures",
  summary: "The latest captures of a page in the workspace: prices and captured element",
  request: { query: z.object({ url: HttpUrl, canonicalUrl: HttpUrl.optional() }) },
  responses: {
    200: {
      description: `At most ${MAX_PAGE_CAPTURES} captures with prices or an element, newest first`,
      content: { "application/json": { schema: PageCapturesSchema } },
    },
  },
});

/** `scheme://host/path` of a page key: what stored URLs of the page start with. */
const prefixOf = (key: string) => key.replace(/\?.*$/, "");

type WebFields = {
  url?: string;
  capturedAt?: string;
  evidence?: { facts?: PageFacts };
};

function view(e: Entity): PageCapture | null {
  const f = e.fields as WebFields;
  const facts = f.evidence?.facts;
  if (!f.capturedAt || !facts) return null;
  const c: PageCapture = { id: e.id, capturedAt: f.capturedAt };
  if (facts.prices?.length) c.prices = facts.prices;
  if (facts.element) {
    c.element = { selector: facts.element.selector };
    if (facts.element.text !== undefined) c.element.text = facts.element.text;
  }
  return c.prices || c.element ? c : null;
}

export function pageRoutes(deps: AppDeps) {
  return newRouter().openapi(captures, async (c) => {
    const page = c.req.valid("query");
    const keys = [pageKey(page.url), pageKey(page.canonicalUrl)].filter(
      (k): k is string => k !== null,
    );
    const candidates = await deps.db.pageCaptureCandidates(principalOf(c).workspaceId, {
      urlPrefixes: [...new Set(keys.map(prefixOf))],
      limit: CANDIDATES,
    });
    const found: PageCapture[] = [];
    for (const e of candidates) {
      const f = e.fields as WebFields;
      if (!samePage(page, { url: f.url, canonicalUrl: f.evidence?.facts?.canonicalUrl })) continue;
      const v = view(e);
      if (v) found.push(v);
      if (found.length >= MAX_PAGE_CAPTURES) break;
    }
    return c.json({ captures: found }, 200);
  });
}
