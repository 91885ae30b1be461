/**
 * Single-page apps: a content script cannot hook the page's `history.pushState`, so a change of
 * `location.href` is looked for whenever the page changes (at each batch of mutations) and at
 * `popstate` / `hashchange`. Whether a change of address is a new page is the pure rule in
 * src/core/navigation.ts.
 */
import { isNavigation } from '../core/navigation';

export class NavigationWatch {
  /** The page address the highlights belong to. */
  #href: string;

  /**
   * Start from the document's address now; `onEvent` is called at back/forward and hash changes,
   * so the caller looks at the address then too. Listeners end with `signal`.
   */
  readonly #doc: Document;

  constructor(doc: Document, onEvent: () => void, signal: AbortSignal) {
    this.#doc = doc;
    this.#href = this.#current();
    const win = doc.defaultView;
    if (win) {
      win.addEventListener('popstate', onEvent, { signal });
      win.addEventListener('hashchange', onEvent, { signal });
    }
  }

  /** The page's address (empty where there is none, e.g. a detached document). */
  #current(): string {
    return this.#doc.location?.href ?? '';
  }

  /**
   * Whether the page navigated to another page since the last call. A change that is not one (an
   * in-page anchor) is remembered all the same, so the next change is judged from there.
   */
  navigated(): boolean {
    const href = this.#current();
    if (href === this.#href) return false;
    const navigated = isNavigation(this.#href, href);
    this.#href = href;
    return navigated;
  }
}
