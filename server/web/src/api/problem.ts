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

  constructor(
    status: number,
    title: string,
    detail?: string,
    errors: FieldError[] = [],
    type?: string,
  ) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = "ApiError";
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
    this.type = type;
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
export function toApiError(status: number, statusText: string, body: unknown): ApiError {
  if (body && typeof body === "object") {
    const b = body as Record<string, unknown>;
    const title = typeof b.title === "string" ? b.title : statusText || `HTTP ${status}`;
    const detail = typeof b.detail === "string" ? b.detail : undefined;
    const type = typeof b.type === "string" ? b.type : undefined;
    return new ApiError(status, title, detail, fieldErrors(b.errors), type);
  }
  const text = typeof body === "string" && body.trim() ? body.trim().slice(0, 300) : undefined;
  return new ApiError(status, statusText || `HTTP ${status}`, text);
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
