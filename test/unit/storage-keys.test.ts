import { describe, expect, it } from 'vitest';
import { compileDictionary, loadDictionary, serializeDictionary } from '../../src/core/dictionary';
import { findMentions } from '../../src/core/matcher';
import { currentDictionary, type StoredDictionary } from '../../src/core/storage-keys';
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
