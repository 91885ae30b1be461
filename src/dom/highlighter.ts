/**
 * The page-side engine: finds mentions in a document and keeps them highlighted as the page
 * changes, without ever touching the page's nodes. A facade over single-purpose parts:
 *
 * - {@link ScanScheduler}: text is extracted and matched in slices of about 8 ms (whole blocks
 *   each), with a yield to the page between slices, one piece of work at a time, and a new
 *   generation (older scans stop) when the page is read again from scratch.
 * - {@link viewportBlocks}: on a page opened scrolled down, the blocks on screen are read before
 *   the rest of the page, which then leaves them out (so no text span is placed twice).
 * - {@link PageCandidates}: the one-sense-per-page rule (`core/sense`, as `wsw annotate` judges a
 *   page): every candidate is judged against the whole page — a namesake named further down
 *   ("Paul Bucha") takes the bare uses above it, support found anywhere counts — and the page is
 *   judged again as a whole in slices of at most {@link SLICE_MS} after a scan or an update.
 * - {@link PageObserver}: mutations (and open shadow roots) batched per frame into the blocks to
 *   read again, or the whole page after a burst; removed text drops its highlights.
 * - {@link NavigationWatch}: an SPA navigation (a new address that is not an in-page jump) drops
 *   every highlight and candidate and what the page said, and reads the page again.
 * - {@link MentionIndex}: every placed mention, for hover and keyboard.
 * - {@link HighlightRegistry}: the only code that touches `CSS.highlights`; a page-wide scan is
 *   painted in one change at its end.
 * - {@link PaintWindow}: past {@link WINDOW_THRESHOLD} mentions, only those near the viewport are
 *   painted.
 *
 * The browser's frames, MutationObserver and highlight API come in through the options (the real
 * ones by default), so tests drive the highlighter with plain objects.
 */
import type { Dictionary } from '../core/dictionary';
import type { EntityType } from '../core/entities';
import { findMentions } from '../core/matcher';
import { composedContains } from './composed-tree';
import { TextExtractor } from './extract';
import { placeMentions, type HighlightStyle, type PlacedMention, type RangeFactory } from './highlight';
import { browserHighlights, HighlightRegistry, type HighlightApi } from './highlight-registry';
import { MentionIndex } from './mention-index';
import { PageCandidates, type Turned } from './page-candidates';
import { NavigationWatch } from './navigation-watch';
import { browserObserver, PageObserver, type ObserverFactory } from './page-observer';
import { PaintWindow, WINDOW_THRESHOLD } from './paint-window';
import { browserFrames, ScanScheduler, SLICE_MS, type FrameScheduler } from './scan-scheduler';
import { isScrolled, viewportBlocks } from './viewport-blocks';

/** Options of a {@link Highlighter}. */
export interface HighlighterOptions {
  /** Whether a node belongs to our own UI (never scanned, its mutations ignored). */
  isOwnUi?: (node: Node) => boolean;
  /** Called after each scan or update with the mentions now on the page. */
  onChange?: (mentions: readonly PlacedMention[]) => void;
  /**
   * Called with each piece of visible text as it is read (whole blocks, separated by U+2029), so
   * that what else needs the page's text does not walk the page again.
   */
  onText?: (text: string) => void;
  /** Entity types to find (default: all). Mentions of other types are neither shown nor reachable. */
  types?: ReadonlySet<EntityType>;
  /** How mentions look (default: underline); `none` keeps them for hover and keyboard only. */
  style?: HighlightStyle;
  /**
   * Whether the page is shown scrolled down ({@link isScrolled}), asked before the highlighter
   * was made: the first scan then need not wait for a frame to know it. Later scans ask again.
   */
  scrolled?: Promise<boolean>;
  /** The browser's frames and tasks (default: the real ones). */
  frames?: FrameScheduler;
  /** The browser's Custom Highlight API and static ranges (default: the real ones). */
  highlights?: HighlightApi;
  /** Makes the page's MutationObserver (default: the real one). */
  createObserver?: ObserverFactory;
}

export class Highlighter {
  readonly #typeOf: Map<string, EntityType>;
  readonly #scheduler: ScanScheduler;
  readonly #candidates: PageCandidates;
  readonly #index = new MentionIndex();
  readonly #registry: HighlightRegistry;
  readonly #observer: PageObserver;
  #navigation: NavigationWatch | null = null;
  /** The answer asked for early ({@link HighlighterOptions.scrolled}), until the first scan takes it. */
  #scrolled: Promise<boolean> | undefined;
  /** Set once a page has more than {@link WINDOW_THRESHOLD} mentions. */
  #window: PaintWindow | null = null;
  /** Ends the window listeners with the highlighter. */
  readonly #lifetime = new AbortController();

  readonly #root: Element;
  readonly #options: HighlighterOptions;
  /** Small dictionaries added for this page only (see {@link extend}). */
  readonly #extra: Dictionary[] = [];
  readonly #makeRange: RangeFactory;

