/**
 * The page-side engine: finds mentions in a document and keeps them highlighted as the page
 * changes, without ever touching the page's nodes.
 *
 * - Time-sliced: text is extracted and matched in slices of about 8 ms (whole blocks each), with a
 *   yield to the page between slices, so no task of ours runs long even on a 5 MB page.
 * - Dynamic pages: one MutationObserver, its records coalesced per animation frame; only the
 *   blocks that changed are re-read, removed text drops its highlights, and a burst of changes
 *   falls back to one full rescan. Highlights do not mutate the DOM and our own UI is ignored, so
 *   the observer never feeds itself.
 */
import type { Dictionary } from '../core/dictionary';
import type { EntityType } from '../core/entities';
import { findMentions, releaseSupported, type Mention } from '../core/matcher';
import { composedContains, TextExtractor, isSkipped } from './extract';
import { highlightName, placeMentions, type HighlightStyle, type PlacedMention } from './highlight';

/** Budget of one slice of work before yielding to the page. */
const SLICE_MS = 8;
/** More changed blocks than this in one frame: rescan everything once instead. */
const FULL_RESCAN_THRESHOLD = 200;

const BLOCK_SELECTOR =
  'p,div,li,td,th,dd,dt,h1,h2,h3,h4,h5,h6,blockquote,section,article,aside,header,footer,main,nav,figure,figcaption,table,ul,ol,body';

/** Yield to the page (scheduler.yield where available, else a macrotask). */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

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
}

export class Highlighter {
  private readonly placed = new Set<PlacedMention>();
  private readonly byNode = new Map<Text, PlacedMention[]>();
  private readonly highlights = new Map<EntityType, Highlight>();
  /** Entities with an unambiguous mention on the page (kept as the page changes: a bound, not exact). */
  private readonly firm = new Set<number>();
  /** Ambiguous mentions waiting for support from elsewhere on the page. */
  private held: PlacedMention[] = [];
  private readonly typeOf: Map<string, EntityType>;
  private observer: MutationObserver | null = null;
  private pending: MutationRecord[] = [];
  private frame = 0;
  private stopped = false;
  private scanning: Promise<void> | null = null;
  private style: HighlightStyle;

  constructor(
    private readonly root: Element,
    private readonly dict: Dictionary,
    private readonly options: HighlighterOptions = {},
  ) {
    const types = options.types;
    this.typeOf = new Map(
      dict.entities.flatMap((e) => (types && !types.has(e.type) ? [] : [[e.id, e.type] as const])),
    );
    this.style = options.style ?? 'underline';
  }

  /**
   * Change how mentions look without rescanning: each style is a different highlight name, so
   * only the registrations in `CSS.highlights` change (the page is never touched).
   */
  setStyle(style: HighlightStyle): void {
    if (style === this.style) return;
    for (const type of this.highlights.keys()) CSS.highlights.delete(highlightName(type, this.style));
    this.style = style;
    this.register();
  }

  private register(): void {
    if (this.style === 'none') return;
    for (const [type, highlight] of this.highlights)
      CSS.highlights.set(highlightName(type, this.style), highlight);
  }

  /** Scan the whole page (time-sliced) while already following its changes. */
  async start(): Promise<void> {
    if (this.stopped) return;
    for (const type of new Set(this.typeOf.values())) this.highlights.set(type, new Highlight());
    this.register();
    // Observe first: what changes during the first scan is queued and re-read after it.
    this.observer = new MutationObserver((records) => this.queue(records));
    this.observer.observe(this.root.ownerDocument, { childList: true, characterData: true, subtree: true });
    const initial = this.scan(this.root);
    this.scanning = initial;
    await initial;
    this.scanning = null;
  }

