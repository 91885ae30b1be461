/**
 * The in-page keyboard: Alt+Shift+N / Alt+Shift+P go to the next / previous mention in document
 * order (the same as the rebindable browser commands), Escape closes the card. Keys are never
 * taken from the page's inputs and editors, and synthetic events are ignored.
 */
import { compareDocumentOrder } from './composed-tree';
import type { PlacedMention } from './highlight';

/** Which way to go through the mentions. */
export type Direction = 'next' | 'previous';

export interface KeyboardOptions {
  onStep(direction: Direction): void;
  onEscape(): void;
  /** Whether a node is part of our card (keys typed there are ours). */
  isInCard(node: Node): boolean;
  /** Whether to handle keys now (e.g. the extension is still there). */
  enabled(): boolean;
  signal: AbortSignal;
}

/** Handle our keys on `doc` until `signal` ends. */
export function watchKeyboard(doc: Document, options: KeyboardOptions): void {
  doc.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted || !options.enabled()) return;
      if (event.key === 'Escape') {
        options.onEscape();
        return;
      }
      const direction = event.code === 'KeyN' ? 'next' : event.code === 'KeyP' ? 'previous' : null;
      if (!direction || !event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
      const target = event.composedPath()[0];
      if (target && isElement(target) && !options.isInCard(target) && isEditable(target)) return;
      event.preventDefault();
      options.onStep(direction);
    },
    { capture: true, signal: options.signal },
  );
}

const isElement = (target: EventTarget): target is Element => (target as Node).nodeType === 1;

/** Whether an element takes text input (inputs, textareas, selects, editable regions). */
export function isEditable(el: Element): boolean {
  return (
    el.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null ||
    (el as HTMLElement).isContentEditable === true
  );
}

/** Mentions sorted as they appear in the document (shadow-root content in its host's place). */
export function inDocumentOrder<T extends PlacedMention>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => {
    if (a.range.startContainer === b.range.startContainer) return a.range.startOffset - b.range.startOffset;
    return compareDocumentOrder(a.range.startContainer, b.range.startContainer);
  });
}

/** Where the reader is in the page's mentions, going one by one in document order. */
export class MentionCursor<T extends PlacedMention> {
  #at: T | null = null;

  constructor(private readonly mentions: () => readonly T[]) {}

  /** The next or previous mention (wrapping around; from the first or last one at the start). */
  step(direction: Direction): T | null {
    const list = inDocumentOrder(this.mentions());
    if (list.length === 0) return null;
    const i = this.#at ? list.indexOf(this.#at) : -1;
    const next =
      i < 0
        ? direction === 'next'
          ? 0
          : list.length - 1
        : (i + (direction === 'next' ? 1 : -1) + list.length) % list.length;
    return (this.#at = list[next]!);
  }

  /** The first mention of an entity in the page (the cursor moves there). */
  first(entityId: string): T | null {
    const found = inDocumentOrder(this.mentions()).find((p) => p.mention.entity === entityId);
    if (found) this.#at = found;
    return found ?? null;
  }
}

/** Bring a mention into view (text directly in a shadow root scrolls its host). */
export function scrollToMention(placed: PlacedMention): void {
  const node = placed.range.startContainer;
  const root = node.getRootNode() as Node & { host?: Element };
  const el = node.parentElement ?? (root.nodeType === 11 ? (root.host ?? null) : null);
  el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
}
