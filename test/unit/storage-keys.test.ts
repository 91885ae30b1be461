import { describe, expect, it } from 'vitest';
import { compileDictionary, loadDictionary, serializeDictionary } from '../../src/core/dictionary';
import { findMentions } from '../../src/core/matcher';
import {
  currentCardStyle,
  currentDictionary,
  storedDictionary,
  type StoredCardStyle,
  type StoredDictionary,
} from '../../src/core/storage-keys';
import { CARD_CSS } from '../../src/ui/card-css';
import { readEntitySources } from '../../src/node/entity-files';

describe('currentDictionary (the matching dictionary in storage.local)', () => {
  const { entities } = readEntitySources();
  const dictionary = serializeDictionary(compileDictionary(entities), { matchingOnly: true });
  // Through JSON, as storage.local keeps it (the dictionary as one string), and as a message
  // carries it (an object).
  const stored: StoredDictionary = JSON.parse(JSON.stringify(storedDictionary('build-a', dictionary)));
  const sent: StoredDictionary = JSON.parse(JSON.stringify({ build: 'build-a', dictionary }));

  it.each([
    ['stored', stored],
    ['sent', sent],
  ])('gives the dictionary written for this build (%s), which matches as compiled', (_, raw) => {
    expect(typeof stored.json).toBe('string');
    const found = currentDictionary(raw, 'build-a');
    expect(found).not.toBeNull();
    const text = 'Peskov spoke about Izyum.';
    expect(findMentions(text, loadDictionary(found!)).map((m) => m.entity)).toEqual(
      findMentions(text, compileDictionary(entities)).map((m) => m.entity),
    );
  });

  it.each([
    ['another build', stored, 'build-b'],
    ['the untagged form earlier versions stored', dictionary, 'build-a'],
    ['nothing', undefined, 'build-a'],
    ['a string', 'build-a', 'build-a'],
    ['another format', { build: 'build-a', dictionary: { ...dictionary, format: 2 } }, 'build-a'],
    ['no arrays', { build: 'build-a', dictionary: { ...dictionary, arrays: null } }, 'build-a'],
    ['a stored string that is not JSON', { build: 'build-a', json: '{"format":4,' }, 'build-a'],
    [
      'a stored string of another format',
      storedDictionary('build-a', { ...dictionary, format: 3 as 4 }),
      'build-a',
    ],
  ])('refuses %s', (_what, raw, build) => {
    expect(currentDictionary(raw, build)).toBeNull();
  });
});

describe('currentCardStyle (the card stylesheet in storage.local)', () => {
  const stored: StoredCardStyle = JSON.parse(JSON.stringify({ build: 'build-a', css: CARD_CSS }));

  it('gives the stylesheet written for this build, as written', () => {
    expect(currentCardStyle(stored, 'build-a')).toBe(CARD_CSS);
  });

  it.each([
    ['another build', stored, 'build-b'],
    ['nothing', undefined, 'build-a'],
    ['a string', CARD_CSS, 'build-a'],
    ['no stylesheet', { build: 'build-a' }, 'build-a'],
    ['a stylesheet that is not text', { build: 'build-a', css: ['a'] }, 'build-a'],
  ])('refuses %s', (_what, raw, build) => {
    expect(currentCardStyle(raw, build)).toBeNull();
  });
});
