// One pass over the text nodes under a root, so every selector and every
// anchoring strategy speaks the same coordinates: offsets into the root's
// textContent. Built once per capture/anchor call; lookups are binary searches,
// so a large page costs O(n) once, not O(n) per candidate.

/** Offsets into the root's textContent, half-open `[start, end)`. */
export interface TextSpan {
  start: number;
  end: number;
}

export interface TextIndex {
  readonly root: Node;
  /** Equal to `root.textContent` at the time the index was built. */
  readonly text: string;
  /** Text offset of a DOM boundary point, or null when it is outside the root. */
  offsetOf(container: Node, offset: number): number | null;
  /** The span of text inside `node` (a node under or equal to the root), else null. */
  spanOf(node: Node): TextSpan | null;
  /** A live Range over `[start, end)`, or null when out of bounds or the root has no text. */
  rangeAt(start: number, end: number): Range | null;
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, spelled out for non-DOM typecheck contexts
const CONTAINED_BY = 16; // Node.DOCUMENT_POSITION_CONTAINED_BY

/** Index the text nodes under `root` (in document order). */
export function indexText(root: Node): TextIndex {
  const doc = root.ownerDocument ?? (root as Document);
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  const position = new Map<Node, number>();
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let length = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    position.set(t, nodes.length);
    nodes.push(t);
    starts.push(length);
    parts.push(t.data);
    length += t.data.length;
  }
  const text = parts.join("");

  const lenAt = (i: number) => nodes[i]?.data.length ?? 0;
  const startAt = (i: number) => starts[i] ?? length;
  // Lowest index whose node satisfies `pred` (pred must be monotone over document order).
  const firstIndex = (pred: (t: Text) => boolean): number => {
    let lo = 0;
    let hi = nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pred(nodes[mid] as Text)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  // Highest index i with starts[i] <= offset (and -1 when none).
  const lastStartingAtOrBefore = (offset: number): number => {
    let lo = 0;
    let hi = nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (startAt(mid) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };
  const inside = (node: Node) => node === root || root.contains(node);
  // Offset of the boundary just before `node` / just after `node`.
  const before = (node: Node) =>
    startAt(firstIndex((t) => t === node || (node.compareDocumentPosition(t) & FOLLOWING) !== 0));
  const after = (node: Node) =>
    startAt(
      firstIndex((t) => {
        const pos = node.compareDocumentPosition(t);
        return (pos & FOLLOWING) !== 0 && (pos & CONTAINED_BY) === 0;
      }),
    );

  return {
    root,
    text,
    offsetOf(container, offset) {
      if (!inside(container)) return null;
      const i = position.get(container);
      if (i !== undefined) return startAt(i) + Math.min(Math.max(offset, 0), lenAt(i));
      const child = container.childNodes[offset];
      return child ? before(child) : after(container);
    },
    spanOf(node) {
      if (!inside(node)) return null;
      if (node === root) return { start: 0, end: length };
      return { start: before(node), end: after(node) };
    },
    rangeAt(start, end) {
      if (nodes.length === 0 || start < 0 || end < start || end > length) return null;
      const range = doc.createRange();
      const si = Math.max(lastStartingAtOrBefore(start), 0);
      // The end point sits in the node holding the character before it.
      const ei = end === start ? si : Math.max(lastStartingAtOrBefore(end - 1), 0);
      range.setStart(nodes[si] as Text, start - startAt(si));
      range.setEnd(nodes[ei] as Text, end - startAt(ei));
      return range;
    },
  };
}
