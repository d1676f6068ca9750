// Element XPaths for the W3C XPathSelector, in the simple form Hypothesis
// uses: `/div[2]/p[1]`, one step per element, relative to a root. We resolve
// them by walking children ourselves instead of `document.evaluate`, which is
// slower on big pages, differs for XHTML namespaces, and is missing in some
// test DOMs.

/** XPaths longer than this don't fit the wire schema; they are not produced. */
export const MAX_XPATH = 2000;

const step = (el: Element) => el.localName.toLowerCase();

/**
 * The XPath of `node` (or of its parent element, for a text node) relative to
 * `root`, e.g. `/main[1]/p[3]`. `root` itself is `/`. Null when the node is not
 * under `root` or the path would exceed MAX_XPATH.
 */
export function xpathOf(node: Node, root: Node): string | null {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (node === root) return "/";
  const steps: string[] = [];
  let length = 0;
  while (el && el !== root) {
    const name = step(el);
    let n = 1;
    for (let s = el.previousElementSibling; s; s = s.previousElementSibling) {
      if (step(s) === name) n++;
    }
    const part = `/${name}[${n}]`;
    length += part.length;
    if (length > MAX_XPATH) return null;
    steps.push(part);
    el = el.parentElement;
  }
  if (el !== root) return null;
  return steps.length === 0 ? "/" : steps.reverse().join("");
}

const STEP = /^(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*|text\(\))(?:\[(\d+)\])?$/;

/**
 * The node an XPath of `/name[n]` steps names under `root`, or null when the
 * path no longer resolves (or uses XPath syntax beyond such steps). Accepts
 * what Hypothesis writes too: a last `text()[n]` step (the n-th text node),
 * namespace prefixes (`/xhtml:p[2]`) and a leading `/html[1]/body[1]` when
 * `root` is the body.
 */
export function elementFromXPath(xpath: string, root: Node): Node | null {
  if (xpath === "/") return root;
  if (!xpath.startsWith("/")) return null;
  let parts = xpath.slice(1).split("/");
  if ((root as Element).localName === "body" && /^(?:\w+:)?html(?:\[1\])?$/i.test(parts[0] ?? ""))
    parts = /^(?:\w+:)?body(?:\[1\])?$/i.test(parts[1] ?? "") ? parts.slice(2) : parts;
  let current: Node = root;
  for (const part of parts) {
    const m = STEP.exec(part);
    if (!m) return null;
    const name = (m[1] as string).toLowerCase();
    let n = m[2] === undefined ? 1 : Number(m[2]);
    let found: Node | null = null;
    for (const child of Array.from(current.childNodes)) {
      const fits =
        name === "text()"
          ? child.nodeType === 3
          : child.nodeType === 1 && step(child as Element) === name;
      if (fits && --n === 0) {
        found = child;
        break;
      }
    }
    if (!found) return null;
    current = found;
  }
  return current;
}
