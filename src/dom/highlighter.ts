/**
 * The page-side engine: finds mentions in a document and keeps them highlighted as the page
 * changes, without ever touching the page's nodes.
 *
 * - Time-sliced: text is extracted and matched in slices of about 8 ms (whole blocks each), with a
 *   yield to the page between slices, so no task of ours runs long even on a 5 MB page.
 * - Visible part first: the blocks under a few points of the viewport are read before the rest of
 *   the page, which then leaves them out (so no text span is placed twice). Ambiguous aliases are
 *   still judged on the whole page: support found anywhere, in any order, counts.
 * - Dynamic pages: one MutationObserver, its records coalesced per animation frame; only the
 *   blocks that changed are re-read, removed text drops its highlights, and a burst of changes
 *   falls back to one full rescan. Highlights do not mutate the DOM and our own UI is ignored, so
 *   the observer never feeds itself.
 * - Open shadow roots: read with the page, and each one found is observed by the same observer
 *   (an observer on the document does not see into shadow trees).
 * - Single-page apps: a content script cannot hook the page's `history.pushState`, so a change of
 *   `location.href` is noticed at the next batch of mutations (or at `popstate` / `hashchange`),
 *   and the page is then read again from scratch: all highlights, held ambiguous mentions and the
 *   support they had are dropped first, so nothing of the previous "page" is carried over. A change
 *   of the fragment alone is an in-page jump, not a navigation, unless it looks like a route
 *   (`#/…`, `#!…`).
 */
import type { Dictionary } from '../core/dictionary';
import type { EntityType } from '../core/entities';
import type { Mention } from '../core/matcher';
import { isNavigation } from '../core/navigation';
import { SupportTracker } from '../core/support';
import { closestBlock } from './blocks';
import { composedContains, elementOf } from './composed-tree';
import { isInsideSkipped, TextExtractor } from './extract';
import { placeMentions, type HighlightStyle, type PlacedMention } from './highlight';
import { HighlightRegistry, type HighlightApi } from './highlight-registry';
import { MentionIndex } from './mention-index';
import { browserFrames, ScanScheduler, type FrameScheduler } from './scan-scheduler';
import { PaintWindow } from './paint-window';
import { isScrolled, viewportBlocks } from './viewport-blocks';

/** More changed blocks than this in one frame: rescan everything once instead. */
const FULL_RESCAN_THRESHOLD = 200;
/** What the observer listens to, on the document and on every open shadow root found. */
const OBSERVE: MutationObserverInit = { childList: true, characterData: true, subtree: true };
/**
 * More mentions than this on a page: paint only those near the viewport. Chromium rebuilds the
 * markers of every range of a highlight in the frame after it changes, about 30 µs per range on
 * this machine (425 ms for the 13,005 ranges of the 5 MB bench page), so past about a thousand
 * ranges a change alone makes a frame longer than 50 ms; opening the window tracks every mention
 * found so far at once (~10 µs each in the isolated world), so it opens early.
 */
const WINDOW_THRESHOLD = 500;
/** Options of a {@link Highlighter}. */
export interface HighlighterOptions {
  /** Whether a node belongs to our own UI (never scanned, its mutations ignored). */
  isOwnUi?: (node: Node) => boolean;
  /** Called after each scan or update with the mentions now on the page. */
  onChange?: (mentions: readonly PlacedMention[]) => void;
  /** Entity types to find (default: all). Mentions of other types are neither shown nor reachable. */
  types?: ReadonlySet<EntityType>;
  /** How mentions look (default: underline); `none` keeps them for hover and keyboard only. */
  style?: HighlightStyle;
  /** The browser's frames and tasks (default: the real ones). */
  frames?: FrameScheduler;
  /** The browser's Custom Highlight API (default: the real one). */
  highlights?: HighlightApi;
}

