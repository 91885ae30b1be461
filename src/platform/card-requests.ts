/**
 * The card data a page asks the background for: fetched when the pointer reaches a mention
 * (during the hover intent, so the card has its content when it opens even if the background has
 * to wake up first), kept per page, fetched ahead in idle time after each scan, and dropped when
 * imported datasets change or the page comes back from the back/forward cache.
 *
 * Cards fetched ahead are asked one at a time, and never while a card the pointer is on is being
 * asked: with a large import a card costs the background tens of milliseconds, and a page's sixty
 * cards asked at once queued the hovered one behind all of them (seconds after a fresh start).
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
/** Cards fetched ahead that may be in flight at once. */
const PREFETCH_PARALLEL = 1;

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
  /** Cards to fetch ahead, in page order, each with the context version it was queued for. */
  #queue: { request: CardRequest; version: number }[] = [];
  /** Cards fetched ahead now in flight. */
  #prefetching = 0;
  /** Cards asked for by the pointer now in flight (fetching ahead waits for them). */
  #urgent = 0;

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
    return this.#ask(request, version, true);
  }

  #ask(request: CardRequest, version: number, urgent: boolean): Promise<CardReply> {
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
      if (urgent) {
        this.#urgent++;
        void pending.finally(() => {
          this.#urgent--;
          this.#pump();
        });
      }
      // A failed answer is not kept: the next hover asks again.
      const mine = pending;
      void mine.then((r) => !r.ok && this.#cards.get(key) === mine && this.#cards.delete(key));
    }
    return pending;
  }

  /**
   * In idle time, queue the cards of `items` not considered yet (up to the page's limit), to be
   * asked one at a time behind any card the pointer asks for.
   */
  prefetch<T extends object>(
    items: readonly T[],
    toRequest: (item: T) => CardRequest,
    version: number,
  ): void {
    cancelIdle(this.#idle);
    this.#idle = whenIdle(() => {
      if (this.life.signal.aborted || !this.life.alive()) return;
      // Cards queued for an earlier page context would be dropped on arrival.
      this.#queue = this.#queue.filter((q) => q.version === version);
      for (const item of items) {
        if (this.#cards.size + this.#queue.length >= PREFETCH_LIMIT) break;
        if (this.#considered.get(item) === version) continue;
        this.#considered.set(item, version);
        this.#queue.push({ request: toRequest(item), version });
      }
      this.#pump();
    });
  }

  /** Ask for the next queued cards, unless the pointer's card is in flight. */
  #pump(): void {
    while (this.#prefetching < PREFETCH_PARALLEL && this.#urgent === 0 && this.#queue.length > 0) {
      if (this.life.signal.aborted || !this.life.alive()) return;
      const { request, version } = this.#queue.shift()!;
      if (version < this.#version) continue;
      this.#prefetching++;
      void this.#ask(request, version, false).finally(() => {
        this.#prefetching--;
        this.#pump();
      });
    }
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
