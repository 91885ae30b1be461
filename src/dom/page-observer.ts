/**
 * What changed on the page since the last look: one MutationObserver on the document and on every
 * open shadow root met while reading (an observer on the document does not see into shadow
 * trees), its records batched per animation frame and turned into the roots to read again —
 * the blocks that changed, only what was added to a page-level container, or, after a burst of
 * changes, the whole page once. Changes to our own UI are never recorded, and highlights do not
 * change the DOM, so reading the page never feeds the observer.
 */
import { closestBlock } from './blocks';
import { composedContains, elementOf } from './composed-tree';
import { isInsideSkipped } from './extract';
import type { FrameScheduler } from './scan-scheduler';

/** More changed blocks than this in one frame: read the whole page again once instead. */
const FULL_RESCAN_THRESHOLD = 200;
/** What the observer listens to, on the document and on every open shadow root found. */
const OBSERVE: MutationObserverInit = { childList: true, characterData: true, subtree: true };

/** A MutationObserver, as far as we use it. */
export interface ObserverLike {
  observe(target: Node, options: MutationObserverInit): void;
  disconnect(): void;
}

/** Makes the observer (a real MutationObserver by default; plain objects in tests). */
export type ObserverFactory = (callback: (records: MutationRecord[]) => void) => ObserverLike;

export const browserObserver: ObserverFactory = (callback) => new MutationObserver(callback);

/** The changes of one batch, as what to read again. */
export interface PageChanges {
  /** Whether nodes were removed (so some placed text may have left the page). */
  removed: boolean;
  /** Roots to read again, none inside another; `[root]` when the whole page is read again. */
  roots: Node[];
}

export interface PageObserverOptions {
  /** Whether a node belongs to our own UI (its changes are ignored). */
  isOwnUi?: ((node: Node) => boolean) | undefined;
  createObserver: ObserverFactory;
  frames: FrameScheduler;
  /** Called at the animation frame after changes (or after {@link PageObserver.requestFlush}). */
  onFlush: () => void;
}

export class PageObserver {
  #observer: ObserverLike | null = null;
  /** Open shadow roots followed. */
  readonly #observed = new WeakSet<ShadowRoot>();
  #pending: MutationRecord[] = [];
  /** Roots to read again at the next flush (e.g. a scan lost its place): elements or shadow roots. */
  readonly #rescans = new Set<Node>();
  /** Cancels the flush requested for the next frame, if any. */
  #frame: (() => void) | null = null;
  #stopped = false;

  readonly #root: Element;
  readonly #options: PageObserverOptions;

  constructor(root: Element, options: PageObserverOptions) {
    this.#root = root;
    this.#options = options;
  }

  /** Start recording changes to the document. */
  start(): void {
    if (this.#stopped || this.#observer) return;
    this.#observer = this.#options.createObserver((records) => this.#record(records));
    this.#observer.observe(this.#root.ownerDocument, OBSERVE);
  }

  /** Stop for good: nothing is recorded or flushed any more. */
  stop(): void {
    this.#stopped = true;
    this.#observer?.disconnect();
    this.#observer = null;
    this.#frame?.();
    this.#frame = null;
    this.discard();
  }

  /** Follow changes inside an open shadow root met while reading the page (once per root). */
  followShadowRoot(shadow: ShadowRoot): void {
    if (!this.#observer || this.#observed.has(shadow)) return;
    const own = this.#options.isOwnUi;
    if (own && own(shadow.host)) return;
    this.#observed.add(shadow);
    this.#observer.observe(shadow, OBSERVE);
  }

  /** Read `node` again at the next flush (a text node: the whole page). */
  rescan(node: Node): void {
    this.#rescans.add(node.nodeType === 1 || node.nodeType === 11 ? node : this.#root);
    this.requestFlush();
  }

  /** Flush at the next animation frame (once), changes or not. */
  requestFlush(): void {
    if (!this.#frame && !this.#stopped)
      this.#frame = this.#options.frames.requestFrame(() => {
        this.#frame = null;
        if (!this.#stopped) this.#options.onFlush();
      });
  }

  /** Whether changes wait to be taken. */
  get hasChanges(): boolean {
    return this.#pending.length > 0 || this.#rescans.size > 0;
  }

  /** Forget the changes recorded so far (the whole page is read again anyway). */
  discard(): void {
    this.#pending = [];
    this.#rescans.clear();
  }

  #record(records: MutationRecord[]): void {
    const own = this.#options.isOwnUi;
    for (const r of records) {
      if (own && own(r.target)) continue;
      if (own && r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => own(n)))
        continue;
      this.#pending.push(r);
    }
    if (this.#pending.length) this.requestFlush();
  }

  /** The changes recorded since the last call, as the roots to read again. */
  take(): PageChanges {
    const records = this.#pending;
    this.#pending = [];
    const removed = records.some((r) => r.removedNodes.length > 0);
    const dirty = new Set<Node>(this.#rescans);
    this.#rescans.clear();
    for (const r of records) {
      const target = elementOf(r.target);
      if (!target || !target.isConnected || !composedContains(this.#root, target)) continue;
      if (r.type === 'childList') {
        // Nodes added to a page-level container (body, a feed, a shadow root without blocks): read
        // just what was added, not the container — a banner or a tooltip appended to <body> must
        // not rescan the page.
        const container = this.#blockOf(r.target);
        const pageLevel = container === this.#root || container === r.target || container.nodeType === 11;
        for (const added of r.addedNodes) {
          if (added.nodeType === 1 && pageLevel) dirty.add(added);
          else dirty.add(container);
        }
        continue;
      }
      dirty.add(this.#blockOf(r.target));
    }
    for (const node of [...dirty]) {
      const el = elementOf(node);
      if (!el || !el.isConnected || isInsideSkipped(node)) dirty.delete(node);
    }
    const roots = [...dirty].filter(
      (b) => ![...dirty].some((other) => other !== b && composedContains(other, b)),
    );
    return { removed, roots: roots.length > FULL_RESCAN_THRESHOLD ? [this.#root] : roots };
  }

  /**
   * The block to read again for a change at `node`: its nearest block element in its own tree; in
   * a shadow tree without one, the shadow root (never the whole page for a change in a component).
   */
  #blockOf(node: Node): Node {
    if (node.nodeType === 11) return (node as ShadowRoot).host ? node : this.#root;
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    const block = el && closestBlock(el);
    if (block) return block;
    const top = (el ?? node).getRootNode();
    return top.nodeType === 11 && (top as ShadowRoot).host ? top : this.#root;
  }
}
