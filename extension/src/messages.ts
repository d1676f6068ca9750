// The message protocol between the three execution contexts: the content
// script (in the page), the UI pages (side panel, popup, options) and the
// service worker. One union per direction, each with its zod schema; the
// worker parses every request it receives (`parseWorkerRequest`) because the
// content script runs next to untrusted page code. The content script and the
// UI import only the *types* from here, so zod stays out of their bundles.
import {
  BASES,
  IdSchema,
  ObservationPatchSchema,
  PageFactsSchema,
  type Price,
  RecordedChangeSchema,
  type Selector,
  SelectorSchema,
  Sha256Schema,
} from "@sightline/shared";
import * as z from "zod/mini";

// ---------------------------------------------------------------- captures

export const CAPTURE_KINDS = ["selection", "element", "region", "visible"] as const;
export type CaptureKind = (typeof CAPTURE_KINDS)[number];

const BoxSchema = z.strictObject({
  x: z.number(),
  y: z.number(),
  width: z.number().check(z.nonnegative()),
  height: z.number().check(z.nonnegative()),
});
export type Box = z.infer<typeof BoxSchema>;

const ViewportSchema = z.strictObject({
  width: z.number().check(z.positive()),
  height: z.number().check(z.positive()),
  devicePixelRatio: z.number().check(z.positive()),
});
export type Viewport = z.infer<typeof ViewportSchema>;

/**
 * What the content script reports for one capture. Strings are capped by the
 * shared schemas (quote ≤ 4000 etc.); the worker turns it into an observation.
 */
export const CapturePayloadSchema = z.strictObject({
  kind: z.enum(CAPTURE_KINDS),
  url: z.string().check(z.maxLength(4096)),
  title: z.string().check(z.maxLength(2000)),
  quote: z.optional(z.string().check(z.maxLength(4000))),
  prefix: z.optional(z.string().check(z.maxLength(64))),
  suffix: z.optional(z.string().check(z.maxLength(64))),
  selectors: z.optional(z.array(SelectorSchema).check(z.maxLength(10))),
  /** Where to crop the screenshot, CSS px relative to the viewport. */
  box: z.optional(BoxSchema),
  viewport: ViewportSchema,
  facts: PageFactsSchema,
});
export type CapturePayload = z.input<typeof CapturePayloadSchema>;

/** A change found on a revisited page (see content/page-review.ts). */
export const PageChangeSchema = z.strictObject({
  /** Stable per observation + what changed, so "record" can refer to it. */
  key: z.string().check(z.maxLength(200)),
  observationId: IdSchema,
  kind: z.enum(["price", "element", "quote"]),
  before: z.string().check(z.maxLength(4000)),
  after: z.string().check(z.maxLength(4000)),
  selector: z.optional(z.string().check(z.maxLength(2000))),
  /** The change as data (amounts, or old and new text): recording it stores this as evidence.change. */
  recorded: z.optional(RecordedChangeSchema),
});
export type PageChange = z.infer<typeof PageChangeSchema>;

/** The content script's answer after re-anchoring earlier captures of its page. */
export const PageReportSchema = z.strictObject({
  url: z.string().check(z.maxLength(4096)),
  found: z.array(IdSchema).check(z.maxLength(1000)),
  notFound: z.array(IdSchema).check(z.maxLength(1000)),
  changes: z.array(PageChangeSchema).check(z.maxLength(200)),
  facts: PageFactsSchema,
});
export type PageReport = z.infer<typeof PageReportSchema>;

/**
 * An earlier capture of a page as the content script needs it to re-anchor
 * and compare (the shape capture/change-detect.ts reads, plus identity).
 */
export type EarlierCapture = {
  id: string;
  capturedAt: string;
  selectors: Selector[];
  quote?: string;
  elementSelector?: string;
  text?: string;
  /** Only on the newest capture of the page: prices are compared against what was last known. */
  prices?: Price[];
};

// ------------------------------------------------------- UI / content → worker

const TabTarget = { tabId: z.optional(z.number().check(z.int(), z.nonnegative())) };

const SettingsPatchSchema = z.strictObject({
  locale: z.optional(z.enum(["vi", "en"])),
  eventMode: z.optional(
    z.strictObject({
      active: z.boolean(),
      eventName: z.string().check(z.maxLength(200)),
      booth: z.string().check(z.maxLength(200)),
    }),
  ),
  /** The after-pairing prompt for competitor sites was answered (allowed or "not now"). */
  accessPrompted: z.optional(z.boolean()),
  /** Selection captures also save a screenshot of the visible area. */
  selectionScreenshots: z.optional(z.boolean()),
});
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const ListFilterSchema = z.strictObject({
  /** Just this observation. */
  id: z.optional(IdSchema),
  /** Only captures of this page (normalised URL match). */
  pageUrl: z.optional(z.string().check(z.maxLength(4096))),
  competitorId: z.optional(IdSchema),
  tag: z.optional(z.string().check(z.maxLength(60))),
  /** Only this device owner's own web and event captures (Recent), not kiosk or imports. */
  mine: z.optional(z.boolean()),
  limit: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(500))),
});
export type ListFilter = z.infer<typeof ListFilterSchema>;