export class Highlighter {
  /** Every mention placed, for hover and keyboard. */
  private readonly index = new MentionIndex();
  /** Our highlights: one per entity type, registered under the style's names. */
  private readonly registry: HighlightRegistry;
  /** Ambiguous mentions judged on the whole page: what supports them, and those still waiting. */
  private readonly support: SupportTracker<PlacedMention>;
  private readonly typeOf: Map<string, EntityType>;
  private observer: MutationObserver | null = null;
  /** Open shadow roots the observer follows. */
  private readonly observed = new WeakSet<ShadowRoot>();
  private pending: MutationRecord[] = [];
  /** Cancels the flush requested for the next frame, if any. */
  private frame: (() => void) | null = null;
  /** Slices, generations and one piece of work at a time. */
  private readonly scheduler: ScanScheduler;
  /** The page address the highlights belong to (a change is an SPA navigation). */
  private href = '';
  /** Ends the window listeners with the highlighter. */
  private readonly lifetime = new AbortController();
  /** Set once a page has more than {@link WINDOW_THRESHOLD} mentions: paints only those near the viewport. */
  private window: PaintWindow | null = null;

  constructor(
    private readonly root: Element,
    private readonly dict: Dictionary,
    private readonly options: HighlighterOptions = {},
  ) {
    const types = options.types;
    this.typeOf = new Map(
      dict.entities.flatMap((e) => (types && !types.has(e.type) ? [] : [[e.id, e.type] as const])),
    );
    this.registry = new HighlightRegistry(options.style ?? 'underline', options.highlights);
    this.support = new SupportTracker(dict);
    this.scheduler = new ScanScheduler(options.frames ?? browserFrames);
  }

  /** Change how mentions look without rescanning (the page is never touched). */
  setStyle(style: HighlightStyle): void {
    this.registry.setStyle(style);
  }

  /** Scan the whole page (time-sliced) while already following its changes. */
  async start(): Promise<void> {
    if (this.scheduler.isStopped) return;
    this.registry.open(this.typeOf.values());
    // Observe first: what changes during the first scan is queued and re-read after it.
    this.observer = new MutationObserver((records) => this.queue(records));
    this.observer.observe(this.root.ownerDocument, OBSERVE);
    this.href = this.currentHref();
    const win = this.root.ownerDocument.defaultView;
    if (win) {
      // Back/forward and hash routes: look at the address at the next frame.
      const check = () => this.schedule();
      win.addEventListener('popstate', check, { signal: this.lifetime.signal });
      win.addEventListener('hashchange', check, { signal: this.lifetime.signal });
    }
    const generation = this.scheduler.current;
    await this.scheduler.exclusive(() => this.scanPage(generation));
  }

  /** Stop observing and remove every highlight (the page is left exactly as it was). */
  stop(): void {
    this.scheduler.stop();
    this.lifetime.abort();
    this.observer?.disconnect();
    this.observer = null;
    this.frame?.();
    this.frame = null;
    this.registry.close();
    this.window?.disconnect();
    this.window = null;
    this.index.clear();
    this.support.reset();
  }

  /** Mentions currently highlighted, in no particular order. */
  get mentions(): readonly PlacedMention[] {
    return this.index.all();
  }

  /** The mention covering a text position, if any. */
  mentionAt(node: Node, offset: number): PlacedMention | undefined {
    return this.index.at(node, offset);
  }

  /** The page's address (empty where there is none, e.g. a detached document). */
  private currentHref(): string {
    return this.root.ownerDocument.location?.href ?? '';
  }

  /**
   * Read the whole page: on a page opened scrolled down, the blocks in the viewport first, then —
   * once a frame has shown them (slices queued back to back could otherwise keep the page from
   * rendering for a while) — everything else, in document order.
   */
  private async scanPage(generation: number): Promise<void> {
    const scrolled = await isScrolled(this.root.ownerDocument);
    if (!this.scheduler.isLive(generation)) return;
    const first = scrolled ? viewportBlocks(this.root, this.options.isOwnUi) : [];
    await this.scheduler.each(first, (block) => this.scan(block, generation));
    if (first.length && generation === this.scheduler.current) await this.scheduler.frames.afterNextPaint();
    // Painted in one change at the end (hover and keyboard use the index, so staged mentions work
    // before they are painted).
    this.registry.stage();
    try {
      await this.scan(this.root, generation, new Set(first));
    } finally {
      this.registry.commit();
    }
    if (generation === this.scheduler.current) this.options.onChange?.(this.mentions);
  }

