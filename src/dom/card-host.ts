/**
 * The host of our card: an element we own (`<wsw-card>`) with a closed shadow root, styled by an
 * adopted stylesheet, so page CSS cannot reach in, page scripts cannot reach our content
 * (`host.shadowRoot` is null), and a page CSP cannot strip our styles. Positioned next to the
 * mention (`placeCard`: flips above and shifts at viewport edges), and kept there while the page
 * scrolls or resizes and while the card's own size changes.
 */
import { placeCard } from './card-position';
import { rangeRects } from './hover';

/** Tag name of our host element (anything injected in a page is prefixed `wsw-`). */
export const CARD_TAG = 'wsw-card';

export class CardHost {
  readonly host: HTMLElement;
  /** Where the UI renders (inside the closed shadow root). */
  readonly mount: HTMLElement;
  private readonly shadow: ShadowRoot;
  private stopFollowing: (() => void) | null = null;

  constructor(
    private readonly doc: Document,
    css: string,
  ) {
    this.host = doc.createElement(CARD_TAG);
    const style = this.host.style;
    for (const [k, val] of [
      ['all', 'initial'],
      ['position', 'fixed'],
      ['top', '0'],
      ['left', '0'],
      ['z-index', '2147483647'],
      ['display', 'none'],
    ]) {
      style.setProperty(k!, val!, 'important');
    }
    this.shadow = this.host.attachShadow({ mode: 'closed' });
    const view = doc.defaultView ?? window;
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(css);
    this.shadow.adoptedStyleSheets = [sheet];
    this.mount = doc.createElement('div');
    this.shadow.append(this.mount);
  }

  /** Whether a node (from an event's composed path) is part of the card. */
  contains(node: Node): boolean {
    return node === this.host || this.shadow.contains(node);
  }

  /** Show the card next to a range, keeping it placed while the page scrolls or resizes. */
  show(anchor: StaticRange): void {
    if (!this.host.isConnected) (this.doc.body ?? this.doc.documentElement).append(this.host);
    this.host.style.setProperty('display', 'block', 'important');
    this.stopFollowing?.();
    const view = this.doc.defaultView ?? window;
    const update = () => {
      const rect = rangeRects(anchor)[0] ?? { left: 0, top: 0, right: 0, bottom: 0 };
      // The card's natural size (up to its own 45 % limit), then the room on the side it goes.
      this.mount.style.removeProperty('--wsw-max-height');
      const card = this.host.getBoundingClientRect();
      const root = this.doc.documentElement;
      const viewport = { width: root.clientWidth || view.innerWidth, height: view.innerHeight };
      const { x, y, maxHeight } = placeCard(rect, card, viewport);
      this.mount.style.setProperty('--wsw-max-height', `${maxHeight}px`);
      this.host.style.setProperty(
        'transform',
        `translate(${Math.round(x)}px, ${Math.round(y)}px)`,
        'important',
      );
    };
    this.stopFollowing = follow(view, this.mount, update);
  }

  hide(): void {
    this.stopFollowing?.();
    this.stopFollowing = null;
    this.host.style.setProperty('display', 'none', 'important');
  }

  get visible(): boolean {
    return this.host.isConnected && this.host.style.getPropertyValue('display') === 'block';
  }

  destroy(): void {
    this.hide();
    this.host.remove();
  }
}

/**
 * Run `update` now and again (at most once a frame) when anything in the page scrolls, the window
 * resizes, or `element` changes size (the card's content arrives or expands); returns the stop.
 */
function follow(view: Window, element: Element, update: () => void): () => void {
  let frame = 0;
  const schedule = () => {
    if (!frame) frame = view.requestAnimationFrame(() => ((frame = 0), update()));
  };
  const options = { capture: true, passive: true };
  view.addEventListener('scroll', schedule, options);
  view.addEventListener('resize', schedule, options);
  const observer = new ResizeObserver(schedule);
  observer.observe(element);
  update();
  return () => {
    view.cancelAnimationFrame(frame);
    view.removeEventListener('scroll', schedule, options);
    view.removeEventListener('resize', schedule, options);
    observer.disconnect();
  };
}
