import { describe, expect, it } from 'vitest';
import { compileDictionary, loadDictionary, serializeDictionary } from '../../src/core/dictionary';
import { findMentions } from '../../src/core/matcher';
import {
  currentCardStyle,
  currentDictionary,
  type StoredCardStyle,
  type StoredDictionary,
} from '../../src/core/storage-keys';
import { CARD_CSS } from '../../src/ui/card-css';
import { readEntitySources } from '../../src/node/entity-files';

describe('currentDictionary (the matching dictionary in storage.local)', () => {
  const { entities } = readEntitySources();
  const dictionary = serializeDictionary(compileDictionary(entities), { matchingOnly: true });
  // Through JSON, as storage.local keeps it.
  const stored: StoredDictionary = JSON.parse(JSON.stringify({ build: 'build-a', dictionary }));

  it('gives the dictionary written for this build, which matches as compiled', () => {
    const found = currentDictionary(stored, 'build-a');
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
