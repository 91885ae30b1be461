import { describe, expect, it } from 'vitest';
import {
  compileDictionary,
  loadDictionary,
  serializeDictionary,
  type Dictionary,
} from '../../src/core/dictionary';
import { encodeBase64 } from '../../src/core/base64';
import { upgradeDictionary, type LegacySerializedDictionary } from '../../src/core/dictionary-legacy';
import { findMentions } from '../../src/core/matcher';
import type { EntitySource } from '../../src/core/entities';
import { SENSE_ENTITIES } from '../fixtures/sense-entities';
import { TEST_ENTITIES } from '../fixtures/test-entities';

const ARRAYS = [
  'patternFlags',
  'patternEntity',
  'edgeStart',
  'edgeLabel',
  'terminalBits',
  'termNode',
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
    expect(loaded.alphabet).toBe(compiled.alphabet);
    expect([...loaded.symbolOf]).toEqual([...compiled.symbolOf]);
    expect(loaded.blockerGroups).toEqual(compiled.blockerGroups);
    expect(loaded.langs).toEqual(compiled.langs);
    expect(loaded.entities).toEqual(compiled.entities);
  });

  it.each([
    ['a small trie', () => compileDictionary(TEST_ENTITIES)],
    ["the sense rules' entities", () => compileDictionary(SENSE_ENTITIES)],
  ])(
    '%s stored in format 3 (per-node pattern offsets, 16-bit characters) upgrades to the same dictionary',
    (_, make) => {
      const compiled = make();
      const current = serializeDictionary(compiled);
      // Format 3 as an earlier build wrote it: `termStart[n]`, the first pattern entry of node n.
      const nodes = compiled.edgeLabel.length + 1;
      const termStart = new Uint16Array(nodes + 1);
      for (const n of compiled.termNode) termStart[n + 1]!++;
      for (let n = 0; n < nodes; n++) termStart[n + 1]! += termStart[n]!;
      const { terminalBits: _bits, termNode: _nodes, edgeLabel: _labels, ...arrays } = current.arrays;
      const { alphabet: _alphabet, ...rest } = current;
      const u16 = (a: Uint16Array) => `u16:${encodeBase64(new Uint8Array(a.buffer))}`;
      const chars = Uint16Array.from(compiled.edgeLabel, (label) => compiled.alphabet.charCodeAt(label - 1));
      const legacy: LegacySerializedDictionary = {
        ...rest,
        format: 3,
        arrays: { ...arrays, termStart: u16(termStart), edgeChar: u16(chars) },
      };
      const loaded = loadDictionary(upgradeDictionary(JSON.parse(JSON.stringify(legacy))));
      for (const key of ARRAYS) expect([...loaded[key]], key).toEqual([...compiled[key]]);
      expect(loaded.alphabet).toBe(compiled.alphabet);
      expect(findMentions('Zelensky met Macron in Kyiv', loaded)).toEqual(
        findMentions('Zelensky met Macron in Kyiv', compiled),
      );
    },
  );
});
