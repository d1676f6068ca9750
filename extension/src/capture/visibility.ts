// "Visible" for capture purposes: what a shopper could see. Prices and
// buttons inside display:none modals, <template>s, scripts or `hidden`
// elements are not what the page offers, so scans skip them.

/** Elements whose text is never page content. */
const NON_CONTENT = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "IFRAME",
  "OBJECT",
  "SVG",
  "HEAD",
]);

/**
 * True when `el` itself hides its subtree: a non-content tag, the `hidden`
 * attribute, `<input type=hidden>`, or computed display:none /
 * visibility:hidden. Cheap enough to call once per element in a tree walk.
 */
export function hidesSubtree(el: Element): boolean {
  if (NON_CONTENT.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute("hidden")) return true;
  if (el.tagName === "INPUT" && (el as HTMLInputElement).type === "hidden") return true;
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(el);
  return style.display === "none" || style.visibility === "hidden";
}

/** True when neither `el` nor any ancestor hides it. */
export function isRendered(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (hidesSubtree(node)) return false;
  }
  return true;
}
