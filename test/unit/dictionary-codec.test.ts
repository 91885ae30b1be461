import { describe, expect, it } from 'vitest';
import {
  compileDictionary,
  loadDictionary,
  serializeDictionary,
  type Dictionary,
} from '../../src/core/dictionary';
import type { EntitySource } from '../../src/core/entities';
import { SENSE_ENTITIES } from '../fixtures/sense-entities';
import { TEST_ENTITIES } from '../fixtures/test-entities';

const ARRAYS = [
  'patternFlags',
  'patternEntity',
  'edgeStart',
  'edgeChar',
  'termStart',
  'terminals',
  'patternGroup',
  'patternLang',
  'patternKind',
] as const;

/** Through JSON, as storage keeps it. */
const roundTrip = (d: Dictionary) => loadDictionary(JSON.parse(JSON.stringify(serializeDictionary(d))));

/** `count` entities with distinct made-up names: a trie of about 12 nodes per name. */
function manyEntities(count: number): EntitySource[] {
  const letters = 'bcdfghjklmnpqrstvwxz';
  const name = (i: number) =>
    Array.from({ length: 12 }, (_, k) => letters[Math.floor(i / 20 ** (k % 4)) % 20]! + 'aeiou'[k % 5])
      .join('')
      .replace(/^./, (c) => c.toUpperCase());
  return Array.from({ length: count }, (_, i) => ({
    id: `synthetic-${i}`,
    type: 'person' as const,
    name: { en: name(i), uk: name(i), ru: name(i) },
    description: { en: '', uk: '', ru: '' },
    aliases: [{ text: name(i), lang: 'en' }],
  }));
}

describe('the serialised dictionary', () => {
  it.each([
    ['a small trie (16-bit offsets)', () => compileDictionary(TEST_ENTITIES), 'u16:'],
    ["the sense rules' entities (namesakes, alias groups)", () => compileDictionary(SENSE_ENTITIES), 'u16:'],
    ['a trie of over 65,535 nodes (one-byte counts)', () => compileDictionary(manyEntities(6000)), 'c8:'],
  ])('%s loads with every array as compiled', (_, make, offsets) => {
    const compiled = make();
    expect(serializeDictionary(compiled).arrays.edgeStart.startsWith(offsets)).toBe(true);
    const loaded = roundTrip(compiled);
    for (const key of ARRAYS) expect([...loaded[key]], key).toEqual([...compiled[key]]);
    expect(loaded.patternCount).toBe(compiled.patternCount);
    expect(loaded.blockerGroups).toEqual(compiled.blockerGroups);
    expect(loaded.langs).toEqual(compiled.langs);
    expect(loaded.entities).toEqual(compiled.entities);
  });
});