export const WorkerRequestSchema = z.discriminatedUnion("type", [
  /** Start a capture in a tab (default: the active tab of the last focused window). */
  z.strictObject({ type: z.literal("capture.start"), kind: z.enum(CAPTURE_KINDS), ...TabTarget }),
  /** From the content script: the picker/region gesture finished. */
  z.strictObject({ type: z.literal("capture.submit"), capture: CapturePayloadSchema }),
  z.strictObject({
    type: z.literal("observation.update"),
    id: IdSchema,
    fields: ObservationPatchSchema,
  }),
  z.strictObject({ type: z.literal("observation.delete"), id: IdSchema }),
  z.strictObject({ type: z.literal("observations.list"), filter: ListFilterSchema }),
  z.strictObject({
    type: z.literal("event.note"),
    text: z.string().check(z.maxLength(4000)),
    photo: z.optional(Sha256Schema),
    competitorId: z.optional(IdSchema),
    /** Seen first-hand, inferred, or heard from someone (default observed). */
    basis: z.optional(z.enum(BASES)),
  }),
  z.strictObject({
    type: z.literal("change.record"),
    key: z.string().check(z.maxLength(200)),
    ...TabTarget,
  }),
  /** This page's anchoring report and changes (for the panel). */
  z.strictObject({ type: z.literal("page.state"), ...TabTarget }),
  /** From the content script: earlier captures of my page, please. */
  z.strictObject({
    type: z.literal("page.hello"),
    url: z.string().check(z.maxLength(4096)),
    canonicalUrl: z.optional(z.string().check(z.maxLength(4096))),
  }),
  z.strictObject({ type: z.literal("page.report"), report: PageReportSchema }),
  /** Watch a capture's price or element: re-checked in the background (worker/watch-service.ts). */
  z.strictObject({ type: z.literal("watch.add"), observationId: IdSchema }),
  z.strictObject({ type: z.literal("watch.remove"), id: IdSchema }),
  z.strictObject({ type: z.literal("watch.list") }),
  /** Re-check now (still at most one request a minute per site). */
  z.strictObject({ type: z.literal("watch.check"), id: IdSchema }),
  z.strictObject({ type: z.literal("sync.now") }),
  z.strictObject({ type: z.literal("status.get") }),
  z.strictObject({
    type: z.literal("pair"),
    serverUrl: z.string().check(z.maxLength(2048), z.regex(/^https?:\/\/[^/]+/i, "an http(s) URL")),
    code: z.string().check(z.trim(), z.minLength(4), z.maxLength(32)),
    name: z.optional(z.string().check(z.maxLength(100))),
  }),
  /** A manager's new code for this revoked install: re-admission under the same id and storage. */
  z.strictObject({
    type: z.literal("reconnect"),
    code: z.string().check(z.trim(), z.minLength(4), z.maxLength(32)),
  }),
  /** The unsent writes as "sightline-unsent" files. */
  z.strictObject({ type: z.literal("export.unsent") }),
  /**
   * Unpairing deletes unsent writes, so with any unsent it needs two separate
   * confirmations, each naming how many writes will be lost.
   */
  z.strictObject({
    type: z.literal("unpair"),
    understood: z.optional(z.number().check(z.int(), z.nonnegative())),
    confirmed: z.optional(z.number().check(z.int(), z.nonnegative())),
  }),
  z.strictObject({ type: z.literal("settings.get") }),
  z.strictObject({ type: z.literal("settings.set"), patch: SettingsPatchSchema }),
]);
export type WorkerRequest = z.input<typeof WorkerRequestSchema>;
export type ParsedWorkerRequest = z.output<typeof WorkerRequestSchema>;
export type WorkerRequestType = WorkerRequest["type"];

/** Parse a message at the worker boundary; null when it is not ours or malformed. */
export function parseWorkerRequest(message: unknown): ParsedWorkerRequest | null {
  const r = WorkerRequestSchema.safeParse(message);
  return r.success ? r.data : null;
}

// ------------------------------------------------------------ worker answers

export type Settings = {
  locale: "vi" | "en";
  eventMode: { active: boolean; eventName: string; booth: string };
  /** Absent (older installs) reads as false. */
  accessPrompted?: boolean;
  selectionScreenshots?: boolean;
};

export type Pairing = {
  serverUrl: string;
  token: string;
  deviceId: string;
  workspaceId: string;
  role: string;
  /** When a sync answered 401 (revoked by a manager): no new writes until re-admission. */
  revokedAt?: number;
};

export type SyncStatusView = {
  paired: boolean;
  serverUrl: string | null;
  workspaceName: string | null;
  unsynced: number;
  oldestUnsyncedAt: number | null;
  lastSyncAt: number | null;
  pendingBlobs: number;
  /** "unauthorized": a manager revoked this install; captures are refused, unsent data kept. */
  state: "idle" | "syncing" | "waiting" | "unauthorized" | "too-old" | "unpaired";
  lastError: string | null;
  rejected: number;
};

