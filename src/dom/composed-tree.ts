/**
 * The page as the reader sees it: the composed tree, where an open shadow root's content sits in
 * its host's place. `Node.contains` and `compareDocumentPosition` stop at shadow boundaries, so
 * every walk that must look through them (containment, document order, ancestors) is written here,
 * once.
 */

const ELEMENT = 1;
const FRAGMENT = 11;

/** The host of a node that is a shadow root, else null. */
function hostOf(node: Node | null): Element | null {
  return node && node.nodeType === FRAGMENT ? ((node as ShadowRoot).host ?? null) : null;
}

/** Whether `node` is inside `root`, looking through shadow roots (Node.contains does not). */
export function composedContains(root: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? hostOf(n)) {
    if (n === root) return true;
  }
  return false;
}

/** The element a mutation happened in (a shadow root's host; a text node's parent). */
export function elementOf(node: Node): Element | null {
  if (node.nodeType === ELEMENT) return node as Element;
  if (node.nodeType === FRAGMENT) return hostOf(node);
  return node.parentElement ?? hostOf(node.parentNode);
}

/** An element's parent in the composed tree: its parent element, or the host of its shadow root. */
export function composedParent(el: Element): Element | null {
  return el.parentElement ?? hostOf(el.parentNode);
}

/** A node and the shadow hosts around it, outermost first (its place in the composed tree). */
function treePath(node: Node): Node[] {
  const path = [node];
  for (let host = hostOf(node.getRootNode()); host; host = hostOf(host.getRootNode())) path.unshift(host);
  return path;
}

/**
 * Document order of two nodes across open shadow roots (a shadow tree's content in its host's
 * place, before the host's light children): negative when `a` comes first, 0 for the same node.
 * Nodes of one tree are compared natively; only nodes of different trees walk up to their hosts.
 */
export function compareDocumentOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  if (a.getRootNode() === b.getRootNode()) return a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1;
  const pa = treePath(a);
  const pb = treePath(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    const at = pa[i]!.compareDocumentPosition(pb[i]!);
    if (at & 1) return 0; // not in one page at all: no order
    return at & 4 ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** Whether `a` comes before `b` in the page (see {@link compareDocumentOrder}). */
export function precedes(a: Node, b: Node): boolean {
  return compareDocumentOrder(a, b) < 0;
}
