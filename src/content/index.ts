/**
 * Content script entry: wires the highlighter, hover tracking and the card together. Asks the
 * background first whether to run here at all (global pause, per-site switch) and does no other
 * work when not.
 */
import { h, render } from 'preact';
import browser from 'webextension-polyfill';
import dictionaryData from 'virtual:wsw-dictionary';
import type { CardData, UiLang } from '../core/card-data';
import { loadDictionary } from '../core/dictionary';
import { CardHost, CARD_TAG } from '../dom/card-host';
import { Highlighter } from '../dom/highlighter';
import { trackHover } from '../dom/hover';
import type { PlacedMention } from '../dom/highlight';
import { send } from '../platform/messaging';
import { loadSettings, watchSettings } from '../platform/settings-store';
import { translate } from '../platform/i18n';
import { Card } from '../ui/Card';
import { CARD_CSS } from '../ui/card-css';

const uiLang = (): UiLang => {
  const lang = browser.i18n.getUILanguage().slice(0, 2);
  return lang === 'uk' || lang === 'ru' ? lang : 'en';
};

async function run(signal: AbortSignal): Promise<void> {
  const dict = loadDictionary(dictionaryData);
  const card = new CardHost(document, CARD_CSS);
  const isOwnUi = (node: Node) =>
    node === card.host ||
    (node.nodeType === 1 && (node as Element).localName === CARD_TAG) ||
    card.contains(node);
  const highlighter = new Highlighter(document.body, dict, { isOwnUi });
  signal.addEventListener('abort', () => {
    highlighter.stop();
    render(null, card.mount);
    card.destroy();
  });
  let hoverDelay = (await loadSettings()).hoverDelayMs;
  watchSettings((s) => (hoverDelay = s.hoverDelayMs));

  let openFor: PlacedMention | null = null;
  const close = () => {
    openFor = null;
    render(null, card.mount);
    card.hide();
  };
  const open = async (placed: PlacedMention) => {
    openFor = placed;
    const draw = (data: CardData | null | 'error') =>
      render(h(Card, { t: translate, data, onClose: close }), card.mount);
    draw(null);
    card.show(placed.range);
    const { entity, pattern, support } = placed.mention;
    const seen = rangeText(placed.range).slice(0, 300);
    const reply = await send('entityCard', {
      entityId: entity,
      lang: uiLang(),
      pattern,
      seen,
      ...(support ? { support } : {}),
    });
    if (openFor !== placed) return;
    draw(reply.ok && reply.value ? reply.value : 'error');
  };

  trackHover<PlacedMention>(document, {
    mentionAt: (node, offset) => highlighter.mentionAt(node, offset),
    delayMs: () => hoverDelay,
    isInCard: (node) => card.contains(node),
    onEnter: (placed) => void open(placed),
    onLeave: () => {
      // Leaving a mention closes the card unless the pointer went into it (handled by isInCard).
      if (openFor) close();
    },
    signal,
  });
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.isTrusted && event.key === 'Escape' && openFor) close();
    },
    { signal },
  );
  await highlighter.start();
}

/** The text a range covers (what the reader sees highlighted). */
function rangeText(r: StaticRange): string {
  const live = r.startContainer.ownerDocument!.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live.toString();
}

async function main(): Promise<void> {
  const hello = await send('hello', { href: location.href });
  if (!hello.ok) return;
  let controller: AbortController | null = null;
  const apply = (active: boolean) => {
    if (active && !controller) {
      controller = new AbortController();
      void run(controller.signal);
    } else if (!active && controller) {
      controller.abort();
      controller = null;
    }
  };
  apply(hello.value.enabled);
  // The popup's switches take effect at once on open tabs.
  watchSettings(() => {
    void send('hello', { href: location.href }).then((r) => r.ok && apply(r.value.enabled));
  });
}

void main();
