// GET /v1/vocabulary: the fixed vocabularies every surface labels with — the
// 16 needs, default behaviours, methods and channels, in vi and en. Public:
// it holds no workspace data, and a kiosk shows it before pairing.
import { z } from "@hono/zod-openapi";
import { CHANNELS, DEFAULT_BEHAVIOURS, METHODS, NEEDS } from "@sightline/shared";
import { ANYONE } from "../auth/roles.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";

const Term = z.object({
  code: z.string(),
  vi: z.string(),
  en: z.string(),
  description: z.object({ vi: z.string(), en: z.string() }),
});
const VocabularySchema = z.object({
  needs: z.array(Term.extend({ group: z.enum(["product", "service"]) })),
  behaviours: z.array(Term),
  methods: z.array(Term),
  channels: z.array(Term),
});

const route = defineRoute(ANYONE, {
  method: "get",
  path: "/",
  summary: "Needs, default behaviours, methods and channels (vi/en)",
  responses: {
    200: {
      description: "Vocabulary",
      content: { "application/json": { schema: VocabularySchema } },
    },
  },
});

const terms = <T extends object>(set: Record<string, T>) =>
  Object.entries(set).map(([code, t]) => ({ code, ...t }));

const VOCABULARY = {
  needs: terms(NEEDS),
  behaviours: terms(DEFAULT_BEHAVIOURS),
  methods: terms(METHODS),
  channels: terms(CHANNELS),
};

export function vocabularyRoutes() {
  return newRouter().openapi(route, (c) => {
    c.header("cache-control", "public, max-age=3600");
    return c.json(VOCABULARY, 200);
  });
}