/** An observation as the UI lists it (live entities of the local mirror). */
export type ObservationView = {
  id: string;
  fields: Record<string, unknown>;
  createdBy: string;
  /** True until the server has acknowledged every write to it. */
  pending: boolean;
};

export type ConfigView = {
  competitors: { id: string; name: string; domains: string[] }[];
  tags: string[];
};

export type PageStateView = {
  tabId: number | null;
  url: string | null;
  report: PageReport | null;
  /** Set when the page cannot be reached (no permission, chrome:// page, ...). */
  unavailable: "no-permission" | "restricted" | "no-tab" | null;
};

export type CaptureResult =
  | { ok: true; id: string; screenshot: "saved" | "none" | "unavailable"; elapsedMs: number }
  | { ok: true; started: true }
  | { ok: false; error: CaptureError };

export type CaptureError =
  | "no-selection"
  | "no-tab"
  | "restricted"
  | "no-permission"
  | "not-paired"
  | "revoked"
  | "invalid";

/** `device-id-taken`: re-admission refused, the id belongs to a device that is not revoked. */
export type PairError = "bad-code" | "network" | "server" | "no-permission" | "device-id-taken";
export type PairResult =
  | { ok: true; workspaceId: string }
  | { ok: false; error: PairError; detail?: string };

export type UnpairResult = { ok: true } | { ok: false; unsynced: number };

/** One "Export unsent data" file: name, JSON text, how many writes it holds. */
export type UnsentFile = { name: string; text: string; mutations: number };

/** A watched page as the panel lists it. */
export type WatchView = {
  id: string;
  observationId: string;
  url: string;
  title: string;
  kind: "price" | "element";
  /** The price (formatted) or the element's text the watch knows now. */
  value: string;
  lastCheckedAt: number | null;
  lastChangedAt: number | null;
  /** When the next request may go out (the schedule, or the site's one-a-minute limit). */
  nextCheckAt: number;
  /** Changes recorded as observations so far. */
  changes: number;
  /** Why the last check could not compare: no access, the fetch failed, the price or element is gone. */
  problem: "no-permission" | "fetch-failed" | "gone" | null;
  problemDetail?: string;
};

export type WatchAddResult =
  | { ok: true; watch: WatchView }
  | { ok: false; error: "not-found" | "nothing-to-watch" };

/** What each request answers. */
export type WorkerResponses = {
  "capture.start": CaptureResult;
  "capture.submit": CaptureResult;
  "observation.update": { ok: boolean; error?: string };
  "observation.delete": { ok: boolean; error?: string };
  "observations.list": { items: ObservationView[]; config: ConfigView };
  "event.note": { ok: true; id: string } | { ok: false; error: string };
  "change.record": { ok: true; id: string } | { ok: false; error: string };
  "page.state": PageStateView;
  "page.hello": { captures: EarlierCapture[] };
  "page.report": { ok: true };
  "watch.add": WatchAddResult;
  "watch.remove": { ok: boolean };
  "watch.list": { items: WatchView[] };
  "watch.check": { items: WatchView[] };
  "sync.now": SyncStatusView;
  "status.get": SyncStatusView;
  pair: PairResult;
  reconnect: PairResult;
  "export.unsent": { files: UnsentFile[] };
  unpair: UnpairResult;
  "settings.get": Settings;
  "settings.set": Settings;
};

export type WorkerResponse<T extends WorkerRequestType> = WorkerResponses[T];

// ------------------------------------------------------ worker → content

/** Requests the worker sends into a tab (answered by content/content.ts). */
export type ContentRequest =
  | { type: "content.ping" }
  /** Describe the current selection (null when nothing is selected). */
  | { type: "content.selection" }
  /** Describe the element last right-clicked (context menu "capture element"). */
  | { type: "content.context-element"; hint: string }
  /** Describe the page only (facts), for a visible-area screenshot. */
  | { type: "content.page" }
  /** Start an interactive gesture; the result arrives later as `capture.submit`. */
  | { type: "content.pick"; mode: "element" | "region"; hint: string }
  /** Anchor earlier captures again (after a new capture or sync). */
  | { type: "content.review" };

export type ContentResponses = {
  "content.ping": "pong";
  "content.selection": CapturePayload | null;
  "content.context-element": CapturePayload | null;
  "content.page": CapturePayload;
  "content.pick": { started: true };
  "content.review": { ok: true };
};

// ------------------------------------------------------------ worker → UI

/** Pushed to connected UI ports (name "ui") when something they show changed. */
export type UiEvent =
  | { type: "ui.status"; status: SyncStatusView }
  | { type: "ui.observations" }
  | { type: "ui.page"; tabId: number }
  /** A capture was saved (from any gesture: panel, menu, shortcut, picker). */
  | {
      type: "ui.captured";
      id: string;
      elapsedMs: number;
      screenshot: "saved" | "none" | "unavailable";
    }
  | { type: "ui.settings" }
  /** A watch was added, removed or checked. */
  | { type: "ui.watches" };
