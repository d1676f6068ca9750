// The runtime globals shared code may use: the few that every Sightline
// runtime has — browsers, dedicated and service workers, Node ≥ 20 — and only
// the parts of them shared uses. Shared compiles against ES2023 and this file
// alone, so an API that exists only in the DOM or only in Node fails to
// compile here instead of at run time on one of the clients or the server.
// Declarations only: nothing imports this file, and packages that import
// shared see their own full DOM, WebWorker or Node types instead.

interface Crypto {
  getRandomValues<T extends Uint8Array>(array: T): T;
  randomUUID(): string;
}
declare var crypto: Crypto;

declare function structuredClone<T>(value: T): T;

declare function setTimeout(handler: () => void, timeout?: number): unknown;
declare function clearTimeout(handle: unknown): void;

interface URL {
  readonly href: string;
  readonly origin: string;
  readonly protocol: string;
  readonly host: string;
  readonly pathname: string;
  readonly searchParams: URLSearchParams;
  toString(): string;
}
declare var URL: { prototype: URL; new (url: string, base?: string): URL };

interface URLSearchParams {
  entries(): IterableIterator<[string, string]>;
  toString(): string;
}
declare var URLSearchParams: {
  prototype: URLSearchParams;
  new (init?: string[][] | [string, string][] | string): URLSearchParams;
};

interface AbortSignal {
  readonly aborted: boolean;
}
declare var AbortSignal: { prototype: AbortSignal; timeout(milliseconds: number): AbortSignal };

interface Headers {
  get(name: string): string | null;
}

interface ReadableStream {
  cancel(reason?: unknown): Promise<void>;
}

interface Response {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: Headers;
  readonly body: ReadableStream | null;
  json(): Promise<unknown>;
  text(): Promise<string>;
}
declare var Response: {
  prototype: Response;
  new (
    body?: string | null,
    init?: { status?: number; headers?: Record<string, string> },
  ): Response;
};

interface RequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}
declare function fetch(input: string, init?: RequestInit): Promise<Response>;
