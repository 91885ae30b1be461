import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

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
});
