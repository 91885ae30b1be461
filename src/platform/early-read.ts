/**
 * The content scripts' stored data, read as the document starts. Why: reading the 480 KB
 * dictionary from `storage.local` takes a content script ~50–60 ms in Chromium (measured from
 * the script), and at `document_idle` that wait came after the page's `load` event, on the way to
 * the first highlights. A tiny script at `document_start` only starts the read; the main script
 * (same extension, same isolated world, so the same global object) takes the answer when it runs.
 * Pages never see it: the isolated world's global is not theirs.
 */
import browser from 'webextension-polyfill';
import { CARD_MESSAGES_KEY, CARD_STYLE_KEY, DICTIONARY_KEY } from '../core/storage-keys';

/** What the content script reads from `storage.local` at page load. */
export const CONTENT_DATA_KEYS = [DICTIONARY_KEY, CARD_MESSAGES_KEY, CARD_STYLE_KEY];

type Items = Record<string, unknown>;
const EARLY = Symbol.for('wsw-early-content-data');
const shared = globalThis as unknown as Record<symbol, Promise<Items | null> | undefined>;

/** Start reading the content data (once per document). */
export function startEarlyRead(): void {
  shared[EARLY] ??= browser.storage.local.get(CONTENT_DATA_KEYS).catch(() => null);
}

/** The read {@link startEarlyRead} started, handed over once (null: none was started). */
export function takeEarlyRead(): Promise<Items | null> | null {
  const read = shared[EARLY] ?? null;
  shared[EARLY] = undefined;
  return read;
}
