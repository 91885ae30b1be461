/**
 * Hover detection without elements: the pointer position is hit-tested to a text position
 * (caretPositionFromPoint / caretRangeFromPoint), the mention there is looked up, and a card opens
 * after a short hover intent. Listeners are passive and never stop or change the page's events,
 * so links under a mention keep working.
 */

/** The text position under a viewport point, if the point is over text. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
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
