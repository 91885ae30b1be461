/**
 * One session of the content script on an active page: the highlighter with the page's settings,
 * the toolbar badge, and the card opened by hover, keyboard or the popup. Everything it starts
 * ends with its lifetime; settings that change what is found (entity types) start a new session,
 * the others apply live.
 */
import { h, render } from 'preact';
import CONTENT_DATA_BUILD from 'virtual:wsw-content-data-id';
import { loadDictionary } from '../core/dictionary';
import { PAGE_TEXT_MAX } from '../core/page-statements';
import { currentDictionary } from '../core/storage-keys';
import type { Settings } from '../core/settings';
import { CardController, type CardState } from '../dom/card-controller';
import { CardHost, CARD_TAG } from '../dom/card-host';
import { rangeText, type PlacedMention } from '../dom/highlight';
import { Highlighter } from '../dom/highlighter';
import { trackHover } from '../dom/hover';
import { PageContextReader } from '../dom/page-context';
import { MentionCursor, scrollToMention, watchKeyboard, type Direction } from '../dom/keyboard';
import { CardRequests, type CardRequest } from '../platform/card-requests';
import { readContentData } from '../platform/dictionary-source';
import { resolveUiLang, translatorFor } from '../platform/i18n';
import { onAbort, within, type Lifetime } from '../platform/lifetime';
import { send } from '../platform/content-messaging';
import type { PageConfig } from '../platform/site-gate';
import { Card } from '../ui/Card';

/** What a running session offers to the rest of the content script. */
export interface Session {
  /** Resolves once the page was read the first time. */
  readonly ready: Promise<void>;
  /** Settings changed in a way that applies live (style, hover delay, language, theme). */
  update(settings: Settings): void;
  step(direction: Direction): void;
  reveal(entityId: string): void;
  counts(): { id: string; mentions: number }[];
}

