// Element picker: outline the element under the pointer, click to choose it,
// Escape to cancel. Listeners run in the capture phase and swallow the click
// so the page does not follow a link or open a menu.
import { createOverlay, isOverlay } from "./overlay.ts";

export function pickElement(doc: Document, hint: string): Promise<Element | null> {
  const overlay = createOverlay(doc, hint);
  return new Promise((resolve) => {
    let current: Element | null = null;
    const move = (e: MouseEvent) => {
      const target = e.target instanceof Element && !isOverlay(e.target) ? e.target : null;
      if (target === current) return;
      current = target;
      overlay.showBox(target ? target.getBoundingClientRect() : null);
    };
    const swallow = (e: Event) => {
      e.preventDefault();
      e.stopPropagation();
    };
    const click = (e: MouseEvent) => {
      swallow(e);
      const target = e.target instanceof Element && !isOverlay(e.target) ? e.target : current;
      finish(target);
    };
    const key = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      swallow(e);
      finish(null);
    };
    const finish = (el: Element | null) => {
      doc.removeEventListener("mousemove", move, true);
      doc.removeEventListener("mousedown", swallow, true);
      doc.removeEventListener("mouseup", swallow, true);
      doc.removeEventListener("click", click, true);
      doc.removeEventListener("keydown", key, true);
      overlay.remove();
      resolve(el);
    };
    doc.addEventListener("mousemove", move, true);
    doc.addEventListener("mousedown", swallow, true);
    doc.addEventListener("mouseup", swallow, true);
    doc.addEventListener("click", click, true);
    doc.addEventListener("keydown", key, true);
  });
}