  /** Follow mutations inside an open shadow root met while reading the page (once per root). */
  private observeShadowRoot(root: ShadowRoot): void {
    if (!this.observer || this.observed.has(root)) return;
    const own = this.options.isOwnUi;
    if (own && own(root.host)) return;
    this.observed.add(root);
    this.observer.observe(root, OBSERVE);
  }

  /**
   * Extract and match `root` in slices, adding highlights as they are found; `skip` holds blocks
   * read already. Stops when the page is read again from scratch (a newer generation).
   */
  private async scan(root: Node, generation: number, skip?: ReadonlySet<Node>): Promise<void> {
    const extractor = new TextExtractor(root, {
      skip,
      onShadowRoot: (shadow) => this.observeShadowRoot(shadow),
    });
    await this.scheduler.slices(generation, (clock) => {
      const chunk = extractor.next(clock.shouldYield);
      clock.extracted();
      // Ambiguous aliases are judged on the whole page: support found in any chunk counts.
      const { found, unsupported } = this.support.match(chunk.text);
      this.add(placeMentions(chunk, found));
      this.support.hold(placeMentions(chunk, unsupported));
      this.add(this.support.release());
      // The page removed where we were about to continue: read the whole root again, later.
      if (chunk.done && extractor.lost && this.scheduler.isLive(generation)) this.queueRescan(root);
      return chunk.done;
    });
  }

  private add(list: PlacedMention[]): void {
    for (const p of list) {
      const type = this.typeOf.get(p.mention.entity);
      if (!type || !this.registry.has(type)) continue;
      if (this.window) this.window.track(p);
      else this.registry.add(type, p.range);
      this.index.add(p);
    }
    if (!this.window && this.index.size > WINDOW_THRESHOLD) this.openWindow();
  }

  /**
   * Switch to painting only the mentions near the viewport: every mention so far is tracked by
   * its block, ranges staged for the end of the scan are dropped (the window paints what is near),
   * and what is painted now but far away is removed at the window's first search (next frame).
   */
  private openWindow(): void {
    const doc = this.root.ownerDocument;
    if (!doc.defaultView) return;
    const { registry } = this;
    const typeOf = (p: PlacedMention) => this.typeOf.get(p.mention.entity)!;
    registry.setWindowed(true);
    const paint = (p: PlacedMention, on: boolean) => registry.paint(typeOf(p), p.range, on);
    this.window = new PaintWindow(doc, paint, this.scheduler.frames);
    for (const p of this.index.all()) this.window.track(p, !registry.isStaged(typeOf(p), p.range));
    registry.dropStaged();
  }

  private remove(p: PlacedMention): void {
    this.index.remove(p);
    const type = this.typeOf.get(p.mention.entity);
    if (type) {
      this.registry.delete(type, p.range);
      this.window?.untrack(p);
    }
  }

  /** Roots to read again at the next flush (e.g. a scan lost its place): elements or shadow roots. */
  private readonly rescans = new Set<Node>();

  private queueRescan(root: Node): void {
    this.rescans.add(root.nodeType === 1 || root.nodeType === 11 ? root : this.root);
    this.schedule();
  }

  /** Flush at the next animation frame (once). */
  private schedule(): void {
    if (!this.frame && !this.scheduler.isStopped)
      this.frame = this.scheduler.frames.requestFrame(() => void this.flush());
  }

