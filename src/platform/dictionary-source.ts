/**
 * What the content script reads at page load: the matching dictionary and the card's strings,
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
  currentCardMessages,
  currentDictionary,
  DICTIONARY_KEY,
  type CardMessages,
} from '../core/storage-keys';
import { send } from './messaging';

/** The content script's data for one page. */
export interface ContentData {
  dictionary: Dictionary;
  cardMessages: CardMessages;
}

async function stored(): Promise<{ dictionary: SerializedDictionary; cardMessages: CardMessages } | null> {
  try {
    const items = await browser.storage.local.get([DICTIONARY_KEY, CARD_MESSAGES_KEY]);
    const dictionary = currentDictionary(items[DICTIONARY_KEY], CONTENT_DATA_BUILD);
    const cardMessages = currentCardMessages(items[CARD_MESSAGES_KEY], CONTENT_DATA_BUILD);
    return dictionary && cardMessages ? { dictionary, cardMessages } : null;
  } catch {
    return null;
  }
}

/** The dictionary and card strings for this page; rejects when there are none to be had. */
export async function readContentData(): Promise<ContentData> {
  let data = await stored();
  if (!data) {
    const written = await send('ensureContentData', {}, { timeoutMs: 10_000 });
    data = await stored();
    if (!data) throw new Error(`no content data: ${written.ok ? 'none stored' : written.error}`);
  }
  return { dictionary: loadDictionary(data.dictionary), cardMessages: data.cardMessages };
}