async function startSession(
  config: PageConfig,
  life: Lifetime,
  scrolled: Promise<boolean> | undefined,
): Promise<Session> {
  const { signal } = life;
  let settings = config.settings;
  const { dictionary: dict, cardMessages, cardCss } = await readContentData();
  if (signal.aborted) throw new Error('stopped');
  const host = new CardHost(document, cardCss);
  const isOwnUi = (node: Node) =>
    node === host.host ||
    (node.nodeType === 1 && (node as Element).localName === CARD_TAG) ||
    host.contains(node);
  const requests = new CardRequests(life);
  // What the page is about (its entities, date and language) goes with each card request.
  const pageContext = new PageContextReader(document);
  const requestFor = (placed: PlacedMention): CardRequest => {
    const { entity, pattern, support } = placed.mention;
    const seen = rangeText(placed.range).slice(0, 300);
    const lang = resolveUiLang(settings.uiLang);
    return {
      entityId: entity,
      lang,
      pattern,
      seen,
      ...(support ? { support } : {}),
      context: pageContext.read(),
    };
  };
  // Once, after the first highlights, in idle time: the page's text goes to the background, which
  // finds who said what (off this thread); cards asked for after its answer carry "In this article".
  let asked = false;
  let stated = 0;
  let latest: readonly PlacedMention[] = [];
  const version = () => pageContext.version * 2 + stated;
  // The page's text as the highlighter's first scan reads it (no second walk of the page), up to
  // the cap (on a page opened scrolled down, the blocks in view come first); later changes are not
  // sent.
  let pageText = '';
  let reading = true;
  const STATE_DELAY_MS = 1000;
  const readText = (text: string) => {
    if (reading && text && pageText.length < PAGE_TEXT_MAX) pageText += (pageText ? '\n' : '') + text;
  };
  const statePage = () => {
    if (signal.aborted) return;
    const text = pageText.slice(0, PAGE_TEXT_MAX);
    void send('pageStatements', { url: location.href, text }).then((r) => {
      if (!(r.ok && r.value.statements > 0 && life.alive())) return;
      stated = 1;
      // Speakers quoted here with no claims yet: highlighted on this page too (read once more for them).
      const speakers = currentDictionary(r.value.speakers, CONTENT_DATA_BUILD);
      if (speakers) void highlighter.extend(loadDictionary(speakers));
      // The cached cards lack the section now: fetch the page's cards again, ahead of the hover.
      requests.prefetch(latest, requestFor, version());
    });
  };
  // The toolbar badge shows how many entities the page mentions (cleared when the session ends).
  let reported = -1;
  const highlighter = new Highlighter(document.body, dict, {
    isOwnUi,
    onText: readText,
    onChange: (mentions) => {
      pageContext.note(highlighter.entityCounts);
      const entities = highlighter.entityCounts.size;
      if (entities !== reported) void send('pageFound', { entities });
      reported = entities;
      // The cards of the page's mentions are fetched in idle time, so a hover shows its card at
      // once even when the background was stopped in the meantime.
      if (!asked && !signal.aborted) {
        asked = true;
        reading = false;
        // A second later, in idle time: the background attributing the page (~0.3 s when its
        // worker has just started) must not delay the first cards a reader hovers.
        setTimeout(() => requestIdleCallback(statePage, { timeout: 5000 }), STATE_DELAY_MS);
      }
      latest = mentions;
      requests.prefetch(mentions, requestFor, version());
    },
    types: new Set(settings.types),
    style: settings.highlightStyle,
    scrolled,
  });
  onAbort(signal, () => {
    if (life.alive()) void send('pageFound', { entities: 0 });
    highlighter.stop();
  });
  const card: CardController<PlacedMention> = new CardController(document, host, {
    load: async (placed) => {
      const reply = await requests.get(requestFor(placed), version());
      return reply.ok && reply.value ? reply.value : 'error';
    },
    draw: (state: CardState<PlacedMention>) =>
      render(
        state.kind === 'closed'
          ? null
          : h(Card, {
              t: translatorFor(cardMessages, settings.uiLang),
              data: state.kind === 'open' ? state.data : null,
              onClose: () => card.close(),
              onAllClaims: (entityId: string) => void send('openBrowse', { entityId }),
              focus: state.focus,
              theme: settings.theme,
            }),
        host.mount,
      ),
    signal,
  });
  const open = (placed: PlacedMention | null, returnFocus = false) => {
    if (!placed || !life.alive()) return;
    scrollToMention(placed);
    void card.open(placed, { focus: true, returnFocus });
  };
  trackHover<PlacedMention>(document, {
    mentionAt: (node, offset) => highlighter.mentionAt(node, offset),
    delayMs: () => settings.hoverDelayMs,
    isInCard: (node) => host.contains(node),
    // (Checked first: building the request asks the extension for the UI language.)
    onApproach: (placed) => void (life.alive() && requests.get(requestFor(placed), version())),
    onEnter: (placed) => void (life.alive() && card.open(placed)),
    // Leaving a mention closes the card unless the pointer went into it (handled by isInCard).
    onLeave: () => void (card.state.kind !== 'closed' && !card.state.focus && card.close()),
    signal,
  });
  const cursor = new MentionCursor(() => highlighter.mentions);
  const step = (direction: Direction) => open(cursor.step(direction), true);
  watchKeyboard(document, {
    onStep: step,
    onEscape: () => void (card.isOpen && card.close()),
    isInCard: (node) => host.contains(node),
    enabled: life.alive,
    signal,
  });
  return {
    ready: highlighter.start(),
    update(next) {
      settings = next;
      highlighter.setStyle(next.highlightStyle);
    },
    step,
    reveal: (entityId) => open(cursor.first(entityId)),
    counts() {
      const counts = new Map<string, number>();
      for (const p of highlighter.mentions)
        counts.set(p.mention.entity, (counts.get(p.mention.entity) ?? 0) + 1);
      return [...counts].map(([id, mentions]) => ({ id, mentions }));
    },
  };
}

/**
 * The page's session as the site gate decides: started when the page becomes active, ended when
 * it is not, restarted when the entity types change, updated for every other change.
 */
export class Sessions {
  /** The session running now (null while off, or while one starts). */
  current: Session | null = null;
  #running: { types: string; stop: AbortController; started: Promise<Session | null> } | null = null;

  readonly #life: Lifetime;
  /** Whether the page was shown scrolled down, asked at load for the first session (see `isScrolled`). */
  #scrolled: Promise<boolean> | undefined;

  constructor(life: Lifetime, scrolled?: Promise<boolean>) {
    this.#life = life;
    this.#scrolled = scrolled;
  }

  /** Apply the gate's decision (null: off). */
  async apply(config: PageConfig | null): Promise<void> {
    const types = config ? config.settings.types.join() : '';
    if (this.#running && (!config || this.#running.types !== types)) {
      this.#running.stop.abort();
      this.#running = null;
      this.current = null;
    }
    if (!config) return;
    if (this.#running) {
      (await this.#running.started)?.update(config.settings);
      return;
    }
    const stop = new AbortController();
    const scrolled = this.#scrolled;
    this.#scrolled = undefined;
    const started = startSession(config, within(this.#life, stop.signal), scrolled).then(
      (session) => (stop.signal.aborted ? null : (this.current = session)),
      () => null,
    );
    this.#running = { types, stop, started };
  }

  /** Resolves once the running session (if any) read the page the first time. */
  async ready(): Promise<void> {
    const session = await this.#running?.started;
    await session?.ready.catch(() => undefined);
  }
}
