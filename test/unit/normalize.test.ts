import { describe, expect, it } from 'vitest';
import { BREAK, fold, IGNORABLE, isWordChar, normalizeAlias, SPACE } from '../../src/core/normalize';

const f = (ch: string) => String.fromCharCode(fold(ch.charCodeAt(0)));

describe('fold', () => {
  it.each([
    ['A', 'a'],
    ['Ж', 'ж'],
    ['Ї', 'ї'],
    ['é', 'e'],
    ['ó', 'o'],
    ['Ż', 'z'],
    ['ü', 'u'],
    ['ś', 's'],
    ['ą', 'a'],
    ['ё', 'е'],
    ['Ё', 'е'],
    ['’', "'"],
    ['ʼ', "'"],
    ['‘', "'"],
    ['–', '-'],
    ['—', '-'],
    ['‑', '-'],
    ['−', '-'],
  ])('folds %s to %s', (from, to) => expect(f(from)).toBe(to));

  it.each([
    ['ł', 'a letter of its own in Polish'],
    ['ø', 'a letter of its own'],
    ['ß', 'a letter of its own'],
    ['ї', 'Ukrainian ї is not і'],
    ['і', 'Ukrainian і is not и'],
    ['й', 'й is not и'],
    ['є', 'є is not е'],
    ['ґ', 'ґ is not г'],
  ])('keeps %s distinct (%s)', (ch) => expect(f(ch)).toBe(ch));

  it('maps white space to a space, ignorables to IGNORABLE, U+2029 to BREAK', () => {
    for (const ch of [' ', '\u00a0', '\t', '\n', '\u2009', '\u202f'])
      expect(fold(ch.charCodeAt(0))).toBe(SPACE);
    for (const ch of ['\u00ad', '\u200b', '\u200d', '\u0301', '\ufeff'])
      expect(fold(ch.charCodeAt(0))).toBe(IGNORABLE);
    expect(fold(0x2029)).toBe(BREAK);
  });
});

describe('normalizeAlias', () => {
  it.each([
    ['Kijów', 'kijow'],
    ['  Volodymyr \u00a0 Zelensky ', 'volodymyr zelensky'],
    ['Изю́м', 'изюм'],
    ['Zel\u00adensky', 'zelensky'],
    ['Mar’inka', "mar'inka"],
    ['Запоріжжя', 'запоріжжя'],
  ])('%s → %s', (input, out) => expect(normalizeAlias(input)).toBe(out));

  it('keeps case on request', () => expect(normalizeAlias('IAEA  Ё', true)).toBe('IAEA Е'));
});

describe('isWordChar', () => {
  it.each(['a', 'Я', 'ї', '7', '_', '\u0301', 'é'])('%s is a word character', (ch) =>
    expect(isWordChar(ch.charCodeAt(0))).toBe(true),
  );
  it.each([' ', "'", '’', 'ʼ', 'ʹ', '-', '.', '«', '\u00ad', '\u2029', '\ud83c'])(
    '%j is not a word character',
    (ch) => expect(isWordChar(ch.charCodeAt(0))).toBe(false),
  );
});

describe('base64', async () => {
  const { decodeBase64, encodeBase64 } = await import('../../src/core/base64');
  it.each([0, 1, 2, 3, 4, 5, 255, 1000])('round-trips %i bytes like Node does', (n) => {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);
    const b64 = encodeBase64(bytes);
    expect(b64).toBe(Buffer.from(bytes).toString('base64'));
    expect([...decodeBase64(b64)]).toEqual([...bytes]);
  });
});
