/**
 * Content script entry: wires the highlighter, hover tracking and the card together. Asks the
 * background first whether to run here at all (global pause, per-site switch) and does no other
 * work when not.
 */
import { h, render } from 'preact';
import browser from 'webextension-polyfill';
import dictionaryData from 'virtual:wsw-dictionary';
import cardMessages from 'virtual:wsw-card-messages';
import type { CardData } from '../core/card-data';
import type { Settings } from '../core/settings';
import { loadDictionary, type Dictionary, type SerializedDictionary } from '../core/dictionary';
import { DICTIONARY_KEY, REVISION_KEY } from '../core/storage-keys';
import { checkTabMessage, type PageInfo } from '../core/messages';
import { CardHost, CARD_TAG } from '../dom/card-host';
import { Highlighter } from '../dom/highlighter';
import { trackHover } from '../dom/hover';
import { PageContextReader } from '../dom/page-context';
import type { PlacedMention } from '../dom/highlight';
import { send } from '../platform/messaging';
import { loadSettings, watchSettings } from '../platform/settings-store';
import { resolveUiLang, translatorFor } from '../platform/i18n';
import { Card } from '../ui/Card';
import { CARD_CSS } from '../ui/card-css';

/**
 * Whether this content script was orphaned: the extension was reloaded, updated or removed while
 * the page stayed open. Chrome then leaves the old script running with a dead `runtime` (it has no
 * event for this), and every extension call throws "Extension context invalidated".
 */
function orphaned(): boolean {
  try {
    return !browser.runtime?.id;
  } catch {
    return true;
  }
}

/** Set by `main`: stops everything (highlights removed, listeners gone) once orphaned. */
let retire: () => void = () => undefined;

/** Check before using extension APIs from a page event; retires an orphaned script. */
function connected(): boolean {
  if (!orphaned()) return true;
  retire();
  return false;
}

/** Run a clean-up step that may touch a dead extension context (it must not stop the others). */
function quietly(step: () => void): void {
  try {
    step();
  } catch {
    // the extension context is gone; nothing left to undo there
  }
}

/** What a running session offers to the rest of the content script. */
interface Session {
  step(direction: 'next' | 'previous'): void;
  reveal(entityId: string): void;
  counts(): { id: string; mentions: number }[];
}

/**
 * The matching dictionary: the bundled one, or (when the user imported datasets) the one the
 * options page compiled with the imported entities. Anything unreadable falls back to bundled.
 */
async function matchingDictionary(imported: boolean): Promise<Dictionary> {
  if (imported) {
    try {
      const stored = (await browser.storage.local.get(DICTIONARY_KEY))[DICTIONARY_KEY];
      if (stored) return loadDictionary(stored as SerializedDictionary);
    } catch {
      // fall through to the bundled dictionary
    }
  }
  return loadDictionary(dictionaryData());
}

