// Journals (docs/http-api.md "Journals"): list, create, open (merged
// timeline page + insights + stats over the whole scope), change, the
// suggestions of its scope, new insights, and exports. People only: admins
// and managers write; marketers and viewers read; staff and devices never
// see journals.
import { z } from "@hono/zod-openapi";
import { CHANNEL_CODES, type Locale, pickLocale, uuidv7 } from "@sightline/shared";
import type { Context } from "hono";
import type { AppDeps } from "../app-deps.ts";
import { createAuditLog } from "../audit/audit-log.ts";
import { ADMINS, DATA_READERS } from "../auth/roles.ts";
import type { AppEnv } from "../http/env.ts";
import { PAGE_LIMIT_MAX, PageQuerySchema, pageOf } from "../http/list-page.ts";
import { notFound } from "../http/problem.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";
import { IdSchema, LocaleSchema } from "../http/shared-schemas.ts";
import { createInsight, viewInsights } from "../insights/service.ts";
import { principalOf, userOf } from "../middleware/auth/index.ts";
import { foldText } from "../observations/search-text.ts";
import { observationView } from "../observations/view.ts";
import { contentDisposition } from "./export/file-name.ts";
import { gatherJournalExport } from "./export/gather.ts";
import { EXPORT_FORMATS } from "./export/journal-export.ts";
import { EXPORT_MEDIA_TYPES, renderExport } from "./export/render.ts";
import { journalSuggestions } from "./journal-suggestions.ts";
import { InsightInputSchema, JournalInputSchema, JournalPatchSchema } from "./model.ts";
import {
  InsightCreatedSchema,
  JournalCreatedSchema,
  JournalListSchema,
  JournalPageSchema,
  JournalSchema,
  json,
  SuggestionsSchema,
} from "./schemas.ts";
import { createScopeCache } from "./scope-cache.ts";
import { timelineQuery } from "./timeline/query.ts";
import { timelineBody, timelineRoute } from "./timeline/route.ts";
import { workspaceContext } from "./workspace-context.ts";

const Params = z.object({ id: IdSchema });
const Lang = z.object({ lang: LocaleSchema.optional() });

const list = defineRoute(DATA_READERS, {
  method: "get",
  path: "/",
  summary: "Journals, newest first: the active ones, or with archived=true the archived ones",
  request: {
    query: PageQuerySchema.extend({ archived: z.enum(["true", "false"]).default("false") }),
  },
  responses: {
    200: { description: "Journals", content: json(JournalListSchema) },
  },
});
const create = defineRoute(ADMINS, {
  method: "post",
  path: "/",
  summary: "Create a journal",
  request: { body: { required: true, content: json(JournalInputSchema) } },
  responses: {
    201: {
      description: "Created",
      content: json(JournalCreatedSchema),
    },
  },
});
const open = defineRoute(DATA_READERS, {
  method: "get",
  path: "/{id}",
  summary:
    "A journal: timeline page (oldest first by default), insights, stats over the whole scope",
  request: {
    params: Params,
    query: z.object({
      q: z.string().min(1).max(200).optional(),
      channel: z.enum(CHANNEL_CODES).optional(),
      order: z.enum(["asc", "desc"]).default("asc"),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      cursor: z.string().max(200).optional(),
      // The insights are a page too, a bounded answer however many a journal gathers.
      insightLimit: z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).default(PAGE_LIMIT_MAX),
      insightCursor: z.string().max(500).optional(),
    }),
  },
  responses: {
    200: { description: "The journal", content: json(JournalPageSchema) },
    404: { description: "No such journal" },
  },
});
const patch = defineRoute(ADMINS, {
  method: "patch",
  path: "/{id}",
  summary: "Change a journal (title, question, goal, scope, archived)",
  request: { params: Params, body: { required: true, content: json(JournalPatchSchema) } },
  responses: {
    200: { description: "Changed", content: json(JournalSchema) },
    404: { description: "No such journal" },
  },
});
const suggestions = defineRoute(DATA_READERS, {
  method: "get",
  path: "/{id}/suggestions",
  summary: "Insight suggestions over the journal's scope: theme groups and time links",
  request: {
    params: Params,
    query: Lang.extend({ limit: z.coerce.number().int().min(1).max(30).default(12) }),
  },
  responses: {
    200: {
      description: "Suggestions, cross-channel first; time links apart",
      content: json(SuggestionsSchema),
    },
    404: { description: "No such journal" },
  },
});
const newInsight = defineRoute(ADMINS, {
  method: "post",
  path: "/{id}/insights",
  summary: "Add an insight with its evidence",
  request: { params: Params, body: { required: true, content: json(InsightInputSchema) } },
  responses: {
    201: {
      description: "Created",
      content: json(InsightCreatedSchema),
    },
    404: { description: "No such journal" },
  },
});
const exportRoute = defineRoute(DATA_READERS, {
  method: "get",
  path: "/{id}/export",
  summary:
    "Export: Markdown, CSV, JSON, print-ready HTML (screenshots embedded) or a zip of Markdown and screenshots",
  request: { params: Params, query: Lang.extend({ format: z.enum(EXPORT_FORMATS).default("md") }) },
  responses: {
    200: {
      description: "The export",
      content: Object.fromEntries(
        Object.values(EXPORT_MEDIA_TYPES).map((t) => [t.split(";")[0], { schema: z.string() }]),
      ),
    },
    404: { description: "No such journal" },
  },
});

