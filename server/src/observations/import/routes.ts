// POST /v1/observations/import (admins, managers, import-scoped API keys): CSV or JSON lines
// from surveys, CRM, call centres, POS, reviews… Either a JSON body
// {source, format, content, …} (the web app) or the raw file with
// ?source=&format=&rowIdColumn=&timeZone= (scripts: curl --data-binary).
// Answers 200 with counts and per-row errors; 400 when the file as a whole
// cannot be read (a file that is not UTF-8 among them). Idempotent on the
// row id (or a hash of the row). The file's text is checked row by row: a
// row holding NUL or a lone surrogate is a row error, never the whole file.

import { z } from "@hono/zod-openapi";
import { INVALID_CHARACTER_MESSAGE, isWellFormedText, NEED_CODES } from "@sightline/shared";
import { IMPORT_FIELDS } from "@sightline/shared/import/columns";
import type { Context } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import { createAuditLog } from "../../audit/audit-log.ts";
import { ADMINS } from "../../auth/roles.ts";
import type { AppEnv } from "../../http/env.ts";
import { badRequest, forbidden } from "../../http/problem.ts";
import { defineRoute } from "../../http/route.ts";
import { newRouter } from "../../http/router.ts";
import { IdSchema, requiredText } from "../../http/shared-schemas.ts";
import { json } from "../../journals/schemas.ts";
import { principalOf } from "../../middleware/auth/index.ts";
import { importObservations } from "./import-observations.ts";
import { IMPORT_FORMATS } from "./parse-import.ts";
import { previewImport } from "./preview.ts";

/** Admins, managers and import-scoped API keys (a script feeding survey or POS exports). */
const IMPORTERS = [...ADMINS, "key:import"] as const;

/** Request bodies up to this size (the app-wide default is 256 KiB). */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

/** A column name or a zone: as sent, without NUL or lone surrogates. */
const name = (max: number) =>
  z.string().min(1).max(max).refine(isWellFormedText, INVALID_CHARACTER_MESSAGE);

const TimeZone = z
  .string()
  .max(64)
  .refine(isWellFormedText, INVALID_CHARACTER_MESSAGE)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "unknown IANA time zone");

const Options = z.object({
  source: requiredText(100),
  /** Check every row and count what would be created; write nothing. */
  dryRun: z.union([z.boolean(), z.enum(["true", "false"])]).optional(),
  format: z.enum(IMPORT_FORMATS).optional(),
  rowIdColumn: name(200).optional(),
  timeZone: TimeZone.optional(),
});

const BodySchema = Options.extend({
  content: z.string().max(MAX_IMPORT_BYTES),
  // null: this field has no column (the server does not guess one by name).
  mapping: z.partialRecord(z.enum(IMPORT_FIELDS), name(200).nullable()).optional(),
  defaults: z
    .strictObject({
      method: z.enum(["survey", "in-depth-interview", "daily-life", "import"]).optional(),
      storeId: IdSchema.optional(),
      competitorId: IdSchema.optional(),
      needs: z.array(z.enum(NEED_CODES)).max(16).optional(),
      tags: z.array(requiredText(60)).max(20).optional(),
    })
    .optional(),
}).openapi("ImportRequest");

const ReportSchema = z
  .object({
    /** A dry run: nothing was written; `created` is what an import would add. */
    dryRun: z.boolean().optional(),
    source: z.string(),
    received: z.number(),
    created: z.number(),
    duplicates: z.number(),
    createdIds: z.array(z.string()),
    errors: z.array(
      z.object({
        line: z.number(),
        rowId: z.string().optional(),
        errors: z.array(z.object({ path: z.string(), message: z.string() })),
      }),
    ),
    /** Every row in error; `errors` lists the first 1,000 of them. */
    errorCount: z.number(),
  })
  .openapi("ImportReport");

/** The body's bytes as UTF-8 text, or a 400 saying the file is not UTF-8. */
async function utf8Body(req: { arrayBuffer(): Promise<ArrayBuffer> }): Promise<string> {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(await req.arrayBuffer());
  } catch {
    throw badRequest("the file is not UTF-8 text", [
      { path: "(body)", message: "save the file as UTF-8 (CSV UTF-8 in Excel) and try again" },
    ]);
  }
}

