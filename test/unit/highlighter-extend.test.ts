/**
 * `Highlighter.extend`: a few entities added for one page (speakers it quotes that have no claims)
 * are found in one more read, next to what is highlighted already, and in the page's later changes.
 * The browser pieces are plain objects, as in highlighter.test.ts.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { compileDictionary, loadDictionary, serializeDictionary } from '../../src/core/dictionary';
import type { EntitySource } from '../../src/core/entities';
import { Highlighter, type HighlighterOptions } from '../../src/dom/highlighter';
import type { PlacedMention } from '../../src/dom/highlight';
import type { ObserverLike } from '../../src/dom/page-observer';
import { TEST_ENTITIES } from '../fixtures/test-entities';

const load = (sources: EntitySource[]) =>
  loadDictionary(
    JSON.parse(JSON.stringify(serializeDictionary(compileDictionary(sources), { matchingOnly: true }))),
  );
const dict = load(TEST_ENTITIES);
const OMBUDSMAN: EntitySource = {
  id: 'dmytro-lubinets',
  type: 'person',
  name: { en: 'Dmytro Lubinets', uk: 'Дмитро Лубінець', ru: 'Дмитрий Лубинец' },
  description: { en: 'ombudsman', uk: 'омбудсман', ru: 'омбудсмен' },
  aliases: [
    { text: 'Dmytro Lubinets', lang: 'en' },
    // Overlaps a main entity's name: the page's own entity wins there.
    { text: 'Kyiv ombudsman', lang: 'en' },
  ],
};

let observers: ((records: MutationRecord[]) => void)[] = [];
const pieces = (registry: Map<string, Set<StaticRange>>): HighlighterOptions => ({
  highlights: {
    registry,
    create: () => new Set<StaticRange>(),
    range: (init) => ({ ...init, collapsed: false }) as StaticRange,
  },
  frames: {
    requestFrame: (callback) => {
      const timer = setTimeout(callback, 0);
      return () => clearTimeout(timer);
    },
    yieldToPage: () => new Promise((resolve) => setTimeout(resolve, 0)),
    afterNextPaint: () => new Promise((resolve) => setTimeout(() => setTimeout(resolve, 0), 0)),
    now: () => performance.now(),
  },
  createObserver: (callback): ObserverLike => {
    observers.push(callback);
    return { observe: () => undefined, disconnect: () => (observers = []) };
  },
});

const textOf = (p: PlacedMention) =>
  (p.range.startContainer as Text).data.slice(p.range.startOffset, p.range.endOffset);
const settle = async () => {
  for (let i = 0; i < 50; i++) await new Promise((r) => setTimeout(r, 0));
};

describe('Highlighter.extend', () => {
  it('adds the page-only entities in one more read, keeping what is there, and follows later changes', async () => {
    const { document } = parseHTML(
      '<!doctype html><html><body><p>Dmytro Lubinets said Kyiv would answer.</p><p>In Bucha, Dmytro Lubinets spoke.</p></body></html>',
    );
    Object.defineProperty(document, 'location', { value: { href: 'https://n.example/a' } });
    const registry = new Map<string, Set<StaticRange>>();
    const changes: number[] = [];
    const h = new Highlighter(document.body, dict, {
      ...pieces(registry),
      onChange: (m) => changes.push(m.length),
    });
    await h.start();
    const before = [...h.mentions];
    expect(before.map(textOf).sort()).toEqual(['Bucha', 'Kyiv']);
    await h.extend(load([OMBUDSMAN]));
    expect(h.mentions.map(textOf).sort()).toEqual(['Bucha', 'Dmytro Lubinets', 'Dmytro Lubinets', 'Kyiv']);
    // What was highlighted stays (the same placed mentions, not read again).
    for (const p of before) expect(h.mentions).toContain(p);
    expect(h.mentions.find((p) => textOf(p) === 'Dmytro Lubinets')!.mention.entity).toBe('dmytro-lubinets');
    // Every placed mention is registered once, the added ones included.
    expect([...registry.values()].reduce((n, set) => n + set.size, 0)).toBe(4);
    expect(changes.at(-1)).toBe(4);
    // A paragraph the page adds later is read with the added entity too.
    const p = document.createElement('p');
    p.textContent = 'Later, Dmytro Lubinets and the Kyiv ombudsman met.';
    document.body.append(p);
    for (const callback of observers)
      callback([
        {
          type: 'childList',
          target: document.body,
          addedNodes: [p],
          removedNodes: [],
        } as unknown as MutationRecord,
      ]);
    await settle();
    expect(h.mentions.map(textOf).sort()).toEqual([
      'Bucha',
      'Dmytro Lubinets',
      'Dmytro Lubinets',
      'Dmytro Lubinets',
      'Kyiv',
      'Kyiv',
    ]);
    h.stop();
  });
});
