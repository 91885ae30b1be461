/**
 * What content scripts read from `storage.local` at page load, and the keys of the derived
 * library items there (kept apart from the library module so the content script can import them
 * without pulling in the importers). Content scripts cannot open the extension's IndexedDB, and
 * data is cheaper to read than the same data compiled into the script on every page.
 */
import type { SerializedDictionary } from './dictionary';
import type { LocaleTable } from './messages-format';

/**
 * The matching dictionary content scripts use: the bundled one, or the one compiled with imported
 * entities. Written by the background at install and update, and by every library change.
 */
export const DICTIONARY_KEY = 'wsw-dictionary';
/** The library revision, bumped by every change to imported datasets (0 or absent: none). */
export const REVISION_KEY = 'wsw-library-revision';
/** The card's UI strings in every UI language (for a language other than the browser's). */
export const CARD_MESSAGES_KEY = 'wsw-card-messages';
/**
 * The card's stylesheet (design tokens and layout). Data, not code, for the same reason as the
 * strings: the content script runs on every page, and only pages where a card opens need it.
 */
export const CARD_STYLE_KEY = 'wsw-card-style';

/**
 * The dictionary as stored, tagged with the build that wrote it. Why the tag: pattern numbers are
 * shared with the background's full dictionary, so a content script must never match with a
 * dictionary an older or newer build wrote. In storage the dictionary is one JSON string (`json`):
 * Chromium hands a page a 480 KB string in about half the time of the same data as objects
 * (measured 15–21 against 22–30 ms per read), and the page parses it in a couple of
 * milliseconds. A message carries it as an object (`dictionary`).
 */
export type StoredDictionary = { build: string } & (
  { json: string; dictionary?: undefined } | { dictionary: SerializedDictionary; json?: undefined }
);

/** The dictionary tagged with `build`, in the form storage keeps. */
export function storedDictionary(build: string, dictionary: SerializedDictionary): StoredDictionary {
  return { build, json: JSON.stringify(dictionary) };
}

/** The card's strings per UI language, as content scripts use them. */
export type CardMessages = Record<'en' | 'uk' | 'ru', LocaleTable>;

/** The card's strings as stored, tagged with the build that wrote them. */
export interface StoredCardMessages {
  build: string;
  tables: CardMessages;
}

/** The card's stylesheet as stored, tagged with the build that wrote it. */
export interface StoredCardStyle {
  build: string;
  css: string;
}

/** The stored dictionary's payload when it was written for `build`, else null (absent, stale, malformed). */
export function currentDictionary(raw: unknown, build: string): SerializedDictionary | null {
  if (raw === null || typeof raw !== 'object') return null;
  const { build: tag, json } = raw as { build?: unknown; json?: unknown };
  if (tag !== build) return null;
  let dictionary = (raw as { dictionary?: SerializedDictionary }).dictionary;
  if (typeof json === 'string') {
    try {
      dictionary = JSON.parse(json) as SerializedDictionary;
    } catch {
      return null;
    }
  }
  if (dictionary === null || typeof dictionary !== 'object') return null;
  const { format, arrays } = dictionary;
  return format === 4 && arrays !== null && typeof arrays === 'object' ? dictionary : null;
}

/** The stored card strings when they were written for `build`, else null. */
export function currentCardMessages(raw: unknown, build: string): CardMessages | null {
  if (raw === null || typeof raw !== 'object') return null;
  const { build: tag, tables } = raw as Partial<StoredCardMessages>;
  if (tag !== build || tables === null || typeof tables !== 'object') return null;
  const complete = (['en', 'uk', 'ru'] as const).every((lang) => typeof tables[lang] === 'object');
  return complete ? tables : null;
}

/** The stored card stylesheet when it was written for `build`, else null. */
export function currentCardStyle(raw: unknown, build: string): string | null {
  if (raw === null || typeof raw !== 'object') return null;
  const { build: tag, css } = raw as Partial<StoredCardStyle>;
  return tag === build && typeof css === 'string' ? css : null;
}
