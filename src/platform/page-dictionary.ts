import browser from 'webextension-polyfill';
import { loadDictionary, type Dictionary, type SerializedDictionary } from '../core/dictionary';
import { DICTIONARY_KEY, REVISION_KEY } from '../core/storage-keys';

/**
 * The matching dictionary a page uses: the bundled one, or (when the user imported datasets) the
 * one the options page compiled with the imported entities, from `storage.local`. Anything
 * unreadable falls back to the bundled one.
 */
export async function matchingDictionary(
  imported: boolean,
  bundled: () => SerializedDictionary,
): Promise<Dictionary> {
  if (imported) {
    try {
      const stored = (await browser.storage.local.get(DICTIONARY_KEY))[DICTIONARY_KEY];
      if (stored) return loadDictionary(stored as SerializedDictionary);
    } catch {
      // fall through to the bundled dictionary
    }
  }
  return loadDictionary(bundled());
}

/** Whether the user imported datasets (the options page then stores a library revision above 0). */
export async function hasImportedData(): Promise<boolean> {
  const revision = (await browser.storage.local.get(REVISION_KEY))[REVISION_KEY];
  return typeof revision === 'number' && revision > 0;
}
