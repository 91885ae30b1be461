/**
 * What the content script reads at page load: the matching dictionary, the card's strings and stylesheet,
 * from `storage.local` (library-store.ts says who writes them). Why not bundled: as code the
 * dictionary was two thirds of the content script, compiled on every page; as data it is one
 * storage read, and nothing on the way waits for the background to wake up. Only the first pages
 * after an install or update, read before the background wrote them, ask the background to.
 */
import browser from 'webextension-polyfill';
import CONTENT_DATA_BUILD from 'virtual:wsw-content-data-id';
import { loadDictionary, type Dictionary, type SerializedDictionary } from '../core/dictionary';
import {
  CARD_MESSAGES_KEY,
  CARD_STYLE_KEY,
  currentCardMessages,
  currentCardStyle,
  currentDictionary,
  DICTIONARY_KEY,
  type CardMessages,
} from '../core/storage-keys';
import { send } from './content-messaging';

/** The content script's data for one page. */
export interface ContentData {
  dictionary: Dictionary;
  cardMessages: CardMessages;
  /** The card's stylesheet. */
  cardCss: string;
}

async function stored(): Promise<
  (Omit<ContentData, 'dictionary'> & { dictionary: SerializedDictionary }) | null
> {
  try {
    const items = await browser.storage.local.get([DICTIONARY_KEY, CARD_MESSAGES_KEY, CARD_STYLE_KEY]);
    const dictionary = currentDictionary(items[DICTIONARY_KEY], CONTENT_DATA_BUILD);
    const cardMessages = currentCardMessages(items[CARD_MESSAGES_KEY], CONTENT_DATA_BUILD);
    const cardCss = currentCardStyle(items[CARD_STYLE_KEY], CONTENT_DATA_BUILD);
    return dictionary && cardMessages && cardCss !== null ? { dictionary, cardMessages, cardCss } : null;
  } catch {
    return null;
  }
}

/** A read started before it is needed (see {@link prefetchContentData}), taken by the next read. */
let early: ReturnType<typeof stored> | null = null;

/**
 * Start reading the stored data now, while the site gate reads the settings: the two storage
 * reads overlap instead of following each other on the way to the first highlights. Decoding
 * waits for {@link readContentData}; a page where we do not run only paid for the read.
 */
export function prefetchContentData(): void {
  early ??= stored();
}

/** The dictionary, card strings and card stylesheet for this page; rejects when there are none to be had. */
export async function readContentData(): Promise<ContentData> {
  const pending = early;
  early = null;
  let data = await (pending ?? stored());
  if (!data) {
    const written = await send('ensureContentData', {}, { timeoutMs: 10_000 });
    data = await stored();
    if (!data) throw new Error(`no content data: ${written.ok ? 'none stored' : written.error}`);
  }
  return { ...data, dictionary: loadDictionary(data.dictionary) };
}
