/**
 * The card's UI strings: the keys listed in `src/ui/card-messages.ts`, in every UI language,
 * without descriptions (~5 KB for three languages, not the whole tables). The background writes
 * them to `storage.local` for content scripts, with the matching dictionary.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { UI_LANGUAGES } from '../src/core/entities';
import { CARD_MESSAGE_KEYS } from '../src/ui/card-messages';
import { ROOT } from './manifest';

/** Virtual module with the card's strings: `{ en: { key: { message, placeholders? } }, uk, ru }`. */
export const CARD_MESSAGES_MODULE = 'virtual:wsw-card-messages';

type Table = Record<string, { message: string; placeholders?: unknown }>;

/** The card's entries of each locale table; a listed key missing from a table fails the build. */
export function cardTables(read: (lang: string) => Table): Record<string, Table> {
  return Object.fromEntries(
    UI_LANGUAGES.map((lang) => {
      const table = read(lang);
      const entries = CARD_MESSAGE_KEYS.map((key) => {
        const m = table[key];
        if (!m) throw new Error(`_locales/${lang}/messages.json: no "${key}" (a card string)`);
        return [key, { message: m.message, ...(m.placeholders ? { placeholders: m.placeholders } : {}) }];
      });
      return [lang, Object.fromEntries(entries)];
    }),
  );
}

/** The card's tables from `assets/public/_locales` (`onRead`: each file read). */
export function readCardTables(onRead?: (file: string) => void): Record<string, Table> {
  return cardTables((lang) => {
    const file = resolve(ROOT, `assets/public/_locales/${lang}/messages.json`);
    onRead?.(file);
    return JSON.parse(readFileSync(file, 'utf8')) as Table;
  });
}

/** The virtual module above. */
export function cardMessages(): Plugin {
  return {
    name: 'wsw:card-messages',
    resolveId: {
      filter: { id: /^virtual:wsw-card-messages$/ },
      handler: (id) => '\0' + id,
    },
    load: {
      filter: { id: /^\0virtual:wsw-card-messages$/ },
      handler() {
        let tables;
        try {
          tables = readCardTables((file) => this.addWatchFile(file));
        } catch (error) {
          this.error((error as Error).message);
        }
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(tables))});`;
      },
    },
  };
}
