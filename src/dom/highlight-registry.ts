/**
 * Our highlights in the page: one highlight per entity type, registered under a name per style
 * (`::highlight(wsw-place)`, `wsw-place-tint`…), so a change of style re-registers names and never
 * touches the page. The only code that uses `CSS.highlights`; the browser's API comes in as a
 * {@link HighlightApi}, so tests use a Map and Sets.
 */
import type { EntityType } from '../core/entities';
import { highlightName, type HighlightStyle, type RangeFactory } from './highlight';

/** What a highlight offers us (the browser's `Highlight` is a set of ranges). */
export interface HighlightLike {
  add(range: StaticRange): unknown;
  delete(range: StaticRange): unknown;
  clear(): void;
}

/** The browser's Custom Highlight API, as far as we use it. */
export interface HighlightApi {
  /** Where highlights are registered by name (`CSS.highlights`). */
  readonly registry: { set(name: string, highlight: HighlightLike): unknown; delete(name: string): unknown };
  /** A new, empty highlight. */
  create(): HighlightLike;
  /** A static range, what highlights hold. */
  range: RangeFactory;
}

/** The real browser's API (read when used: this module also loads where there is none). */
export const browserHighlights: HighlightApi = {
  get registry() {
    return CSS.highlights as unknown as HighlightApi['registry'];
  },
  create: () => new Highlight(),
  range: (init) => new StaticRange(init),
};

export class HighlightRegistry {
  readonly #highlights = new Map<EntityType, HighlightLike>();
  #style: HighlightStyle;
  /** Set while a paint window decides what is painted (a big page). */
  #windowed = false;
  /**
   * Ranges found by the page-wide scan, held back from the registered highlights until it ends.
   * Why: every change to a registered highlight makes Chromium rebuild the markers of every range
   * in the next frame; adding slice by slice gave 11–20 rendering tasks of 100+ ms on a 5 MB page
   * (bench:extension traces), adding once gives one.
   */
  #staged: Map<EntityType, Set<StaticRange>> | null = null;

  readonly #api: HighlightApi;

  constructor(style: HighlightStyle, api: HighlightApi = browserHighlights) {
    this.#api = api;
    this.#style = style;
  }

  /** Create and register one highlight per type. */
  open(types: Iterable<EntityType>): void {
    for (const type of new Set(types)) this.#highlights.set(type, this.#api.create());
    this.#register();
  }

  /** Unregister everything and forget the highlights (the page shows none of ours). */
  close(): void {
    this.#unregister();
    this.#highlights.clear();
    this.#staged = null;
  }

  /** Whether mentions of a type can be shown (its highlight exists). */
  has(type: EntityType): boolean {
    return this.#highlights.has(type);
  }

  /** Change how mentions look: only the registrations change. */
  setStyle(style: HighlightStyle): void {
    if (style === this.#style) return;
    this.#unregister();
    this.#style = style;
    this.#register();
  }

  /** Say whether a paint window decides what is painted (it changes the style painted). */
  setWindowed(windowed: boolean): void {
    if (windowed === this.#windowed) return;
    this.#unregister();
    this.#windowed = windowed;
    this.#register();
  }

  /**
   * The style painted now: the user's, except that a windowed (big) page shows underlines as a
   * tint. Why: in Chromium every change to a highlight that draws a text decoration re-runs
   * PrePaint over the whole page (~30 ms a change on the 5 MB bench page, against ~1 ms for a
   * background colour: scripts/bench/highlight-style.ts), and the window changes the highlights
   * as the reader scrolls.
   */
  get #paintedStyle(): HighlightStyle {
    return this.#windowed && this.#style === 'underline' ? 'tint' : this.#style;
  }

  #register(): void {
    const style = this.#paintedStyle;
    if (style === 'none') return;
    for (const [type, highlight] of this.#highlights)
      this.#api.registry.set(highlightName(type, style), highlight);
  }

  #unregister(): void {
    const style = this.#paintedStyle;
    for (const type of this.#highlights.keys()) this.#api.registry.delete(highlightName(type, style));
  }

  /** Hold new ranges back until {@link commit} (a page-wide scan begins). */
  stage(): void {
    this.#staged = new Map();
  }

  /** Paint everything staged, in one change per highlight, and stop staging. */
  commit(): void {
    const staged = this.#staged;
    this.#staged = null;
    if (!staged) return;
    for (const [type, ranges] of staged) {
      const highlight = this.#highlights.get(type);
      if (highlight) for (const r of ranges) highlight.add(r);
    }
  }

  /** Whether a range is staged (not painted yet). */
  isStaged(type: EntityType, range: StaticRange): boolean {
    return this.#staged?.get(type)?.has(range) ?? false;
  }

  /** Forget what is staged (it will not be painted), while staging goes on. */
  dropStaged(): void {
    this.#staged?.clear();
  }

  /** Show a range: staged while a page-wide scan runs, else painted at once. */
  add(type: EntityType, range: StaticRange): void {
    const highlight = this.#highlights.get(type);
    if (!highlight) return;
    if (this.#staged) {
      const set = this.#staged.get(type);
      if (set) set.add(range);
      else this.#staged.set(type, new Set([range]));
    } else highlight.add(range);
  }

  /** Paint or unpaint a range at once, staging or not (the paint window's doing). */
  paint(type: EntityType, range: StaticRange, on: boolean): void {
    const highlight = this.#highlights.get(type);
    if (!highlight) return;
    if (on) highlight.add(range);
    else highlight.delete(range);
  }

  /** Take a range off the page, painted or staged. */
  delete(type: EntityType, range: StaticRange): void {
    this.#highlights.get(type)?.delete(range);
    this.#staged?.get(type)?.delete(range);
  }

  /** Take every range off the page (a new page starts); staging, if any, goes on. */
  clear(): void {
    for (const highlight of this.#highlights.values()) highlight.clear();
    this.#staged?.clear();
  }
}
