// The capture path, whatever started it (context menu, keyboard command,
// popup or side-panel button, a picker click in the page): reach the tab's
// content script, get the capture described, take and crop the screenshot,
// store it, then write the observation and ask for a sync.
//
// Order matters: the screenshot blob is stored (awaited, durable) BEFORE the
// observation referencing it is written to the outbox — step 1 of the
// blob-before-observation guarantee described in gated-transport.ts.
import { isDeviceRevoked, uuidv7 } from "@sightline/shared";
import type { BrowserApi, Tab } from "../browser-api.ts";
import { matchCompetitor } from "../capture/competitor-match.ts";
import {
  type CaptureKind,
  CapturePayloadSchema,
  type CaptureResult,
  type ContentRequest,
} from "../messages.ts";
import type { BlobStorage } from "./blob-storage.ts";
import type { ContentChannel } from "./content-injector.ts";
import { fieldsFromCapture, type ParsedCapture } from "./observation-fields.ts";
import type { Screenshotter } from "./screenshot.ts";
import type { SyncService } from "./sync-service.ts";
import type { WorkerContext } from "./worker-context.ts";

export type CaptureServiceDeps = {
  api: BrowserApi;
  channel: ContentChannel;
  screenshots: Screenshotter;
  blobs: BlobStorage;
  sync: SyncService;
  context: WorkerContext;
  now(): number;
  /** The options page's "Add a screenshot to selection captures". */
  selectionScreenshots(): Promise<boolean>;
  /** After a capture is saved (UI refresh, re-highlight in the page). */
  saved(
    saved: { id: string; elapsedMs: number; screenshot: "saved" | "none" | "unavailable" },
    tabId: number | undefined,
  ): void;
};

export type CaptureService = {
  /** Start a capture of `kind` in a tab (default: the active tab). */
  start(kind: CaptureKind, tabId?: number): Promise<CaptureResult>;
  /** The element last right-clicked (context menu). */
  contextElement(tabId: number): Promise<CaptureResult>;
  /** A capture the content script finished on its own (picker click, region drag). */
  submit(capture: ParsedCapture, tab: Tab | undefined): Promise<CaptureResult>;
};

/**
 * Kinds whose evidence includes a screenshot. A selection keeps its quote
 * only, unless the user's setting adds the visible area to it.
 */
const WITH_SCREENSHOT: Record<CaptureKind, boolean> = {
  selection: false,
  element: true,
  region: true,
  visible: true,
};

export function createCaptureService(d: CaptureServiceDeps): CaptureService {
  async function targetTab(tabId?: number): Promise<Tab | null> {
    if (tabId !== undefined) return d.api.tabs.get(tabId).catch(() => null);
    const [tab] = await d.api.tabs.query({ active: true, lastFocusedWindow: true });
    return tab ?? null;
  }

  async function reach(
    tabId?: number,
  ): Promise<{ tab: Tab & { id: number } } | { error: CaptureResult }> {
    const session = await d.sync.session();
    if (!session) return { error: { ok: false, error: "not-paired" } };
    // A manager revoked this install: no capture that could never be sent.
    if (session.revoked()) return { error: { ok: false, error: "revoked" } };
    const tab = await targetTab(tabId);
    if (tab?.id === undefined) return { error: { ok: false, error: "no-tab" } };
    const r = await d.channel.ensure(tab.id);
    if (r !== "ok") return { error: { ok: false, error: r } };
    return { tab: tab as Tab & { id: number } };
  }

  async function ask(tabId: number, request: ContentRequest): Promise<unknown> {
    try {
      return await d.channel.send(tabId, request);
    } catch {
      return null;
    }
  }

  async function save(
    capture: ParsedCapture,
    tab: Tab | undefined,
    started: number,
  ): Promise<CaptureResult> {
    const session = await d.sync.session();
    if (!session) return { ok: false, error: "not-paired" };
    if (session.revoked()) return { ok: false, error: "revoked" };
    let screenshot: string | undefined;
    let shot: "saved" | "none" | "unavailable" = "none";
    const withShot =
      WITH_SCREENSHOT[capture.kind] ||
      (capture.kind === "selection" && (await d.selectionScreenshots().catch(() => false)));
    if (withShot) {
      shot = "unavailable";
      try {
        // A selection's screenshot is the visible area around it, not the text's own box.
        const box =
          capture.kind === "visible" || capture.kind === "selection" ? undefined : capture.box;
        const image =
          tab?.windowId !== undefined
            ? await d.screenshots.capture(tab.windowId, capture.viewport, box)
            : null;
        if (image) {
          screenshot = await d.blobs.put(image.bytes, image.type, d.now());
          shot = "saved";
        }
      } catch {
        // No activeTab/<all_urls> grant, or the tab went away: keep the capture without it.
      }
    }
    const config = await d.context.config();
    const match = matchCompetitor(capture.url, config.competitors);
    const id = uuidv7(d.now());
    const fields = fieldsFromCapture(capture, {
      competitor: match && { id: match.id, name: match.name },
      screenshot,
      now: new Date(d.now()),
      t: await d.context.t(),
    });
    try {
      await session.engine.write({ op: "obs.create", id, fields });
    } catch (e) {
      if (isDeviceRevoked(e)) return { ok: false, error: "revoked" };
      throw e;
    }
    session.scheduler.request("write");
    const elapsedMs = d.now() - started;
    d.saved({ id, elapsedMs, screenshot: shot }, tab?.id);
    return { ok: true, id, screenshot: shot, elapsedMs };
  }

  async function describe(
    tabId: number | undefined,
    request: ContentRequest,
    empty: CaptureResult,
  ) {
    const started = d.now();
    const r = await reach(tabId);
    if ("error" in r) return r.error;
    const payload = await ask(r.tab.id, request);
    if (!payload) return empty;
    const parsed = CapturePayloadSchema.safeParse(payload);
    if (!parsed.success) return { ok: false, error: "invalid" } as const;
    return save(parsed.data, r.tab, started);
  }

  return {
    async start(kind, tabId) {
      switch (kind) {
        case "selection":
          return describe(
            tabId,
            { type: "content.selection" },
            { ok: false, error: "no-selection" },
          );
        case "visible":
          return describe(tabId, { type: "content.page" }, { ok: false, error: "invalid" });
        case "element":
        case "region": {
          const r = await reach(tabId);
          if ("error" in r) return r.error;
          const t = await d.context.t();
          const hint = t(kind === "element" ? "capture.pickHint" : "capture.regionHint");
          await ask(r.tab.id, { type: "content.pick", mode: kind, hint });
          return { ok: true, started: true };
        }
        default: {
          const never: never = kind;
          return { ok: false, error: `unknown kind ${String(never)}` as never };
        }
      }
    },
    contextElement: async (tabId) =>
      describe(
        tabId,
        { type: "content.context-element", hint: (await d.context.t())("capture.pickHint") },
        { ok: false, error: "invalid" },
      ),
    submit: (capture, tab) => save(capture, tab, d.now()),
  };
}