  private queue(records: MutationRecord[]): void {
    const own = this.options.isOwnUi;
    for (const r of records) {
      if (own && own(r.target)) continue;
      if (own && r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => own(n)))
        continue;
      this.pending.push(r);
    }
    if (this.pending.length) this.schedule();
  }

  /**
   * Once per frame with changes: after an SPA navigation, read the page again from scratch;
   * otherwise re-read the blocks that changed.
   */
  private async flush(): Promise<void> {
    this.frame = null;
    if (this.scheduler.isStopped) return;
    const href = this.currentHref();
    if (href !== this.href) {
      const navigated = isNavigation(this.href, href);
      this.href = href;
      if (navigated) {
        // A scan of the previous page stops at its next slice; the changes queued so far are
        // covered by reading everything again.
        const generation = this.scheduler.renew();
        this.pending = [];
        this.rescans.clear();
        await this.scheduler.exclusive(async () => {
          if (!this.scheduler.isLive(generation)) return;
          this.clear();
          await this.scanPage(generation);
        });
        return;
      }
    }
    if (!this.pending.length && !this.rescans.size) return;
    const generation = this.scheduler.current;
    await this.scheduler.exclusive(() => this.update(generation));
  }

  /** Drop every highlight, held mention and the support they gave (a new page starts). */
  private clear(): void {
    this.registry.clear();
    this.window?.disconnect();
    this.window = null;
    this.registry.setWindowed(false);
    this.index.clear();
    this.support.reset();
  }

  /** Re-read the blocks that changed since the last frame. */
  private async update(generation: number): Promise<void> {
    if (!this.scheduler.isLive(generation)) return;
    const records = this.pending;
    this.pending = [];
    // Text that left the document takes its highlights (and held candidates) with it. Only
    // removals can disconnect text: a feed that only appends skips this walk over every mention.
    if (records.some((r) => r.removedNodes.length > 0)) {
      for (const p of this.index.all()) {
        if (!p.range.startContainer.isConnected || !p.range.endContainer.isConnected) this.remove(p);
      }
      this.support.drop((p) => !p.range.startContainer.isConnected || !p.range.endContainer.isConnected);
    }
    const dirty = new Set<Node>(this.rescans);
    this.rescans.clear();
    for (const r of records) {
      const target = elementOf(r.target);
      if (!target || !target.isConnected || !composedContains(this.root, target)) continue;
      if (r.type === 'childList') {
        // Nodes added to a page-level container (body, a feed, a shadow root without blocks): read
        // just what was added, not the container — a banner or a tooltip appended to <body> must
        // not rescan the page.
        const container = this.blockOf(r.target);
        const pageLevel = container === this.root || container === r.target || container.nodeType === 11;
        for (const added of r.addedNodes) {
          if (added.nodeType === 1 && pageLevel) dirty.add(added);
          else dirty.add(container);
        }
        continue;
      }
      dirty.add(this.blockOf(r.target));
    }
    for (const node of [...dirty]) {
      const el = elementOf(node);
      if (!el || !el.isConnected || isInsideSkipped(node)) dirty.delete(node);
    }
    let roots = [...dirty].filter(
      (b) => ![...dirty].some((other) => other !== b && composedContains(other, b)),
    );
    if (roots.length > FULL_RESCAN_THRESHOLD) roots = [this.root];
    for (const root of roots) {
      if (!this.scheduler.isLive(generation)) return;
      // Node.contains is native; the walk through shadow hosts only for nodes in shadow trees.
      const doc = root.ownerDocument ?? root;
      const inside = (n: Node) => root.contains(n) || (n.getRootNode() !== doc && composedContains(root, n));
      for (const p of this.index.all()) if (inside(p.range.startContainer)) this.remove(p);
      this.support.drop((p) => inside(p.range.startContainer));
      await this.scan(root, generation);
    }
    if (this.scheduler.isLive(generation)) this.options.onChange?.(this.mentions);
  }

  /**
   * The block to re-read for a change at `node`: its nearest block element in its own tree; in a
   * shadow tree without one, the shadow root (never the whole page for a change in a component).
   */
  private blockOf(node: Node): Node {
    if (node.nodeType === 11) return (node as ShadowRoot).host ? node : this.root;
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    const block = el && closestBlock(el);
    if (block) return block;
    const top = (el ?? node).getRootNode();
    return top.nodeType === 11 && (top as ShadowRoot).host ? top : this.root;
  }
}

export type { Mention };
