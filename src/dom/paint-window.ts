import { closestBlock } from './blocks';
import { precedes } from './composed-tree';
import type { PlacedMention } from './highlight';
import { browserFrames, type FrameScheduler } from './scan-scheduler';

/**
 * More mentions than this on a page: paint only those near the viewport. Chromium rebuilds the
 * markers of every range of a highlight in the frame after it changes, about 30 µs per range on
 * this machine (425 ms for the 13,005 ranges of the 5 MB bench page), so past about a thousand
 * ranges a change alone makes a frame longer than 50 ms; opening the window tracks every mention
 * found so far at once (~10 µs each in the isolated world), so it opens early.
 */
export const WINDOW_THRESHOLD = 500;
/** Screens above and below the viewport whose mentions are painted on a windowed page. */
const WINDOW_SCREENS = 4;
/** The painted region is found again when the reader comes within this many screens of its edge. */
const WINDOW_EDGE_SCREENS = 1;
/** Blocks out of the region passed over before the search stops (layouts not in document order). */
const WINDOW_SLACK = 8;

/**
 * Paints the mentions of a big page only near the viewport: each mention is tracked by the block
 * it starts in, blocks are kept in document order, and the blocks within {@link WINDOW_SCREENS}
 * screens of the viewport are found by a binary search on their boxes (laid out top to bottom in
 * document order on ordinary pages). The region is found again only when the reader comes within
 * {@link WINDOW_EDGE_SCREENS} of its edge (two boxes read per scrolled frame), when blocks are
 * added, or on resize — so scrolling changes the highlights about once every two screens, not
 * every frame.
 *
 * Why not an IntersectionObserver on every block (the first design): the browser computes every
 * observed target's intersection in every scrolled frame, 17 ms a frame for the 5 MB bench page's
 * ~5,000 blocks, and a highlight change in nearly every frame made about half of the frames of a
 * fast scroll longer than 50 ms (scripts/bench/scroll.ts). Touches nothing in the page; hover and
 * keyboard do not depend on it (they use every placed mention).
 */
export class PaintWindow {
  readonly #byBlock = new Map<Element, Set<PlacedMention>>();
  readonly #blockOf = new Map<PlacedMention, Element>();
  /** Mentions whose range is in a highlight now. */
  readonly #painted = new Set<PlacedMention>();
  /** Blocks followed, in document order (let-go blocks stay until the next compaction). */
  #blocks: Element[] = [];
  readonly #listed = new Set<Element>();
  #stale = 0;
  /** Blocks in the painted region now. */
  #near = new Set<Element>();
  /** The nearest blocks just outside the painted region: either coming within the edge repaints. */
  #above: Element | null = null;
  #below: Element | null = null;
  /** The region must be found again (blocks added, resize) at the next frame. */
  #dirty = false;
  /** Cancels the look at the region requested for the next frame, if any. */
  #frame: (() => void) | null = null;
  #closed = false;
  /** The last element looked up and its block (mentions come in document order: often the same). */
  #last: [Element, Element] | null = null;
  readonly #lifetime = new AbortController();

  readonly #doc: Document;
  readonly #paint: (p: PlacedMention, on: boolean) => void;
  readonly #frames: FrameScheduler;

