/**
 * The part of the page the reader sees, read before the rest on a page opened scrolled down (a
 * restored position, an anchor), so its mentions light up first. Layout is read only where it is
 * due anyway, never forced inside our task.
 */
import { closestBlock, isBlockName } from './blocks';
import { isInsideSkipped } from './extract';

/** Viewport points (fractions of width and height) whose blocks are read first. */
const VIEWPORT_POINTS: readonly (readonly [number, number])[] = [0.5, 0.25, 0.75].flatMap((x) =>
  [0.15, 0.4, 0.65, 0.9].map((y) => [x, y] as const),
);
/** A block read first may grow to an ancestor block holding at most this much text. */
const VIEWPORT_BLOCK_CHARS = 5000;
/** At most this much text is read first (about two screens of dense text). */
const VIEWPORT_TEXT_CHARS = 20000;

/**
 * The box of `el` as of the next finished layout (an IntersectionObserver's first report), without
 * forcing one; null where there is no IntersectionObserver or no report within `timeoutMs`.
 */
function afterLayout(el: Element, timeoutMs = 1000): Promise<DOMRectReadOnly | null> {
  const Observer = (el.ownerDocument.defaultView as (Window & typeof globalThis) | null)
    ?.IntersectionObserver;
  if (typeof Observer !== 'function') return Promise.resolve(null);
  return new Promise((resolve) => {
    const done = (box: DOMRectReadOnly | null) => {
      clearTimeout(timer);
      observer.disconnect();
      resolve(box);
    };
    const observer = new Observer((entries) => done(entries[0]?.boundingClientRect ?? null));
    const timer = setTimeout(() => done(null), timeoutMs);
    observer.observe(el);
  });
}

/**
 * Whether the page is shown scrolled away from its top-left corner, as of the next finished
 * layout: only then are the viewport's blocks worth finding first.
 *
 * Hit-testing the viewport needs layout. Even a frame after the page was parsed, a 5 MB page
 * may have none yet, and our elementFromPoint then ran its first layout inside our task
 * (158 ms measured) — as would reading `scrollY`. So wait for an IntersectionObserver report
 * (computed from a finished layout, in the browser's rendering step): it says whether the
 * page is scrolled at all. A page shown from its top needs no hit-test — reading in document
 * order starts with what is visible — so only a page opened scrolled down (a restored
 * position, an anchor) is hit-tested. A hidden tab shows nothing: read in document order.
 */
export async function isScrolled(doc: Document): Promise<boolean> {
  if (doc.visibilityState === 'hidden') return false;
  const box = await afterLayout(doc.documentElement);
  return !!box && (box.top < -1 || box.left < -1);
}

/**
 * Blocks in the viewport, to be read before the rest of the page. From the element hit at a few
 * points, up to the largest block ancestor with at most {@link VIEWPORT_BLOCK_CHARS} of text;
 * then its sibling blocks, one way and the other, while they are on screen (the points alone
 * miss paragraphs between them when a page is one long flat container). Outermost only (none
 * inside another), never the root, our UI or a skipped region, and {@link VIEWPORT_TEXT_CHARS}
 * of text at most. Empty where there is no layout (linkedom, a 0×0 hidden tab).
 */
export function viewportBlocks(root: Element, own?: (node: Node) => boolean): Element[] {
  const doc = root.ownerDocument;
  const win = doc.defaultView;
  if (!win || typeof doc.elementFromPoint !== 'function') return [];
  const width = win.innerWidth;
  const height = win.innerHeight;
  if (!(width > 0 && height > 0)) return [];
  const chosen = new Set<Element>();
  let budget = VIEWPORT_TEXT_CHARS;
  /** Whether a block may be read first (and take it from the budget if so). */
  const take = (block: Element): boolean => {
    if (block === root || !root.contains(block) || (own && own(block)) || isInsideSkipped(block))
      return false;
    const length = textLength(block, VIEWPORT_BLOCK_CHARS);
    if (length > VIEWPORT_BLOCK_CHARS || length > budget) return false;
    budget -= length;
    chosen.add(block);
    return true;
  };
  const onScreen = (el: Element): boolean | null => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return null; // not rendered: step over it
    return r.bottom > 0 && r.top < height;
  };
  for (const [fx, fy] of VIEWPORT_POINTS) {
    const hit = doc.elementFromPoint(width * fx, height * fy);
    if (!hit || [...chosen].some((b) => b.contains(hit))) continue;
    let block: Element | null = closestBlock(hit);
    if (!block || block === root || textLength(block, VIEWPORT_BLOCK_CHARS) > VIEWPORT_BLOCK_CHARS) continue;
    for (;;) {
      const parent: Element | null = block.parentElement;
      const up: Element | null = parent && closestBlock(parent);
      if (!up || up === root || textLength(up, VIEWPORT_BLOCK_CHARS) > VIEWPORT_BLOCK_CHARS) break;
      block = up;
    }
    if (chosen.has(block) || !take(block)) continue;
    for (const step of ['previousElementSibling', 'nextElementSibling'] as const) {
      for (let sib = block[step], n = 0; sib && n < 200; sib = sib[step], n++) {
        const visible = onScreen(sib);
        if (visible === null) continue;
        if (!visible) break;
        // Inline or unknown elements (ads, components) are left to the full scan.
        if (!isBlockName(sib.localName)) continue;
        if (!chosen.has(sib) && !take(sib)) break;
      }
    }
  }
  // Outermost only: a block inside another would be read twice.
  const blocks = [...chosen];
  return blocks.filter((b) => !blocks.some((other) => other !== b && other.contains(b)));
}

/** Length of the text under `el`, counted up to just past `limit` (a bound, not exact). */
function textLength(el: Element, limit: number): number {
  const walker = el.ownerDocument.createTreeWalker(el, 0x4 /* SHOW_TEXT */);
  let length = 0;
  for (let n = walker.nextNode(); n && length <= limit; n = walker.nextNode()) {
    length += (n as Text).data.length;
  }
  return length;
}
