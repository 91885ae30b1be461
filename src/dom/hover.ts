/**
 * Hover detection without elements: the pointer position is hit-tested to a text position
 * (caretPositionFromPoint / caretRangeFromPoint), the mention there is looked up, and a card opens
 * after a short hover intent. Listeners are passive and never stop or change the page's events,
 * so links under a mention keep working.
 */

type CaretDocument = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/**
 * The text position under a viewport point, if the point is over text. Hit tests stop at shadow
 * hosts (the position is retargeted to the host's parent) unless the shadow roots are named: when
 * the first answer is not a text position, the open shadow roots under the point are looked up
 * (elementFromPoint, host by host) and passed as `shadowRoots` to caretPositionFromPoint, so the
 * position lands on the text inside the component (Chromium ≥ 128 and Firefox, both tested).
 */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    if (p && p.offsetNode.nodeType === 3) return { node: p.offsetNode, offset: p.offset };
    const shadowRoots = openShadowRootsAt(doc, x, y);
    if (shadowRoots.length === 0) return p ? { node: p.offsetNode, offset: p.offset } : null;
    const inner = d.caretPositionFromPoint(x, y, { shadowRoots });
    return inner ? { node: inner.offsetNode, offset: inner.offset } : null;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** The open shadow roots of the hosts under a point, outermost first (closed ones stay closed). */
export function openShadowRootsAt(doc: Document, x: number, y: number): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  let el = typeof doc.elementFromPoint === 'function' ? doc.elementFromPoint(x, y) : null;
  while (el) {
    const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (!shadow || roots.includes(shadow)) break;
    roots.push(shadow);
    const inner: Element | null = shadow.elementFromPoint(x, y);
    if (!inner || inner === el) break;
    el = inner;
  }
  return roots;
}

/** The client rectangles of a static range (through a short-lived live Range). */
export function rangeRects(range: StaticRange): DOMRect[] {
  const live = range.startContainer.ownerDocument!.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return [...live.getClientRects()];
}

/** Whether a viewport point lies on a range's rendered text (caret hit-tests snap to the nearest). */
export function isOver(range: StaticRange, x: number, y: number): boolean {
  return rangeRects(range).some(
    (r) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1,
  );
}

/** Options of {@link trackHover}. */
export interface HoverOptions<M> {
  /** The mention at a text position, if any. */
  mentionAt: (node: Node, offset: number) => (M & { range: StaticRange }) | undefined;
  /** Milliseconds the pointer must rest on a mention before `onEnter`. */
  delayMs: () => number;
  /** Whether a node is inside our card (moving into it keeps the card open). */
  isInCard: (node: Node) => boolean;
  onEnter: (mention: M & { range: StaticRange }) => void;
  /** The pointer just reached a mention (before the hover intent): a chance to prefetch. */
  onApproach?: (mention: M & { range: StaticRange }) => void;
  onLeave: () => void;
  signal: AbortSignal;
}

/** Follow the pointer; at most one hit test per animation frame. Stops when `signal` aborts. */
/** Grace period before a card closes, so the pointer can travel from the mention into it. */
const LEAVE_DELAY_MS = 300;

export function trackHover<M>(doc: Document, options: HoverOptions<M>): void {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let leaveTimer: ReturnType<typeof setTimeout> | undefined;
  let current: (M & { range: StaticRange }) | undefined;
  let lastX = 0;
  let lastY = 0;
  let inCard = false;
  const test = () => {
    frame = 0;
    const caret = caretAt(doc, lastX, lastY);
    const found = caret ? options.mentionAt(caret.node, caret.offset) : undefined;
    const hit = found && isOver(found.range, lastX, lastY) ? found : undefined;
    if (hit === current) return;
    clearTimeout(timer);
    current = hit;
    if (hit) {
      clearTimeout(leaveTimer);
      options.onApproach?.(hit);
      timer = setTimeout(() => current === hit && options.onEnter(hit), options.delayMs());
    } else {
      clearTimeout(leaveTimer);
      leaveTimer = setTimeout(() => options.onLeave(), LEAVE_DELAY_MS);
    }
  };
  const onMove = (event: PointerEvent) => {
    if (!event.isTrusted) return;
    const target = event.composedPath()[0] as Node | undefined;
    if (target && options.isInCard(target)) {
      // Inside the card: keep it open; leaving the card later closes it like leaving a mention.
      clearTimeout(timer);
      clearTimeout(leaveTimer);
      current = undefined;
      inCard = true;
      return;
    }
    if (inCard) {
      // Out of the card: it closes after the grace period unless the pointer reaches a mention.
      inCard = false;
      leaveTimer = setTimeout(() => options.onLeave(), LEAVE_DELAY_MS);
    }
    lastX = event.clientX;
    lastY = event.clientY;
    if (!frame) frame = requestAnimationFrame(test);
  };
  doc.addEventListener('pointermove', onMove, { passive: true, capture: true, signal: options.signal });
  options.signal.addEventListener('abort', () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(leaveTimer);
  });
}