async function run(signal: AbortSignal, initial: Settings, imported: boolean): Promise<Session> {
  let settings = initial;
  const dict = await matchingDictionary(imported);
  if (signal.aborted) throw new Error('stopped');
  const card = new CardHost(document, CARD_CSS);
  const isOwnUi = (node: Node) =>
    node === card.host ||
    (node.nodeType === 1 && (node as Element).localName === CARD_TAG) ||
    card.contains(node);
  // The toolbar badge shows how many entities the page mentions (cleared when we stop).
  let reported = -1;
  // After each scan, the cards of the page's mentions are fetched in idle time and kept here, so
  // a hover shows its card at once even when the background was stopped in the meantime.
  let prefetch: (mentions: readonly PlacedMention[]) => void = () => undefined;
  // What the page is about (its entities, date and language) goes with each card request.
  const pageContext = new PageContextReader(document);
  const report = (mentions: readonly PlacedMention[]) => {
    pageContext.note(mentions);
    const entities = new Set(mentions.map((p) => p.mention.entity)).size;
    if (entities !== reported) void send('pageFound', { entities });
    reported = entities;
    prefetch(mentions);
  };
  const highlighter = new Highlighter(document.body, dict, {
    isOwnUi,
    onChange: report,
    types: new Set(settings.types),
    style: settings.highlightStyle,
  });
  signal.addEventListener('abort', () => {
    if (!orphaned()) void send('pageFound', { entities: 0 });
    highlighter.stop();
    render(null, card.mount);
    card.destroy();
  });
  const unwatch = watchSettings((s) => {
    settings = s;
    highlighter.setStyle(s.highlightStyle);
  });
  signal.addEventListener('abort', () => quietly(unwatch));

  let openFor: PlacedMention | null = null;
  // Where focus was before a keyboard-opened card took it (given back on close).
  let returnFocus: HTMLElement | null = null;
  let viaKeyboard = false;
  const close = () => {
    openFor = null;
    render(null, card.mount);
    card.hide();
    if (returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
    returnFocus = null;
  };
  // Card data is fetched when the pointer reaches a mention, during the hover intent, so the card
  // has its content when it opens even if the background has to wake up first.
  const cards = new Map<string, ReturnType<typeof send<'entityCard'>>>();
  // Imported datasets changed (options page): cards are built afresh from the new library.
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && REVISION_KEY in changes) cards.clear();
  };
  browser.storage.onChanged.addListener(onStorage);
  // Back from the back/forward cache: requests in flight when the page left may never be answered.
  window.addEventListener(
    'pageshow',
    (event) => {
      if (event.persisted) cards.clear();
    },
    { signal },
  );
  signal.addEventListener('abort', () => quietly(() => browser.storage.onChanged.removeListener(onStorage)));
  let cardsVersion = 0;
  const cardFor = (placed: PlacedMention) => {
    if (!connected()) return Promise.resolve({ ok: false as const, error: 'orphaned' });
    const { entity, pattern, support } = placed.mention;
    const seen = rangeText(placed.range).slice(0, 300);
    const lang = resolveUiLang(settings.uiLang);
    // Cards ranked for what the page was about before (another set of entities) are dropped.
    if (pageContext.version !== cardsVersion) cards.clear();
    cardsVersion = pageContext.version;
    const key = `${lang}\u0000${pattern}\u0000${seen}\u0000${JSON.stringify(support)}`;
    let pending = cards.get(key);
    if (!pending) {
      pending = send(
        'entityCard',
        {
          entityId: entity,
          lang,
          pattern,
          seen,
          ...(support ? { support } : {}),
          context: pageContext.read(),
        },
        { timeoutMs: 5000 },
      );
      cards.set(key, pending);
      // A failed answer is not kept: the next hover asks again.
      const mine = pending;
      void mine.then((r) => !r.ok && cards.get(key) === mine && cards.delete(key));
    }
    return pending;
  };
  /** Most cards fetched ahead per page (the rest are fetched when the pointer approaches). */
  const PREFETCH_LIMIT = 60;
  let prefetchHandle = 0;
  // Mentions already considered: a feed adds a few mentions per update, and looking at every
  // mention again (a Range and its text each) cost ~15 ms per update once thousands were placed.
  // (With the page context they were fetched for: a new context fetches them again.)
  const considered = new WeakMap<PlacedMention, number>();
  prefetch = (mentions) => {
    cancelIdle(prefetchHandle);
    prefetchHandle = whenIdle(() => {
      if (signal.aborted || !connected()) return;
      for (const placed of mentions) {
        if (cards.size >= PREFETCH_LIMIT) break;
        if (considered.get(placed) === pageContext.version) continue;
        considered.set(placed, pageContext.version);
        void cardFor(placed);
      }
    });
  };
  signal.addEventListener('abort', () => cancelIdle(prefetchHandle));
  const open = async (placed: PlacedMention, focus = false) => {
    if (!connected()) return;
    openFor = placed;
    viaKeyboard = focus;
    const draw = (data: CardData | null | 'error') =>
      render(
        h(Card, {
          t: translatorFor(cardMessages, settings.uiLang),
          data,
          onClose: close,
          onAllClaims: (entityId: string) => void send('openBrowse', { entityId }),
          focus,
          theme: settings.theme,
        }),
        card.mount,
      );
    draw(null);
    card.show(placed.range);
    const reply = await cardFor(placed);
    if (openFor !== placed) return;
    draw(reply.ok && reply.value ? reply.value : 'error');
  };

  trackHover<PlacedMention>(document, {
    mentionAt: (node, offset) => highlighter.mentionAt(node, offset),
    delayMs: () => settings.hoverDelayMs,
    isInCard: (node) => card.contains(node),
    onApproach: (placed) => void cardFor(placed),
    onEnter: (placed) => void open(placed),
    onLeave: () => {
      // Leaving a mention closes the card unless the pointer went into it (handled by isInCard).
      if (openFor && !viaKeyboard) close();
    },
    signal,
  });
  // Keyboard: next / previous mention (Alt+Shift+N / Alt+Shift+P, also the rebindable commands).
  let cursor: PlacedMention | null = null;
  const step = (direction: 'next' | 'previous') => {
    const list = inDocumentOrder(highlighter.mentions);
    if (list.length === 0) return;
    const at = cursor ? list.indexOf(cursor) : -1;
    const i =
      at < 0
        ? direction === 'next'
          ? 0
          : list.length - 1
        : (at + (direction === 'next' ? 1 : -1) + list.length) % list.length;
    cursor = list[i]!;
    const active = document.activeElement;
    if (!returnFocus && active instanceof HTMLElement && !card.contains(active)) returnFocus = active;
    scrollToMention(cursor);
    void open(cursor, true);
  };
  document.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted || !connected()) return;
      if (event.key === 'Escape' && openFor) {
        close();
        return;
      }
      const key = event.code === 'KeyN' ? 'next' : event.code === 'KeyP' ? 'previous' : null;
      if (!key || !event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
      // Never take keys from the page's inputs and editors.
      const target = event.composedPath()[0];
      if (target instanceof Element && !card.contains(target) && isEditable(target)) return;
      event.preventDefault();
      step(key);
    },
    { capture: true, signal },
  );
  void highlighter.start();
  return {
    step,
    reveal(entityId) {
      const first = inDocumentOrder(highlighter.mentions).find((p) => p.mention.entity === entityId);
      if (!first) return;
      cursor = first;
      scrollToMention(first);
      void open(first, true);
    },
    counts() {
      const counts = new Map<string, number>();
      for (const p of highlighter.mentions)
        counts.set(p.mention.entity, (counts.get(p.mention.entity) ?? 0) + 1);
      return [...counts].map(([id, mentions]) => ({ id, mentions }));
    },
  };
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