/** The caller's language: ?lang=, else Accept-Language, else Vietnamese. */
export const localeOf = (c: Context<AppEnv>, lang: Locale | undefined): Locale =>
  lang ??
  pickLocale(
    c.req
      .header("accept-language")
      ?.split(",")
      .map((s) => s.split(";")[0]?.trim() ?? ""),
  );

export function journalRoutes(deps: AppDeps) {
  const cache = createScopeCache(deps.db);
  const now = () => (deps.now?.() ?? new Date()).toISOString();
  const scopeEntry = async (ws: string, scope: Parameters<typeof cache.get>[2]) => {
    const version = (await deps.db.getWorkspace(ws))?.version ?? 0;
    return cache.get(ws, version, scope);
  };
  /**
   * Observations in a journal's whole scope (as its stats' total), counted
   * once per workspace version and scope: the list asks for every journal,
   * which would push the open journals out of the scope cache.
   */
  const counts = new Map<string, Promise<number>>();
  const scopeCount = (ws: string, version: number, scope: Parameters<typeof cache.get>[2]) => {
    const key = `${ws}\u0000${version}\u0000${JSON.stringify(scope, Object.keys(scope).sort())}`;
    let n = counts.get(key);
    if (!n) {
      if (counts.size >= 1000) counts.clear();
      // An exact count from the timeline's index, not a scan of every row.
      n = deps.db.queryTimeline(ws, { scope, limit: 1 }).then((r) => r.total);
      n.catch(() => counts.delete(key));
      counts.set(key, n);
    }
    return n;
  };
  const journalOr404 = async (ws: string, id: string) => {
    const j = await deps.db.getJournal(ws, id);
    if (!j) throw notFound("journal");
    return j;
  };

  return newRouter()
    .openapi(list, async (c) => {
      const ws = principalOf(c).workspaceId;
      const query = c.req.valid("query");
      const archived = query.archived === "true";
      // A page at a time (newest first, as listJournals orders them): the
      // counts below are work per journal, so the page bounds it too.
      const [page, version] = await Promise.all([
        deps.db.listJournals(ws).then((all) =>
          pageOf(
            all.filter((j) => j.archived === archived),
            "desc",
            query,
          ),
        ),
        deps.db.getWorkspace(ws).then((w) => w?.version ?? 0),
      ]);
      const items = await Promise.all(
        page.items.map(async (j) => {
          const [observationCount, insights] = await Promise.all([
            scopeCount(ws, version, j.scope),
            deps.db.listInsights(ws, j.id),
          ]);
          return { ...j, observationCount, insightCount: insights.length };
        }),
      );
      return c.json({ items, nextCursor: page.nextCursor }, 200);
    })
    .openapi(create, async (c) => {
      const user = userOf(c);
      const journal = await deps.db.createJournal(user.workspaceId, {
        id: uuidv7(),
        ...c.req.valid("json"),
        createdBy: user.userId,
        createdAt: now(),
      });
      return c.json({ id: journal.id, journal }, 201);
    })
    .openapi(open, async (c) => {
      const ws = principalOf(c).workspaceId;
      const journal = await journalOr404(ws, c.req.valid("param").id);
      const q = c.req.valid("query");
      const [entry, page, insights] = await Promise.all([
        scopeEntry(ws, journal.scope),
        deps.db.listScopedObservations(ws, {
          scope: journal.scope,
          q: q.q ? foldText(q.q) : undefined,
          channel: q.channel,
          ascending: q.order === "asc",
          limit: q.limit,
          cursor: q.cursor,
        }),
        deps.db.listInsights(ws, journal.id),
      ]);
      // listInsights orders by (createdAt, id), the order pageOf's cursor follows.
      const shown = pageOf(insights, "asc", { cursor: q.insightCursor, limit: q.insightLimit });
      return c.json(
        {
          journal,
          timeline: page.items.map(observationView),
          nextCursor: page.nextCursor,
          insights: await viewInsights(deps, ws, shown.items),
          insightCount: insights.length,
          insightsNextCursor: shown.nextCursor,
          stats: cache.stats(entry),
        },
        200,
      );
    })
    .openapi(timelineRoute, async (c) => {
      const ws = principalOf(c).workspaceId;
      const journal = await journalOr404(ws, c.req.valid("param").id);
      const [stores, competitors] = await Promise.all([
        deps.db.listStores(ws),
        deps.db.listCompetitors(ws),
      ]);
      const query = timelineQuery(journal.scope, c.req.valid("query"), { stores, competitors });
      const result = await deps.db.queryTimeline(ws, query);
      return c.json(
        timelineBody(result, query.words ?? [], {
          stores: Object.fromEntries(stores.map((s) => [s.id, s.name])),
          competitors: Object.fromEntries(competitors.map((x) => [x.id, x.name])),
        }),
        200,
      );
    })
    .openapi(patch, async (c) => {
      const ws = userOf(c).workspaceId;
      const changed = await deps.db.updateJournal(
        ws,
        c.req.valid("param").id,
        c.req.valid("json"),
        now(),
      );
      if (!changed) throw notFound("journal");
      return c.json(changed, 200);
    })
    .openapi(suggestions, async (c) => {
      const ws = principalOf(c).workspaceId;
      const journal = await journalOr404(ws, c.req.valid("param").id);
      const q = c.req.valid("query");
      const [entry, ctx] = await Promise.all([
        scopeEntry(ws, journal.scope),
        workspaceContext(deps.db, ws),
      ]);
      return c.json(
        journalSuggestions(cache, entry, ctx, { locale: localeOf(c, q.lang), limit: q.limit }),
        200,
      );
    })
    .openapi(newInsight, async (c) => {
      const user = userOf(c);
      const insight = await createInsight(deps, user, c.req.valid("param").id, c.req.valid("json"));
      return c.json({ id: insight.id, insight }, 201);
    })
    .openapi(exportRoute, async (c) => {
      const ws = principalOf(c).workspaceId;
      const journal = await journalOr404(ws, c.req.valid("param").id);
      const q = c.req.valid("query");
      const x = await gatherJournalExport(deps, ws, journal, localeOf(c, q.lang), {
        images: q.format === "html" || q.format === "zip",
      });
      const body = renderExport(x, q.format);
      await (deps.audit ?? createAuditLog(deps.db)).fromRequest(c, {
        type: "export",
        target: { type: "journal", id: journal.id, label: journal.title },
        detail: { format: q.format },
      });
      return c.body(body, 200, {
        "content-type": EXPORT_MEDIA_TYPES[q.format],
        "content-disposition": contentDisposition(
          q.format === "html" ? "inline" : "attachment",
          journal.title,
          q.format,
        ),
      });
    });
}
