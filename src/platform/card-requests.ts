/**
 * The card data a page asks the background for: fetched when the pointer reaches a mention
 * (during the hover intent, so the card has its content when it opens even if the background has
 * to wake up first), kept per page, fetched ahead in idle time after each scan, and dropped when
 * imported datasets change or the page comes back from the back/forward cache.
 */
import browser from 'webextension-polyfill';
import type { Reply, RequestOf } from '../core/messages';
import { REVISION_KEY } from '../core/storage-keys';
import { onAbort, type Lifetime } from './lifetime';
import { send } from './content-messaging';

/** What a card is asked for with. */
export type CardRequest = RequestOf<'entityCard'>;
/** The background's answer. */
export type CardReply = Reply<'entityCard'>;

/** Most cards fetched ahead per page (the rest are fetched when the pointer approaches). */
const PREFETCH_LIMIT = 60;
/** How long the background may take to answer (it may have to wake up first). */
const CARD_TIMEOUT_MS = 5000;

export class CardRequests {
  /** Answers and requests in flight, by what was asked. */
  readonly #cards = new Map<string, Promise<CardReply>>();
  #idle = 0;
  /**
   * Mentions already considered for prefetching: a feed adds a few mentions per update, and
   * looking at every mention again (a Range and its text each) cost ~15 ms per update once
   * thousands were placed.
   */
  readonly #considered = new WeakMap<object, number>();
  /** The page context version the cached cards were ranked for. */
  #version = 0;

  constructor(private readonly life: Lifetime) {
    const { signal } = life;
    // Imported datasets changed (options page): cards are built afresh from the new library.
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && REVISION_KEY in changes) this.#cards.clear();
    };
    browser.storage.onChanged.addListener(onStorage);
    onAbort(signal, () => browser.storage.onChanged.removeListener(onStorage));
    // Back from the back/forward cache: requests in flight when the page left may never be answered.
    addEventListener('pageshow', (event) => (event as PageTransitionEvent).persisted && this.#cards.clear(), {
      signal,
    });
    onAbort(signal, () => cancelIdle(this.#idle));
  }

  /**
   * The card for a request: asked once, shared by every caller until it fails. `version` is the
   * page context's: cards ranked for what the page was about before are dropped.
   */
  get(request: CardRequest, version: number): Promise<CardReply> {
    if (!this.life.alive()) return Promise.resolve({ ok: false, error: 'orphaned' });
    if (version !== this.#version) {
      this.#cards.clear();
      this.#version = version;
    }
    const { lang, pattern, seen, support } = request;
    const key = `${lang}\u0000${pattern}\u0000${seen}\u0000${JSON.stringify(support ?? null)}`;
    let pending = this.#cards.get(key);
    if (!pending) {
      pending = send('entityCard', request, { timeoutMs: CARD_TIMEOUT_MS });
      this.#cards.set(key, pending);
      // A failed answer is not kept: the next hover asks again.
      const mine = pending;
      void mine.then((r) => !r.ok && this.#cards.get(key) === mine && this.#cards.delete(key));
    }
    return pending;
  }

  /** In idle time, ask for the cards of `items` not considered yet (up to the page's limit). */
  prefetch<T extends object>(
    items: readonly T[],
    toRequest: (item: T) => CardRequest,
    version: number,
  ): void {
    cancelIdle(this.#idle);
    this.#idle = whenIdle(() => {
      if (this.life.signal.aborted || !this.life.alive()) return;
      for (const item of items) {
        if (this.#cards.size >= PREFETCH_LIMIT) break;
        if (this.#considered.get(item) === version) continue;
        this.#considered.set(item, version);
        void this.get(toRequest(item), version);
      }
    });
  }
}

/** Run `task` when the page is idle (requestIdleCallback where available, else soon). */
function whenIdle(task: () => void): number {
  return typeof requestIdleCallback === 'function'
    ? requestIdleCallback(task, { timeout: 2000 })
    : (setTimeout(task, 200) as unknown as number);
}

function cancelIdle(handle: number): void {
  if (!handle) return;
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else clearTimeout(handle);
}