  constructor(root: Element, dict: Dictionary, options: HighlighterOptions = {}) {
    this.#root = root;
    this.#options = options;
    this.#scrolled = options.scrolled;
    const types = options.types;
    this.#typeOf = new Map(
      dict.entities.flatMap((e) => (types && !types.has(e.type) ? [] : [[e.id, e.type] as const])),
    );
    const frames = options.frames ?? browserFrames;
    this.#scheduler = new ScanScheduler(frames);
    const highlights = options.highlights ?? browserHighlights;
    this.#registry = new HighlightRegistry(options.style ?? 'underline', highlights);
    const lang = () => root.ownerDocument.documentElement?.getAttribute('lang') ?? undefined;
    this.#makeRange = highlights.range;
    this.#candidates = new PageCandidates(dict, lang, highlights.range);
    this.#observer = new PageObserver(root, {
      isOwnUi: options.isOwnUi,
      createObserver: options.createObserver ?? browserObserver,
      frames,
      onFlush: () => void this.#flush(),
    });
  }

  /** Change how mentions look without rescanning (the page is never touched). */
  setStyle(style: HighlightStyle): void {
    this.#registry.setStyle(style);
  }

  /** Scan the whole page (time-sliced) while already following its changes. */
  async start(): Promise<void> {
    if (this.#scheduler.isStopped) return;
    this.#registry.open(this.#typeOf.values());
    // Observe first: what changes during the first scan is queued and re-read after it.
    this.#observer.start();
    // Back/forward and hash routes: look at the address at the next frame.
    const doc = this.#root.ownerDocument;
    this.#navigation = new NavigationWatch(doc, () => this.#observer.requestFlush(), this.#lifetime.signal);
    const generation = this.#scheduler.current;
    await this.#scheduler.exclusive(() => this.#scanPage(generation));
  }

  /** Stop observing and remove every highlight (the page is left exactly as it was). */
  stop(): void {
    this.#scheduler.stop();
    this.#lifetime.abort();
    this.#observer.stop();
    this.#registry.close();
    this.#window?.disconnect();
    this.#window = null;
    this.#index.clear();
    this.#candidates.reset();
  }

  /**
   * Highlight a few more entities on this page (speakers it quotes that have no claims, so are not
   * in the page's dictionary): read the page once more for them only, in slices, leaving what is
   * highlighted as it is; later changes are read with them too. Their ambiguous aliases need
   * support within the same piece of text.
   */
  async extend(dict: Dictionary): Promise<void> {
    const types = this.#options.types;
    for (const e of dict.entities) if (!types || types.has(e.type)) this.#typeOf.set(e.id, e.type);
    this.#extra.push(dict);
    const generation = this.#scheduler.current;
    await this.#scheduler.exclusive(() => this.#scan(this.#root, generation, undefined, dict));
    if (this.#scheduler.isLive(generation)) this.#options.onChange?.(this.mentions);
  }

  /** Mentions currently highlighted, in no particular order. */
  get mentions(): readonly PlacedMention[] {
    return this.#index.all();
  }

  /** Mentions per entity now on the page (live: kept up to date as mentions come and go). */
  get entityCounts(): ReadonlyMap<string, number> {
    return this.#index.counts;
  }

  /** The mention covering a text position, if any. */
  mentionAt(node: Node, offset: number): PlacedMention | undefined {
    return this.#index.at(node, offset);
  }

  /**
   * Read the whole page: on a page opened scrolled down, the blocks in the viewport first, then —
   * once a frame has shown them (slices queued back to back could otherwise keep the page from
   * rendering for a while) — everything else, in document order, painted in one change at the
   * end (hover and keyboard use the index, so staged mentions work before they are painted).
   */
  async #scanPage(generation: number): Promise<void> {
    const early = this.#scrolled;
    this.#scrolled = undefined;
    const scrolled = await (early ?? isScrolled(this.#root.ownerDocument));
    if (!this.#scheduler.isLive(generation)) return;
    const first = scrolled ? viewportBlocks(this.#root, this.#options.isOwnUi) : [];
    await this.#scheduler.each(first, (block) => this.#scan(block, generation));
    if (first.length && generation === this.#scheduler.current) await this.#scheduler.frames.afterNextPaint();
    this.#registry.stage();
    try {
      await this.#scan(this.#root, generation, new Set(first));
      await this.#settle(generation);
    } finally {
      this.#registry.commit();
    }
    if (generation === this.#scheduler.current) this.#options.onChange?.(this.mentions);
  }

  /**
   * Extract and match `root` in slices, adding highlights as they are found; `skip` holds blocks
   * read already. Stops when the page is read again from scratch (a newer generation).
   */
  async #scan(root: Node, generation: number, skip?: ReadonlySet<Node>, only?: Dictionary): Promise<void> {
    const extractor = new TextExtractor(root, {
      skip,
      onShadowRoot: (shadow) => this.#observer.followShadowRoot(shadow),
    });
    await this.#scheduler.slices(generation, (clock) => {
      const chunk = extractor.next(clock.shouldYield);
      clock.extracted(chunk.text.length);
      if (!only) {
        this.#options.onText?.(chunk.text);
        this.#apply(this.#candidates.feed(chunk));
      }
      // Speakers added for this page: only where nothing is highlighted already.
      for (const d of only ? [only] : this.#extra) {
        const placed = placeMentions(chunk, findMentions(chunk.text, d), this.#makeRange);
        this.#add(placed.filter((p) => !this.#index.at(p.range.startContainer, p.range.startOffset)));
      }
      // The page removed where we were about to continue: read the whole root again, later.
      if (chunk.done && extractor.lost && this.#scheduler.isLive(generation)) this.#observer.rescan(root);
      return chunk.done;
    });
  }

  /**
   * Judge the page again as a whole where what was read since asks for it (a namesake or the
   * page's language found late, text gone), in slices of at most {@link SLICE_MS} with a yield to
   * the page between them, un-highlighting the bare uses a namesake took.
   */
  async #settle(generation: number): Promise<void> {
    const { frames } = this.#scheduler;
    // Each slice in a task of its own: not after the scan's last slice, which had its budget.
    while (this.#candidates.pending && this.#scheduler.isLive(generation)) {
      await frames.yieldToPage();
      if (!this.#scheduler.isLive(generation)) return;
      const t0 = frames.now();
      this.#apply(this.#candidates.settle(() => frames.now() - t0 > SLICE_MS));
    }
  }

  #apply({ show, hide }: Turned): void {
    for (const p of hide) this.#remove(p);
    this.#add(show);
  }

  #add(list: PlacedMention[]): void {
    for (const p of list) {
      const type = this.#typeOf.get(p.mention.entity);
      if (!type || !this.#registry.has(type)) continue;
      if (this.#window) this.#window.track(p);
      else this.#registry.add(type, p.range);
      this.#index.add(p);
    }
    if (!this.#window && this.#index.size > WINDOW_THRESHOLD) this.#openWindow();
  }

  #remove(p: PlacedMention): void {
    this.#index.remove(p);
    const type = this.#typeOf.get(p.mention.entity);
    if (!type) return;
    this.#registry.delete(type, p.range);
    this.#window?.untrack(p);
  }

  /**
   * Switch to painting only the mentions near the viewport: every mention so far is tracked by
   * its block, ranges staged for the end of the scan are dropped (the window paints what is near),
   * and what is painted now but far away is removed at the window's first search (next frame).
   */
  #openWindow(): void {
    const doc = this.#root.ownerDocument;
    if (!doc.defaultView) return;
    const registry = this.#registry;
    const typeOf = (p: PlacedMention) => this.#typeOf.get(p.mention.entity)!;
    registry.setWindowed(true);
    const paint = (p: PlacedMention, on: boolean) => registry.paint(typeOf(p), p.range, on);
    this.#window = new PaintWindow(doc, paint, this.#scheduler.frames);
    for (const p of this.#index.all()) this.#window.track(p, !registry.isStaged(typeOf(p), p.range));
    registry.dropStaged();
  }

  /**
   * Once per frame with changes: after an SPA navigation, drop everything (highlights, held
   * mentions and the support they gave) and read the page again from scratch; otherwise re-read
   * what changed.
   */
  async #flush(): Promise<void> {
    if (this.#navigation?.navigated()) {
      // A scan of the previous page stops at its next slice; the changes queued so far are
      // covered by reading everything again.
      const generation = this.#scheduler.renew();
      this.#observer.discard();
      await this.#scheduler.exclusive(async () => {
        if (!this.#scheduler.isLive(generation)) return;
        this.#registry.clear();
        this.#window?.disconnect();
        this.#window = null;
        this.#registry.setWindowed(false);
        this.#index.clear();
        this.#candidates.reset();
        // Speakers added for the previous page are not this one's.
        this.#extra.length = 0;
        await this.#scanPage(generation);
      });
      return;
    }
    if (!this.#observer.hasChanges) return;
    const generation = this.#scheduler.current;
    await this.#scheduler.exclusive(() => this.#update(generation));
  }

  /** Re-read what changed since the last frame. */
  async #update(generation: number): Promise<void> {
    if (!this.#scheduler.isLive(generation)) return;
    const { removed, roots } = this.#observer.take();
    // Text that left the document takes its highlights (and held candidates) with it. Only
    // removals can disconnect text: a feed that only appends skips this walk over every mention.
    if (removed) {
      const gone = (p: PlacedMention) =>
        !p.range.startContainer.isConnected || !p.range.endContainer.isConnected;
      for (const p of this.#index.all()) if (gone(p)) this.#remove(p);
      this.#candidates.drop(gone);
    }
    for (const root of roots) {
      if (!this.#scheduler.isLive(generation)) return;
      // Node.contains is native; the walk through shadow hosts only for nodes in shadow trees.
      const doc = root.ownerDocument ?? root;
      const inside = (n: Node) => root.contains(n) || (n.getRootNode() !== doc && composedContains(root, n));
      for (const p of this.#index.all()) if (inside(p.range.startContainer)) this.#remove(p);
      this.#candidates.drop((p) => inside(p.range.startContainer));
      await this.#scan(root, generation);
    }
    await this.#settle(generation);
    if (this.#scheduler.isLive(generation)) this.#options.onChange?.(this.mentions);
  }
}