/** A node and the shadow hosts around it, outermost first (its place in the composed tree). */
function treePath(node: Node): Node[] {
  const path = [node];
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode())
    path.unshift(root.host);
  return path;
}

/** Document order of two nodes, across open shadow roots (compared through their hosts). */
function compareNodes(a: Node, b: Node): number {
  const pa = treePath(a);
  const pb = treePath(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    return pa[i]!.compareDocumentPosition(pb[i]!) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** Mentions sorted as they appear in the document (shadow-root content in its host's place). */
function inDocumentOrder(list: readonly PlacedMention[]): PlacedMention[] {
  return [...list].sort((a, b) => {
    if (a.range.startContainer === b.range.startContainer) return a.range.startOffset - b.range.startOffset;
    return compareNodes(a.range.startContainer, b.range.startContainer);
  });
}

/** Bring a mention into view (text directly in a shadow root scrolls its host). */
function scrollToMention(placed: PlacedMention): void {
  const node = placed.range.startContainer;
  const root = node.getRootNode();
  const el = node.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
}

/** Whether an element takes text input (inputs, textareas, selects, editable regions). */
function isEditable(el: Element): boolean {
  return (
    el.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null ||
    (el as HTMLElement).isContentEditable === true
  );
}

/** The text a range covers (what the reader sees highlighted). */
function rangeText(r: StaticRange): string {
  const live = r.startContainer.ownerDocument!.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live.toString();
}

async function main(): Promise<void> {
  // HTML documents only (not SVG or XML files opened directly).
  if (!(document.body instanceof HTMLElement)) return;
  // The site decides whether we run; a very long URL is cut (what matters is its host).
  const href = location.href.slice(0, 8192);
  const hello = await send('hello', { href });
  if (!hello.ok) return;
  let controller: AbortController | null = null;
  let session: Session | null = null;
  // Settings that change what is found (entity types) restart the session; the rest apply live.
  let types = '';
  let imported = hello.value.imported;
  const applyNow = async (active: boolean) => {
    if (retired) return;
    const settings = active ? await loadSettings() : null;
    const nextTypes = settings ? settings.types.join() : '';
    if (controller && settings && nextTypes !== types) {
      controller.abort();
      controller = null;
      session = null;
    }
    types = nextTypes;
    if (settings && !controller) {
      const current = new AbortController();
      controller = current;
      run(current.signal, settings, imported).then(
        (s) => {
          if (controller === current && !current.signal.aborted) session = s;
        },
        () => undefined,
      );
    } else if (!settings && controller) {
      controller.abort();
      controller = null;
      session = null;
    }
  };
  // One change at a time: two overlapping changes must never start two sessions.
  let applying = Promise.resolve();
  const apply = (active: boolean) => {
    applying = applying.then(() => applyNow(active)).catch(() => undefined);
  };
  // Orphaned (extension reloaded or updated under an open page): stop cleanly, once. Checked on
  // page events that would use the extension, when the page becomes visible, and every few seconds.
  let retired = false;
  const check = () => void connected();
  const timer = setInterval(check, 5000);
  document.addEventListener('visibilitychange', check);
  retire = () => {
    if (retired) return;
    retired = true;
    clearInterval(timer);
    document.removeEventListener('visibilitychange', check);
    controller?.abort();
    controller = null;
    session = null;
  };
  // Keyboard commands (from the background) and the popup's questions, whether active or not.
  browser.runtime.onMessage.addListener((raw: unknown, sender: { id?: string }) => {
    const message = sender.id === browser.runtime.id ? checkTabMessage(raw) : null;
    if (!message) return undefined;
    if (message.name === 'navigate') session?.step(message.payload.direction);
    else if (message.name === 'reveal') session?.reveal(message.payload.entityId);
    else {
      const info: PageInfo = {
        host: location.hostname,
        active: session !== null,
        entities: session?.counts() ?? [],
      };
      return Promise.resolve(info);
    }
    return undefined;
  });
  apply(hello.value.enabled);
  // The popup's switches take effect at once on open tabs.
  watchSettings(() => {
    if (!connected()) return;
    void send('hello', { href }).then((r) => {
      if (!r.ok) return;
      imported = r.value.imported;
      apply(r.value.enabled);
    });
  });
}

void main();
