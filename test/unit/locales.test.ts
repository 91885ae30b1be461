import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardTables } from '../../build/card-messages';
import { CARD_MESSAGE_KEYS } from '../../src/ui/card-messages';

const root = resolve(import.meta.dirname, '../..');
const localesDir = join(root, 'assets/public/_locales');
const load = (locale: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(join(localesDir, locale, 'messages.json'), 'utf8'));

/** Every `t('key')` / `translate('key')` / `__MSG_key__` used in the sources and manifest. */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(entry.name)) {
        for (const m of readFileSync(path, 'utf8').matchAll(/\b(?:t|translate)\('([A-Za-z0-9_]+)'/g))
          keys.add(m[1]!);
      }
    }
  };
  walk(join(root, 'src'));
  for (const m of readFileSync(join(root, 'manifest.json'), 'utf8').matchAll(/__MSG_(\w+)__/g))
    keys.add(m[1]!);
  return keys;
}

/** The card's source: Card.tsx and the modules of src/ui it imports, transitively. */
function cardSources(): string[] {
  const ui = join(root, 'src/ui');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/from '\.\/([\w-]+)'/g)) {
      const next = ['.tsx', '.ts'].map((ext) => join(ui, m[1]! + ext)).find((f) => existsSync(f));
      if (next) visit(next);
    }
  };
  visit(join(ui, 'Card.tsx'));
  return [...seen].map((f) => readFileSync(f, 'utf8'));
}

describe('locales', () => {
  const locales = readdirSync(localesDir);
  const en = load('en');

  it('ships English, Ukrainian and Russian', () => {
    expect(locales.sort()).toEqual(['en', 'ru', 'uk']);
  });

  it.each(locales)('%s has exactly the English keys, none empty', (locale) => {
    const messages = load(locale);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message }] of Object.entries(messages)) expect(message.trim(), key).not.toBe('');
  });

  it('defines every key the code and manifest use', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(5);
    for (const key of used) expect(en, key).toHaveProperty(key);
  });

  it("lists every key the card uses among the card's strings, and ships exactly those", () => {
    const listed = new Set<string>(CARD_MESSAGE_KEYS);
    const sources = cardSources();
    expect(sources.length).toBeGreaterThan(0);
    let found = 0;
    for (const source of sources) {
      // t('key') …
      for (const m of source.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) {
        found++;
        expect(listed, m[1]).toContain(m[1]);
      }
      // … and t(`prefix_${…}`): every key of the tables with that prefix.
      for (const m of source.matchAll(/\bt\(`([A-Za-z0-9_]+)\$\{/g)) {
        const keys = Object.keys(en).filter((key) => key.startsWith(m[1]!));
        expect(keys.length, m[1]).toBeGreaterThan(0);
        for (const key of keys) expect(listed, key).toContain(key);
      }
    }
    expect(found).toBeGreaterThan(5);
    // The build takes exactly the listed keys from every language, and fails on a missing one.
    const tables = cardTables(load);
    for (const table of Object.values(tables)) expect(Object.keys(table).sort()).toEqual([...listed].sort());
    expect(() => cardTables((lang) => (lang === 'uk' ? {} : load(lang)))).toThrow(/uk.*extName/);
  });
});
