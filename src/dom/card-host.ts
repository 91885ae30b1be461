/**
 * The host of our card: an element we own (`<wsw-card>`) with a closed shadow root, styled by an
 * adopted stylesheet, so page CSS cannot reach in, page scripts cannot reach our content
 * (`host.shadowRoot` is null), and a page CSP cannot strip our styles. Positioned next to the
 * mention with @floating-ui/dom (flips and shifts at viewport edges, follows scrolling).
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
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
    const reference = {
      getBoundingClientRect: () => {
        const rects = rangeRects(anchor);
        return rects[0] ?? new DOMRect();
      },
      getClientRects: () => rangeRects(anchor),
      contextElement: anchor.startContainer.parentElement ?? undefined,
    };
    const update = () =>
      computePosition(reference, this.host, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply: ({ availableHeight }) =>
              this.mount.style.setProperty('--wsw-max-height', `${Math.max(160, availableHeight)}px`),
          }),
        ],
      }).then(({ x, y }) => {
        this.host.style.setProperty(
          'transform',
          `translate(${Math.round(x)}px, ${Math.round(y)}px)`,
          'important',
        );
      });
    this.stopFollowing = autoUpdate(reference, this.host, () => void update());
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
