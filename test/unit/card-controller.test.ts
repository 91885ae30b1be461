/** The card's states, with a plain object for where it shows and a linkedom page for focus. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { CardData } from '../../src/core/card-data';
import { CardController, type CardState, type CardSurface } from '../../src/dom/card-controller';

interface Target {
  id: string;
  range: StaticRange;
}

const target = (id: string): Target => ({ id, range: { id } as unknown as StaticRange });
const data = (id: string) => ({ entity: { id } }) as unknown as CardData;

/** A controller whose loads wait until the test answers them. */
function setUp() {
  const { document } = parseHTML('<!doctype html><html><body><button id="b">b</button></body></html>');
  const log: string[] = [];
  const surface: CardSurface = {
    show: (anchor) => void log.push(`show ${(anchor as unknown as { id: string }).id}`),
    hide: () => void log.push('hide'),
    destroy: () => void log.push('destroy'),
    contains: () => false,
  };
  const answers = new Map<string, (value: CardData | 'error') => void>();
  const drawn: string[] = [];
  const describeState = (s: CardState<Target>) =>
    s.kind === 'closed'
      ? 'closed'
      : s.kind === 'loading'
        ? `loading ${s.target.id}${s.focus ? ' focus' : ''}`
        : `open ${s.target.id} ${s.data === 'error' ? 'error' : s.data.entity.id}`;
  const life = new AbortController();
  const card = new CardController<Target>(document as unknown as Document, surface, {
    load: (t) => new Promise((resolve) => answers.set(t.id, resolve)),
    draw: (s) => void drawn.push(describeState(s)),
    signal: life.signal,
  });
  return { document, card, log, drawn, answers, life };
}

describe('CardController', () => {
  it('shows the card at once while loading, then with its data', async () => {
    const { card, log, drawn, answers } = setUp();
    const opened = card.open(target('izium'));
    expect(card.state.kind).toBe('loading');
    expect(log).toEqual(['show izium']);
    answers.get('izium')!(data('izium'));
    await opened;
    expect(drawn).toEqual(['loading izium', 'open izium izium']);
    expect(card.isOpen).toBe(true);
  });

  it('never shows data that came for a card closed or replaced meanwhile', async () => {
    const { card, drawn, answers } = setUp();
    const first = card.open(target('izium'));
    const second = card.open(target('bucha'));
    answers.get('izium')!(data('izium'));
    await first;
    expect(card.state).toMatchObject({ kind: 'loading', target: { id: 'bucha' } });
    card.close();
    answers.get('bucha')!('error');
    await second;
    expect(drawn).toEqual(['loading izium', 'loading bucha', 'closed']);
    expect(card.isOpen).toBe(false);
  });

  it('gives focus back, on close, to where a keyboard-opened card took it from', async () => {
    const { document, card, answers } = setUp();
    const button = document.getElementById('b') as unknown as HTMLElement;
    let focused = 0;
    button.focus = () => void focused++;
    Object.defineProperty(document, 'activeElement', { value: button, configurable: true });
    const opened = card.open(target('izium'), { focus: true, returnFocus: true });
    expect(card.state).toMatchObject({ kind: 'loading', focus: true });
    answers.get('izium')!(data('izium'));
    await opened;
    card.close();
    expect(focused).toBe(1);
    // Not remembered for a card opened otherwise.
    void card.open(target('bucha'));
    card.close();
    expect(focused).toBe(1);
  });

  it('ends with its signal: closed, drawn as such, taken off the page, and opens no more', async () => {
    const { card, log, drawn, life } = setUp();
    void card.open(target('izium'));
    life.abort();
    expect(drawn.at(-1)).toBe('closed');
    expect(log.at(-1)).toBe('destroy');
    await card.open(target('bucha'));
    expect(card.isOpen).toBe(false);
  });
});
