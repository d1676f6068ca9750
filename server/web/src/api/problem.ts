// An API failure as the UI shows it: the server's problem+json
// (`{type, title, status, detail, errors?}`), or a network failure (status 0).
export type FieldError = { path: string; message: string };

/** The `type` of an ApiError for a 2xx answer that does not match its schema. */
export const UNEXPECTED_RESPONSE = "urn:sightline:client:unexpected-response";

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];
  /** The problem's `type` (`urn:sightline:problem:<slug>`), when the server sent one. */
  readonly type: string | undefined;
  /** Seconds the server asked us to wait (a 429's or 503's Retry-After), when it said. */
  readonly retryAfterSec: number | undefined;

  constructor(
    status: number,
    title: string,
    detail?: string,
    errors: FieldError[] = [],
    type?: string,
    retryAfterSec?: number,
  ) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = "ApiError";
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
    this.type = type;
    this.retryAfterSec = retryAfterSec;
  }

  /** The problem's slug (`rate-limited`, `validation`…): what the catalogue's `problem.<slug>` keys name. */
  get slug(): string | undefined {
    const m = this.type?.match(/^urn:sightline:problem:([a-z0-9-]+)$/);
    return m?.[1];
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }

  /** The server answered, but not in the shape the app reads (its schema). */
  get isUnexpected(): boolean {
    return this.type === UNEXPECTED_RESPONSE;
  }
}

/** Read a problem+json body (or anything else) into an ApiError. */
export function toApiError(
  status: number,
  statusText: string,
  body: unknown,
  retryAfter?: string | null,
): ApiError {
  const wait = retryAfterSeconds(retryAfter);
  if (body && typeof body === "object") {
    const b = body as Record<string, unknown>;
    const title = typeof b.title === "string" ? b.title : statusText || `HTTP ${status}`;
    const detail = typeof b.detail === "string" ? b.detail : undefined;
    const type = typeof b.type === "string" ? b.type : undefined;
    return new ApiError(status, title, detail, fieldErrors(b.errors), type, wait);
  }
  const text = typeof body === "string" && body.trim() ? body.trim().slice(0, 300) : undefined;
  return new ApiError(status, statusText || `HTTP ${status}`, text, [], undefined, wait);
}

/** Retry-After as seconds: a number of seconds or an HTTP date. */
function retryAfterSeconds(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const n = Number(value.trim());
  if (Number.isFinite(n) && n >= 0) return Math.ceil(n);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** `errors` may be a list of `{path, message}` (zod issues) or a map field → message(s). */
function fieldErrors(raw: unknown): FieldError[] {
  if (Array.isArray(raw)) {
    return raw.map((e) => {
      if (e && typeof e === "object") {
        const o = e as Record<string, unknown>;
        const path = Array.isArray(o.path) ? o.path.join(".") : String(o.path ?? o.field ?? "");
        return { path, message: String(o.message ?? JSON.stringify(e)) };
      }
      return { path: "", message: String(e) };
    });
  }
  if (raw && typeof raw === "object") {
    return Object.entries(raw).map(([path, m]) => ({
      path,
      message: Array.isArray(m) ? m.join("; ") : String(m),
    }));
  }
  return [];
}
