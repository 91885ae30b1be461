import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatMessage, type LocaleTable } from '../../src/core/messages-format';

const table = (lang: string): LocaleTable =>
  JSON.parse(readFileSync(`assets/public/_locales/${lang}/messages.json`, 'utf8')) as LocaleTable;

describe('formatMessage (the UI-language setting without browser.i18n)', () => {
  const t: LocaleTable = {
    plain: { message: 'Hello' },
    named: {
      message: 'Dataset $VERSION$ as of $Date$',
      placeholders: { version: { content: '$1' }, date: { content: '$2' } },
    },
    positional: { message: '$1 and $2, $$5' },
    literal: { message: 'Costs $price$', placeholders: { price: { content: '3 EUR' } } },
  };
  it('substitutes like browser.i18n.getMessage', () => {
    expect(formatMessage(t, 'plain')).toBe('Hello');
    expect(formatMessage(t, 'named', ['1.2', '2026-11-25'])).toBe('Dataset 1.2 as of 2026-11-25');
    expect(formatMessage(t, 'positional', ['a', 'b'])).toBe('a and b, $5');
    expect(formatMessage(t, 'positional', 'a')).toBe('a and , $5');
    expect(formatMessage(t, 'literal')).toBe('Costs 3 EUR');
  });
  it('answers undefined for a missing key (never an inherited property)', () => {
    expect(formatMessage(t, 'nope')).toBeUndefined();
    expect(formatMessage(t, 'constructor')).toBeUndefined();
    expect(formatMessage(t, '__proto__')).toBeUndefined();
  });
  it('formats every message of the real tables with no placeholder left over', () => {
    for (const lang of ['en', 'uk', 'ru']) {
      const real = table(lang);
      for (const key of Object.keys(real)) {
        const text = formatMessage(real, key, ['A', 'B', 'C']);
        expect(text, `${lang}/${key}`).toBeTruthy();
        expect(text, `${lang}/${key}`).not.toMatch(/\$[A-Za-z_]+\$/);
      }
    }
  });
});