const route = defineRoute(
  IMPORTERS,
  {
    method: "post",
    path: "/import",
    summary: "Import observations from a CSV or JSON-lines file (idempotent per source and row id)",
    request: {
      query: Options.partial(),
      body: {
        // Not `required`: @hono/zod-openapi would then run the JSON validator on CSV bodies too.
        required: false,
        content: {
          "application/json": { schema: BodySchema },
          "text/csv": { schema: z.string() },
          "application/x-ndjson": { schema: z.string() },
        },
      },
    },
    responses: {
      200: {
        description: "What was imported and what was not, per row",
        content: json(ReportSchema),
      },
    },
  },
  // `content` is the file: its strings are checked per row (map-rows.ts).
  { text: { body: false } },
);

const PreviewSchema = z
  .object({
    format: z.enum(IMPORT_FORMATS),
    columns: z.array(z.string()),
    mapping: z.partialRecord(z.enum(IMPORT_FIELDS), z.string()),
    rowIdColumn: z.string().nullable(),
    rows: z.array(z.record(z.string(), z.string())),
    total: z.number(),
  })
  .openapi("ImportPreview");

const previewRoute = defineRoute(
  IMPORTERS,
  {
    method: "post",
    path: "/import/preview",
    summary:
      "Preview an import file: its columns, the field each would feed, the row id column, the first rows",
    request: {
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z.object({
              format: z.enum(IMPORT_FORMATS).default("csv"),
              content: z.string().max(MAX_IMPORT_BYTES),
            }),
          },
        },
      },
    },
    responses: { 200: { description: "The preview", content: json(PreviewSchema) } },
  },
  { text: { body: false } },
);

/**
 * Whose import it is: the signed-in person, or for an import key the admin
 * who created it (the rows are theirs; the audit names the key as the actor).
 */
function importerOf(c: Context<AppEnv>): { workspaceId: string; userId: string } {
  const p = principalOf(c);
  if (p.type === "user") return p;
  if (p.type === "api-key") return { workspaceId: p.workspaceId, userId: p.createdBy };
  throw forbidden("imports are for people and import keys");
}

export function importRoutes(deps: AppDeps) {
  const audit = deps.audit ?? createAuditLog(deps.db);
  return newRouter()
    .openapi(previewRoute, async (c) => {
      const body = c.req.valid("json");
      const r = await previewImport(body.content, body.format);
      if (!r.ok)
        throw badRequest(
          "the file cannot be read",
          r.errors.map((e) => ({ path: e.line ? `line ${e.line}` : e.path, message: e.message })),
        );
      return c.json(r.preview, 200);
    })
    .openapi(route, async (c) => {
      const user = importerOf(c);
      const type = c.req.header("content-type") ?? "";
      let request: z.infer<typeof BodySchema>;
      if (type.includes("application/json")) {
        const body = await utf8Body(c.req);
        let value: unknown;
        try {
          value = JSON.parse(body);
        } catch {
          value = undefined;
        }
        const parsed = BodySchema.safeParse(value);
        if (!parsed.success)
          throw badRequest(
            "invalid import request",
            parsed.error.issues.map((i) => ({
              path: i.path.join(".") || "(body)",
              message: i.message,
            })),
          );
        request = parsed.data;
      } else {
        const parsed = Options.safeParse(c.req.query());
        if (!parsed.success)
          throw badRequest(
            "invalid import query",
            parsed.error.issues.map((i) => ({
              path: `query.${i.path.join(".")}`,
              message: i.message,
            })),
          );
        const format =
          parsed.data.format ??
          (type.includes("ndjson") || type.includes("jsonl") ? "jsonl" : "csv");
        request = { ...parsed.data, format, content: await utf8Body(c.req) };
      }
      const format = request.format ?? "csv";
      const result = await importObservations(deps, user, request.content, format, {
        source: request.source,
        rowIdColumn: request.rowIdColumn,
        mapping: request.mapping,
        timeZone: request.timeZone,
        defaults: request.defaults,
        dryRun: request.dryRun === true || request.dryRun === "true",
      });
      if (!result.ok)
        throw badRequest(
          "the file cannot be imported",
          result.errors.map((e) => ({
            path: e.line ? `line ${e.line}` : e.path,
            message: e.message,
          })),
        );
      const { ok: _, ...report } = result;
      if (report.dryRun) return c.json(report, 200);
      await audit.fromRequest(c, {
        type: "import",
        target: { type: "import-source", id: report.source, label: report.source },
        detail: {
          format,
          received: report.received,
          created: report.created,
          duplicates: report.duplicates,
          errorCount: report.errorCount,
        },
      });
      return c.json(report, 200);
    });
}
