// What a failed request means, in the user's language: problem types map to
// catalogue messages (`problem.<slug>`), a 429 says how long to wait, a
// network failure says the typed text is kept. The server's own English
// title and detail are never shown; field errors show only which fields.
import { ApiError } from "../api/problem.ts";
import { catalog, type T, type WebKey } from "../i18n/i18n.tsx";

export type ProblemText = { title: string; fields: string[] };

const BY_STATUS: Record<number, string> = {
  400: "bad-request",
  401: "unauthorized",
  403: "forbidden",
  404: "not-found",
  409: "conflict",
  413: "too-large",
  415: "unsupported-media-type",
  503: "unavailable",
};

/** Field paths the forms send, named as the forms label them. */
const FIELD_LABELS: Record<string, WebKey> = {
  title: "journalNew.name",
  question: "journalNew.question",
  goal: "journalNew.goal",
  scope: "journalNew.scope",
  statement: "insight.statementLabel",
  owner: "action.owner",
  due: "action.dueLabel",
  overrideReason: "override.reason",
  source: "import.source",
  url: "webhooks.url",
  secret: "webhooks.secret",
};

function fieldName(path: string, t: T): string {
  const key = FIELD_LABELS[path.split(".")[0] ?? ""];
  return key ? t(key) : path;
}

export function problemText(error: unknown, t: T): ProblemText {
  if (!(error instanceof ApiError))
    return {
      title: t("error.generic", { detail: error instanceof Error ? error.message : String(error) }),
      fields: [],
    };
  if (error.isNetwork) return { title: t("problem.network"), fields: [] };
  if (error.isUnexpected) {
    return {
      title: t("error.unexpectedResponse", { request: error.title }),
      fields: error.errors.map((f) => f.path).filter(Boolean),
    };
  }
  const fields = [...new Set(error.errors.map((f) => f.path).filter(Boolean))].map((f) =>
    fieldName(f, t),
  );
  if (error.status === 429) {
    return {
      title:
        error.retryAfterSec !== undefined
          ? t("problem.rateLimited", { seconds: Math.max(1, error.retryAfterSec) })
          : t("problem.rateLimitedSoon"),
      fields: [],
    };
  }
  const slug = error.slug;
  const key = `problem.${slug}`;
  if (slug && Object.hasOwn(catalog, key)) return { title: t(key as WebKey), fields };
  const byStatus = BY_STATUS[error.status];
  if (fields.length && (error.status === 400 || error.status === 422))
    return { title: t("problem.validation"), fields };
  if (byStatus) return { title: t(`problem.${byStatus}` as WebKey), fields };
  if (error.status >= 500) return { title: t("problem.server", { status: error.status }), fields };
  return { title: t("problem.status", { status: error.status }), fields };
}