  /** Stop observing and remove every highlight (the page is left exactly as it was). */
  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = null;
    if (this.frame) cancelAnimationFrame(this.frame);
    for (const type of this.highlights.keys()) CSS.highlights.delete(highlightName(type, this.style));
    this.highlights.clear();
    this.placed.clear();
    this.byNode.clear();
    this.held = [];
  }

  /** Mentions currently highlighted, in no particular order. */
  get mentions(): readonly PlacedMention[] {
    return [...this.placed];
  }

  /** The mention covering a text position, if any. */
  mentionAt(node: Node, offset: number): PlacedMention | undefined {
    const list = node.nodeType === 3 ? this.byNode.get(node as Text) : undefined;
    if (!list) return undefined;
    return list.find(({ range }) => {
      const afterStart = range.startContainer !== node || offset >= range.startOffset;
      const beforeEnd = range.endContainer !== node || offset <= range.endOffset;
      return afterStart && beforeEnd;
    });
  }

  /** Extract and match `root` in slices, adding highlights as they are found. */
  private async scan(root: Node): Promise<void> {
    const extractor = new TextExtractor(root);
    // Extraction stops at its deadline, but matching and placing the chunk come after it; the
    // extraction budget adapts so that the whole slice stays near SLICE_MS (cold, not yet
    // optimised code matches several times slower than warm code, so the first slices are small).
    let extractBudget = 1;
    while (!this.stopped) {
      const t0 = performance.now();
      const deadline = t0 + extractBudget;
      const chunk = extractor.next(() => performance.now() > deadline);
      const t1 = performance.now();
      // Ambiguous aliases are judged on the whole page: support found in any chunk counts.
      const held: Mention[] = [];
      this.add(placeMentions(chunk, findMentions(chunk.text, this.dict, { firm: this.firm, held })));
      this.held.push(...placeMentions(chunk, held));
      this.add(releaseSupported(this.dict, this.firm, this.held));
      const t2 = performance.now();
      if (chunk.done) {
        // The page removed where we were about to continue: read the whole root again, later.
        if (extractor.lost && !this.stopped) this.queueRescan(root);
        break;
      }
      const extractShare = (t1 - t0) / Math.max(0.1, t2 - t0);
      extractBudget = Math.min(SLICE_MS, Math.max(0.5, SLICE_MS * extractShare));
      await yieldToPage();
    }
    this.options.onChange?.(this.mentions);
  }

  private add(list: PlacedMention[]): void {
    for (const p of list) {
      const type = this.typeOf.get(p.mention.entity);
      const highlight = type && this.highlights.get(type);
      if (!highlight) continue;
      highlight.add(p.range);
      this.placed.add(p);
      for (const text of p.nodes) {
        const entries = this.byNode.get(text);
        if (entries) entries.push(p);
        else this.byNode.set(text, [p]);
      }
    }
  }

  private remove(p: PlacedMention): void {
    this.placed.delete(p);
    const type = this.typeOf.get(p.mention.entity);
    if (type) this.highlights.get(type)?.delete(p.range);
    for (const text of p.nodes) {
      const entries = this.byNode.get(text);
      if (!entries) continue;
      const rest = entries.filter((e) => e !== p);
      if (rest.length) this.byNode.set(text, rest);
      else this.byNode.delete(text);
    }
  }

  /** Roots to read again at the next flush (e.g. a scan lost its place). */
  private readonly rescans = new Set<Element>();

  private queueRescan(root: Node): void {
    this.rescans.add(root.nodeType === 1 ? (root as Element) : this.root);
    if (!this.frame) this.frame = requestAnimationFrame(() => void this.flush());
  }

  private queue(records: MutationRecord[]): void {
    const own = this.options.isOwnUi;
    for (const r of records) {
      if (own && own(r.target)) continue;
      if (own && r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => own(n)))
        continue;
      this.pending.push(r);
    }
    if (this.pending.length && !this.frame) this.frame = requestAnimationFrame(() => void this.flush());
  }

  /** Re-read the blocks that changed since the last frame. */
  private async flush(): Promise<void> {
    this.frame = 0;
    if (this.stopped) return;
    if (this.scanning) await this.scanning;
    const records = this.pending;
    this.pending = [];
    // Text that left the document takes its highlights (and held candidates) with it.
    for (const p of [...this.placed]) {
      if (!p.range.startContainer.isConnected || !p.range.endContainer.isConnected) this.remove(p);
    }
    this.held = this.held.filter(
      (p) => p.range.startContainer.isConnected && p.range.endContainer.isConnected,
    );
    const dirty = new Set<Element>(this.rescans);
    this.rescans.clear();
    const blockOf = (el: Element) => el.closest(BLOCK_SELECTOR) ?? this.root;
    for (const r of records) {
      const target = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
      if (!target || !target.isConnected || !composedContains(this.root, target)) continue;
      if (r.type === 'childList') {
        // Nodes added to a page-level container (body, a feed): read just what was added, not the
        // container — a banner or a tooltip appended to <body> must not rescan the page.
        const container = blockOf(target);
        const pageLevel = container === this.root || container === target;
        for (const added of r.addedNodes) {
          if (added.nodeType === 1 && pageLevel) dirty.add(added as Element);
          else dirty.add(container);
        }
        continue;
      }
      dirty.add(blockOf(target));
    }
    for (const el of [...dirty]) if (!el.isConnected || isInsideSkipped(el)) dirty.delete(el);
    let roots = [...dirty].filter((b) => ![...dirty].some((other) => other !== b && other.contains(b)));
    if (roots.length > FULL_RESCAN_THRESHOLD) roots = [this.root];
    const work = (async () => {
      for (const root of roots) {
        for (const p of [...this.placed]) if (composedContains(root, p.range.startContainer)) this.remove(p);
        this.held = this.held.filter((p) => !composedContains(root, p.range.startContainer));
        await this.scan(root);
      }
    })();
    this.scanning = work;
    await work;
    this.scanning = null;
  }
}

/** Whether an element is in a subtree the extractor skips (editors, code, our UI…). */
function isInsideSkipped(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (isSkipped(e)) return true;
  return false;
}

export type { Mention };