  constructor(
    doc: Document,
    paint: (p: PlacedMention, on: boolean) => void,
    frames: FrameScheduler = browserFrames,
  ) {
    this.#doc = doc;
    this.#paint = paint;
    this.#frames = frames;
    const options = { capture: true, passive: true, signal: this.#lifetime.signal };
    // Scroll events of the page and of any scrolling element reach a capturing listener.
    doc.addEventListener('scroll', () => this.#schedule(false), options);
    doc.defaultView?.addEventListener('resize', () => this.#schedule(true), options);
  }

  /**
   * Follow a mention: painted at once if its block is in the painted region, else when the region
   * comes to it. `painted` says it is in a highlight already (painted before the window opened).
   */
  track(p: PlacedMention, painted = false): void {
    const start = p.range.startContainer;
    const parent = start.nodeType === 1 ? (start as Element) : start.parentElement;
    if (!parent) return;
    let block: Element;
    if (this.#last && this.#last[0] === parent) block = this.#last[1];
    else {
      block = closestBlock(parent) ?? parent;
      this.#last = [parent, block];
    }
    this.#blockOf.set(p, block);
    if (painted) this.#painted.add(p);
    const set = this.#byBlock.get(block);
    if (set) set.add(p);
    else this.#byBlock.set(block, new Set([p]));
    if (!this.#listed.has(block)) {
      // A block appended after the edge below is below the region too (layout follows document
      // order): no search for it, so reading a long page top down searches about once, not
      // every frame. (Not `precedes(below, block)`: comparing far-apart siblings walks the
      // siblings between them — 255 ms in one slice on the 5 MB page.)
      if (!this.#insert(block) || !this.#below) this.#schedule(true);
    }
    // In the region: painted now; else at the next frame if the search finds it near.
    if (this.#near.has(block)) this.#set(p, true);
  }

  /** Stop following a mention (its highlight is removed by the caller). */
  untrack(p: PlacedMention): void {
    const block = this.#blockOf.get(p);
    if (!block) return;
    this.#blockOf.delete(p);
    this.#painted.delete(p);
    const set = this.#byBlock.get(block);
    set?.delete(p);
    if (set && !set.size) {
      this.#byBlock.delete(block);
      this.#last = null;
      // A block whose text changed is re-read at once: keep it, so its new mentions are painted
      // without waiting a frame (no flicker). A removed one is let go. (A block the page moved
      // keeps its old place in the order: re-inserting every re-read block would cost a binary
      // search of far-apart `compareDocumentPosition` calls each, too slow for big re-renders.)
      if (block.isConnected) return;
      // Removed from the painted region, what follows moves up into it: search again.
      const wasNear = this.#near.delete(block);
      if (this.#listed.delete(block)) this.#stale++;
      if (wasNear || this.#above === block || this.#below === block) this.#schedule(true);
    }
  }

  disconnect(): void {
    this.#closed = true;
    this.#lifetime.abort();
    this.#frame?.();
    this.#frame = null;
    this.#byBlock.clear();
    this.#blockOf.clear();
    this.#blocks = [];
    this.#listed.clear();
    this.#near.clear();
    this.#painted.clear();
    this.#above = this.#below = null;
    this.#last = null;
  }

  /** Look at the region at the next frame: found again if `dirty`, else only if an edge is near. */
  #schedule(dirty: boolean): void {
    if (dirty) this.#dirty = true;
    if (this.#frame || this.#closed) return;
    this.#frame = this.#frames.requestFrame(() => {
      this.#frame = null;
      if (this.#closed) return;
      if (this.#dirty || this.#edgeReached()) this.#refresh();
    });
  }

  get #screen(): number {
    return this.#doc.defaultView?.innerHeight || 800;
  }

  /**
   * Whether the reader came within {@link WINDOW_EDGE_SCREENS} of the painted region's edge (or
   * an edge block lost its box, e.g. hidden since: the region is then found again).
   */
  #edgeReached(): boolean {
    const reach = WINDOW_EDGE_SCREENS * this.#screen;
    if (this.#above) {
      const box = boxOf(this.#above);
      if (!box || box.bottom > -reach) return true;
    }
    if (this.#below) {
      const box = boxOf(this.#below);
      if (!box || box.top < this.#screen + reach) return true;
    }
    return false;
  }

  /**
   * Insert a block in document order (appended, in the usual case of a page read top down).
   * Returns whether it was appended after every block followed.
   */
  #insert(block: Element): boolean {
    if (this.#stale) this.#compact();
    this.#listed.add(block);
    const blocks = this.#blocks;
    if (!blocks.length || precedes(blocks[blocks.length - 1]!, block)) {
      blocks.push(block);
      return true;
    }
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (precedes(blocks[mid]!, block)) lo = mid + 1;
      else hi = mid;
    }
    blocks.splice(lo, 0, block);
    return false;
  }

  #compact(): void {
    this.#blocks = this.#blocks.filter((b) => this.#listed.has(b));
    this.#stale = 0;
  }

  /**
   * Find the blocks within {@link WINDOW_SCREENS} screens of the viewport and paint exactly their
   * mentions. Boxes are read in an animation frame, where layout is due anyway. Blocks without a
   * box (hidden by the page's CSS, a closed `<details>`) are passed over wherever they are: they
   * neither end the search nor become an edge.
   */
  #refresh(): void {
    this.#dirty = false;
    if (this.#stale) this.#compact();
    const blocks = this.#blocks;
    const n = blocks.length;
    const lo = -WINDOW_SCREENS * this.#screen;
    const hi = (1 + WINDOW_SCREENS) * this.#screen;
    const near = new Set<Element>();
    const inRegion = (box: DOMRect) => box.bottom >= lo && box.top <= hi;
    // The first block with a box that starts below the region (binary search; a box-less block
    // is judged by the next one with a box, and a box-less tail by nothing).
    let a = 0;
    let b = n;
    while (a < b) {
      const mid = (a + b) >> 1;
      let j = mid;
      let box: DOMRect | null = null;
      while (j < b && !(box = boxOf(blocks[j]!))) j++;
      if (!box || box.top > hi) b = mid;
      else a = j + 1;
    }
    // Forward: the edge below, and (layouts not in document order) blocks in the region there.
    this.#below = null;
    for (let i = a, seen = 0; i < n && seen < WINDOW_SLACK; i++) {
      const box = boxOf(blocks[i]!);
      if (!box) continue;
      seen++;
      if (inRegion(box)) near.add(blocks[i]!);
      else if (box.top > hi) this.#below ??= blocks[i]!;
    }
    // Back from there while blocks are in the region (a few out of it are passed over: pages
    // whose layout does not follow document order exactly). The edge above is the nearest block
    // whose box ends above the region.
    this.#above = null;
    for (let i = a - 1, misses = 0; i >= 0 && misses < WINDOW_SLACK; i--) {
      const box = boxOf(blocks[i]!);
      if (!box) continue;
      if (inRegion(box)) {
        near.add(blocks[i]!);
        misses = 0;
      } else {
        misses++;
        if (box.bottom < lo) this.#above ??= blocks[i]!;
      }
    }
    // A followed block holding a block in the region reaches into the region too.
    for (const block of [...near]) {
      for (let up = block.parentElement; up; up = up.parentElement) {
        if (this.#listed.has(up)) near.add(up);
      }
    }
    for (const block of this.#near) {
      if (near.has(block)) continue;
      const set = this.#byBlock.get(block);
      if (set) for (const p of set) this.#set(p, false);
    }
    for (const block of near) {
      const set = this.#byBlock.get(block);
      if (set) for (const p of set) this.#set(p, true);
    }
    // Followed mentions that were painted before the window opened and are far away now.
    if (this.#painted.size > this.#count(near)) {
      for (const p of [...this.#painted]) {
        const block = this.#blockOf.get(p);
        if (!block || !near.has(block)) this.#set(p, false);
      }
    }
    this.#near = near;
  }

  /** Mentions in `blocks`. */
  #count(blocks: Set<Element>): number {
    let n = 0;
    for (const block of blocks) n += this.#byBlock.get(block)?.size ?? 0;
    return n;
  }

  /** Paint or unpaint a mention, calling into the highlight only for a change. */
  #set(p: PlacedMention, on: boolean): void {
    if (on === this.#painted.has(p)) return;
    if (on) this.#painted.add(p);
    else this.#painted.delete(p);
    this.#paint(p, on);
  }
}

/**
 * The box of a block in viewport coordinates, or null when it has none (hidden). A block shown
 * with `display: contents` has no box of its own: its contents' box is used.
 */
function boxOf(el: Element): DOMRect | null {
  const box = el.getBoundingClientRect();
  if (box.width || box.height) return box;
  const range = el.ownerDocument.createRange();
  range.selectNodeContents(el);
  const inner = range.getBoundingClientRect?.();
  return inner && (inner.width || inner.height) ? inner : null;
}
