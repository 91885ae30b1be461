/**
 * Where imported datasets live: the extension's own IndexedDB (through `idb`), plus two derived
 * items in `storage.local` that content scripts can read (they cannot open the extension's
 * IndexedDB): the matching dictionary (bundled, or with imported entities), and a revision number
 * that tells the background to reload.
 *
 * Every change is all-or-nothing: the new state is computed in memory first, then written in one
 * IndexedDB transaction; if the `storage.local` write fails afterwards, the transaction's effect
 * is undone, so a failed import leaves the stored datasets exactly as they were.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import * as v from 'valibot';
import browser from 'webextension-polyfill';
import CONTENT_DATA_BUILD from 'virtual:wsw-content-data-id';
import type { Dataset } from '../core/dataset';
import { compileDictionary, serializeDictionary, type SerializedDictionary } from '../core/dictionary';
import type { EntitySource } from '../core/entities';
import {
  CARD_MESSAGES_KEY,
  currentCardMessages,
  currentDictionary,
  DICTIONARY_KEY,
  REVISION_KEY,
  type CardMessages,
  type StoredCardMessages,
  type StoredDictionary,
} from '../core/storage-keys';
import { mergeLibrary, StoredDatasetSchema, type Library, type StoredDataset } from '../core/library';

export { DICTIONARY_KEY, REVISION_KEY };

interface Derived {
  revision: number;
  /** Full dictionary (names in every language, pattern texts) for cards and explanations. */
  full: SerializedDictionary;
}

interface LibraryDb extends DBSchema {
  datasets: { key: string; value: StoredDataset };
  derived: { key: string; value: Derived };
}

let db: Promise<IDBPDatabase<LibraryDb>> | null = null;

function open(): Promise<IDBPDatabase<LibraryDb>> {
  db ??= openDB<LibraryDb>('wsw-library', 1, {
    upgrade(database) {
      database.createObjectStore('datasets', { keyPath: 'id' });
      database.createObjectStore('derived');
    },
  });
  return db;
}

/** Stored datasets, oldest import first. A record that fails validation is left out, not trusted. */
export async function listDatasets(): Promise<StoredDataset[]> {
  const all = await (await open()).getAll('datasets');
  return all
    .flatMap((d) => {
      const checked = v.safeParse(StoredDatasetSchema, d);
      return checked.success ? [checked.output] : [];
    })
    .sort((a, b) => a.importedAt.localeCompare(b.importedAt));
}

/** The current library revision (0 before any import). */
export async function libraryRevision(): Promise<number> {
  const stored = await browser.storage.local.get(REVISION_KEY);
  const n = stored[REVISION_KEY];
  return typeof n === 'number' && Number.isInteger(n) ? n : 0;
}

/** The full dictionary with imported entities, or null when nothing was imported. */
export async function readDerivedDictionary(): Promise<SerializedDictionary | null> {
  return (await (await open()).get('derived', 'current'))?.full ?? null;
}

/** The bundled data the library merges with. */
export interface Bundled {
  dataset: Dataset;
  entities: EntitySource[];
}

/**
 * Apply a change to the stored datasets atomically. `change` receives the current list and
 * returns the new one; everything derived (dictionaries, revision) is rebuilt from it.
 */
export async function changeLibrary(
  bundled: Bundled,
  change: (current: StoredDataset[]) => StoredDataset[],
): Promise<Library> {
  const database = await open();
  const before = await listDatasets();
  const after = change(before);
  for (const d of after) v.parse(StoredDatasetSchema, d);
  const library = mergeLibrary(bundled.dataset, bundled.entities, after);
  const imported = after.length > 0;
  const dictionary = compileDictionary(library.highlightable);
  const matching: StoredDictionary = {
    build: CONTENT_DATA_BUILD,
    dictionary: serializeDictionary(dictionary, { matchingOnly: true }),
  };
  const revision = (await libraryRevision()) + 1;
  const previousDerived = await database.get('derived', 'current');
  const write = async (list: StoredDataset[], derived: Derived | undefined) => {
    const tx = database.transaction(['datasets', 'derived'], 'readwrite');
    const datasets = tx.objectStore('datasets');
    await datasets.clear();
    for (const d of list) await datasets.put(d);
    if (derived) await tx.objectStore('derived').put(derived, 'current');
    else await tx.objectStore('derived').delete('current');
    await tx.done;
  };
  await write(after, imported ? { revision, full: serializeDictionary(dictionary) } : undefined);
  try {
    await browser.storage.local.set({ [DICTIONARY_KEY]: matching, [REVISION_KEY]: revision });
  } catch (error) {
    await write(before, previousDerived);
    throw error;
  }
  return library;
}

/** Read the merged library (bundled + enabled imports) without changing anything. */
export async function readLibrary(bundled: Bundled): Promise<Library> {
  return mergeLibrary(bundled.dataset, bundled.entities, await listDatasets());
}

/**
 * Make sure `storage.local` holds what content scripts read at page load, written by this build:
 * the matching dictionary and the card's strings (so no page waits for the background to wake
 * up). Run at install and update, and when a content script found them missing or stale. With
 * imported datasets the whole library is derived again, since their dictionary was compiled with
 * the previous build's entities.
 */
export async function ensureContentData(
  bundled: Bundled,
  bundledDictionary: () => SerializedDictionary,
  cardMessages: CardMessages,
): Promise<void> {
  const stored = await browser.storage.local.get([DICTIONARY_KEY, CARD_MESSAGES_KEY]);
  if (!currentCardMessages(stored[CARD_MESSAGES_KEY], CONTENT_DATA_BUILD)) {
    const strings: StoredCardMessages = { build: CONTENT_DATA_BUILD, tables: cardMessages };
    await browser.storage.local.set({ [CARD_MESSAGES_KEY]: strings });
  }
  if (currentDictionary(stored[DICTIONARY_KEY], CONTENT_DATA_BUILD)) return;
  if ((await listDatasets()).length > 0) {
    await changeLibrary(bundled, (list) => list);
    return;
  }
  const matching: StoredDictionary = { build: CONTENT_DATA_BUILD, dictionary: bundledDictionary() };
  await browser.storage.local.set({ [DICTIONARY_KEY]: matching });
}
