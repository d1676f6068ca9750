// The in-page UI (picker outline, region rectangle, hint) lives in one
// closed Shadow DOM so page styles cannot touch it and it cannot touch the
// page. It is removed entirely before a screenshot is taken.

const STYLE = `
:host { all: initial; }
.layer { position: fixed; inset: 0; z-index: 2147483647; pointer-events: none; font: 13px/1.4 system-ui, sans-serif; }
.layer.drag { pointer-events: auto; cursor: crosshair; background: rgba(0, 0, 0, 0.08); }
.box { position: fixed; border: 2px solid #0a66c2; background: rgba(10, 102, 194, 0.12); border-radius: 2px; display: none; }
.hint { position: fixed; left: 50%; top: 12px; transform: translateX(-50%); background: #1f2328; color: #fff; padding: 6px 12px; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
`;

export type Rect = { x: number; y: number; width: number; height: number };

export type Overlay = {
  /** The full-viewport layer; receives pointer events only in drag mode. */
  readonly layer: HTMLElement;
  showBox(rect: Rect | null): void;
  setDrag(on: boolean): void;
  remove(): void;
};

export function createOverlay(doc: Document, hint: string): Overlay {
  const host = doc.createElement("div");
  host.setAttribute("data-sightline-overlay", "");
  const root = host.attachShadow({ mode: "closed" });
  const style = doc.createElement("style");
  style.textContent = STYLE;
  const layer = doc.createElement("div");
  layer.className = "layer";
  const box = doc.createElement("div");
  box.className = "box";
  const label = doc.createElement("div");
  label.className = "hint";
  label.textContent = hint;
  layer.append(box, label);
  root.append(style, layer);
  doc.documentElement.append(host);
  return {
    layer,
    showBox(rect) {
      if (!rect) {
        box.style.display = "none";
        return;
      }
      Object.assign(box.style, {
        display: "block",
        left: `${rect.x}px`,
        top: `${rect.y}px`,
        width: `${rect.width}px`,
        height: `${rect.height}px`,
      });
    },
    setDrag(on) {
      layer.classList.toggle("drag", on);
    },
    remove: () => host.remove(),
  };
}

/** True for our own overlay host (so the picker never selects it). */
export function isOverlay(node: EventTarget | null): boolean {
  return node instanceof Element && node.hasAttribute("data-sightline-overlay");
}

/** Wait until the page has repainted without the overlay (clippers use ~150 ms). */
export function afterRepaint(win: Window, extraMs = 80): Promise<void> {
  return new Promise((resolve) => {
    win.requestAnimationFrame(() =>
      win.requestAnimationFrame(() => win.setTimeout(resolve, extraMs)),
    );
  });
}
