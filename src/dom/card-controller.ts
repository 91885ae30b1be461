/**
 * The card's states and what moves between them: closed → loading (shown at once, next to the
 * mention, while its data comes) → open (with the data, or an error); any state → closed. A card
 * opened from the keyboard takes focus and stays when the pointer leaves; closing it gives focus
 * back to where it was. Drawing is the caller's (the UI layer renders the card component).
 */
import type { CardData } from '../core/card-data';

/** What the card is doing. `focus`: it was opened from the keyboard and has focus. */
export type CardState<T> =
  | { kind: 'closed' }
  | { kind: 'loading'; target: T; focus: boolean }
  | { kind: 'open'; target: T; focus: boolean; data: CardData | 'error' };

/** Where the card shows (a {@link CardHost} in a page). */
export interface CardSurface {
  show(anchor: StaticRange): void;
  hide(): void;
  destroy(): void;
  /** Whether a node is part of the card. */
  contains(node: Node): boolean;
}

export interface CardControllerOptions<T> {
  /** The card's content for a target (`'error'` when it cannot be had). */
  load(target: T): Promise<CardData | 'error'>;
  /** Draw the card in a state (closed: nothing). */
  draw(state: CardState<T>): void;
  /** Ends the card: closed, drawn as such and taken off the page. */
  signal: AbortSignal;
}

/** How a card is opened. */
export interface OpenOptions {
  /** The card takes focus (opened from the keyboard) and stays open when the pointer leaves. */
  focus?: boolean;
  /** Give focus back, on close, to the element that has it now (unless one is remembered). */
  returnFocus?: boolean;
}

const CLOSED = { kind: 'closed' } as const;

export class CardController<T extends { range: StaticRange }> {
  #current: CardState<T> = CLOSED;
  /** Where focus was before a keyboard-opened card took it (given back on close). */
  #returnFocus: HTMLElement | null = null;

  readonly #doc: Document;
  readonly #surface: CardSurface;
  readonly #options: CardControllerOptions<T>;

  constructor(doc: Document, surface: CardSurface, options: CardControllerOptions<T>) {
    this.#doc = doc;
    this.#surface = surface;
    this.#options = options;
    options.signal.addEventListener(
      'abort',
      () => {
        this.#current = CLOSED;
        this.#returnFocus = null;
        options.draw(CLOSED);
        surface.destroy();
      },
      { once: true },
    );
  }

  get state(): CardState<T> {
    return this.#current;
  }

  /** Whether the card shows (loading or open). */
  get isOpen(): boolean {
    return this.#current.kind !== 'closed';
  }

  /** Show the card for `target` at once, and its data when it comes (if still for the same). */
  async open(target: T, { focus = false, returnFocus = false }: OpenOptions = {}): Promise<void> {
    if (this.#options.signal.aborted) return;
    if (returnFocus) this.#rememberFocus();
    const loading: CardState<T> = { kind: 'loading', target, focus };
    this.#current = loading;
    this.#options.draw(loading);
    this.#surface.show(target.range);
    const data = await this.#options.load(target);
    if (this.#current !== loading) return;
    this.#current = { kind: 'open', target, focus, data };
    this.#options.draw(this.#current);
  }

  /** Close the card, and give focus back where a keyboard-opened card took it from. */
  close(): void {
    this.#current = CLOSED;
    this.#options.draw(CLOSED);
    this.#surface.hide();
    const back = this.#returnFocus;
    this.#returnFocus = null;
    if (back?.isConnected) back.focus({ preventScroll: true });
  }

  #rememberFocus(): void {
    const active = this.#doc.activeElement;
    if (this.#returnFocus || !active || this.#surface.contains(active)) return;
    if (typeof (active as HTMLElement).focus === 'function') this.#returnFocus = active as HTMLElement;
  }
}
