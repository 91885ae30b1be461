/**
 * Where imported datasets live: the extension's own IndexedDB (through `idb`), plus two small
 * derived items in `storage.local` that content scripts can read (they cannot open the
 * extension's IndexedDB): the matching dictionary with imported entities, and a revision number
 * that tells the background to reload.
 *
 * Every change is all-or-nothing: the new state is computed in memory first, then written in one
 * IndexedDB transaction; if the `storage.local` write fails afterwards, the transaction's effect
 * is undone, so a failed import leaves the stored datasets exactly as they were.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import * as v from 'valibot';
import browser from 'webextension-polyfill';
import type { Dataset } from '../core/dataset';
import { compileDictionary, serializeDictionary, type SerializedDictionary } from '../core/dictionary';
import type { EntitySource } from '../core/entities';
import { DICTIONARY_KEY, REVISION_KEY } from '../core/storage-keys';
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
    if (imported)
      await browser.storage.local.set({
        [DICTIONARY_KEY]: serializeDictionary(dictionary, { matchingOnly: true }),
        [REVISION_KEY]: revision,
      });
    else {
      await browser.storage.local.remove(DICTIONARY_KEY);
      await browser.storage.local.set({ [REVISION_KEY]: revision });
    }
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
