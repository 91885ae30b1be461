/**
 * Where imported datasets live: the extension's own IndexedDB (through `idb`), plus two derived
 * items in `storage.local` that content scripts can read (they cannot open the extension's
 * IndexedDB): the matching dictionary (bundled, or with imported entities), and a revision number
 * that tells the background to reload.
 *
 * Claims are stored one record each (the options page's list and browse view, answers looked up
 * by id), and again grouped by entity: one record per dataset and entity, written at import time,
 * so a card reads only its entity's claims, in one read: a reader may import fact-check feeds of
 * 100,000 claims, and the background (stopped and restarted by the browser at will) must not read
 * them all for one hover. Reading a popular entity's ~1,300 claims through an index, one record
 * each, took 130–800 ms on a loaded machine. Dataset records keep the metadata, the entities and
 * per-entity claim counts. Claims are validated once, when written, and stored in their validated
 * form; reads trust them after a cheap shape check (`CLAIM_RECORD_SCHEMA`).
 *
 * Every change is all-or-nothing: the new state is computed in memory first, then written in one
 * IndexedDB transaction; if the `storage.local` write fails afterwards, the transaction's effect
 * is undone, so a failed import leaves the stored datasets exactly as they were.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import * as v from 'valibot';
import browser from 'webextension-polyfill';
import CONTENT_DATA_BUILD from 'virtual:wsw-content-data-id';
import { ClaimSchema, type Claim } from '../core/claims';
import type { Dataset } from '../core/dataset';
import { compileDictionary, serializeDictionary, type SerializedDictionary } from '../core/dictionary';
import { upgradeDictionary, type LegacySerializedDictionary } from '../core/dictionary-legacy';
import type { EntitySource } from '../core/entities';
import { CLAIM_RECORD_SCHEMA, claimEntityIds, countByEntity, looksLikeClaim } from '../core/library-index';
import {
  CARD_MESSAGES_KEY,
  CARD_STYLE_KEY,
  currentCardMessages,
  currentCardStyle,
  currentDictionary,
  DICTIONARY_KEY,
  REVISION_KEY,
  type CardMessages,
  type StoredCardMessages,
  type StoredCardStyle,
  storedDictionary,
} from '../core/storage-keys';
import { mergeLibrary, StoredDatasetSchema, type Library, type StoredDataset } from '../core/library';

export { DICTIONARY_KEY, REVISION_KEY };

interface Derived {
  revision: number;
  /** Full dictionary (names in every language, pattern texts) for cards and explanations. */
  /** Format 3 when an earlier build derived it (see dictionary-legacy.ts). */
  full: SerializedDictionary | LegacySerializedDictionary;
}

/** A stored dataset without its claims (they are records of their own). */
export type DatasetRecord = Omit<StoredDataset, 'claims'> & {
  claimCount: number;
  /** Entity id → claims of this dataset involving it. */
  entityCounts: Record<string, number>;
};

/**
 * One imported claim, keyed by its dataset and id (cards find an entity's claims in its
 * {@link EntityRecord}s, so claims are no longer indexed by entity: fewer writes at import). `schema`
 * says which claim schema the stored claim was validated against when it was written (absent in
 * records written before validation moved to write time: those are validated on read).
 */
interface ClaimRecord {
  dataset: string;
  id: string;
  schema?: number;
  claim: Claim;
}

/** The claims of one dataset that involve one entity (what one card reads), written at import time. */
interface EntityRecord {
  dataset: string;
  entity: string;
  schema: number;
  claims: Claim[];
}

interface LibraryDb extends DBSchema {
  datasets: { key: string; value: DatasetRecord | StoredDataset };
  claims: {
    key: [string, string];
    value: ClaimRecord;
    indexes: { id: string };
  };
  derived: { key: string; value: Derived };
  entityClaims: { key: [string, string]; value: EntityRecord };
}

type UpgradeTx = IDBPTransaction<LibraryDb, StoreNames<LibraryDb>[], 'versionchange'>;

function toRecords(d: StoredDataset): {
  meta: DatasetRecord;
  claims: ClaimRecord[];
  byEntity: EntityRecord[];
} {
  const { claims, ...rest } = d;
  return {
    meta: { ...rest, claimCount: claims.length, entityCounts: countByEntity(claims) },
    claims: claims.map((claim) => ({
      dataset: d.id,
      id: claim.id,
      schema: CLAIM_RECORD_SCHEMA,
      claim,
    })),
    byEntity: entityRecords(d.id, claims),
  };
}

/** One record per entity with the claims (validated against the current schema) involving it. */
function entityRecords(dataset: string, claims: readonly Claim[]): EntityRecord[] {
  const groups = new Map<string, Claim[]>();
  for (const c of claims)
    for (const id of claimEntityIds(c)) {
      const list = groups.get(id);
      if (list) list.push(c);
      else groups.set(id, [c]);
    }
  return [...groups].map(([entity, list]) => ({
    dataset,
    entity,
    schema: CLAIM_RECORD_SCHEMA,
    claims: list,
  }));
}

/** Version 1 kept each dataset's claims inside its record: move them out, indexed. */
async function splitV1(tx: UpgradeTx): Promise<void> {
  const datasets = tx.objectStore('datasets');
  const claims = tx.objectStore('claims');
  for (const old of await datasets.getAll()) {
    const checked = v.safeParse(StoredDatasetSchema, old);
    if (!checked.success) continue;
    const { meta, claims: records, byEntity } = toRecords(checked.output);
    for (const r of records) await claims.put(r);
    for (const r of byEntity) await tx.objectStore('entityClaims').put(r);
    await datasets.put(meta);
  }
}

/** Version 2 had the claims one record each only: group them by entity too. */
async function groupV2(tx: UpgradeTx): Promise<void> {
  const byDataset = new Map<string, Claim[]>();
  for (const row of await tx.objectStore('claims').getAll()) {
    const claim = trustedClaim(row);
    if (!claim) continue;
    const list = byDataset.get(row.dataset);
    if (list) list.push(claim);
    else byDataset.set(row.dataset, [claim]);
  }
  for (const [dataset, claims] of byDataset)
    for (const r of entityRecords(dataset, claims)) await tx.objectStore('entityClaims').put(r);
}

let db: Promise<IDBPDatabase<LibraryDb>> | null = null;

function open(): Promise<IDBPDatabase<LibraryDb>> {
  db ??= openDB<LibraryDb>('wsw-library', 3, {
    async upgrade(database, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        database.createObjectStore('datasets', { keyPath: 'id' });
        database.createObjectStore('derived');
      }
      if (oldVersion < 2) {
        const claims = database.createObjectStore('claims', { keyPath: ['dataset', 'id'] });
        claims.createIndex('id', 'id');
      }
      if (oldVersion < 3) database.createObjectStore('entityClaims', { keyPath: ['dataset', 'entity'] });
      // Version 2 indexed each claim by entity; the grouped records replace that index.
      if (oldVersion === 2) tx.objectStore('claims').deleteIndex('entity' as never);
      if (oldVersion === 1) await splitV1(tx);
      if (oldVersion === 2) await groupV2(tx);
    },
  });
  return db;
}

const RecordSchema = v.object({
  ...v.omit(StoredDatasetSchema, ['claims']).entries,
  claimCount: v.number(),
  entityCounts: v.record(v.string(), v.number()),
});

/** Dataset records (no claims), oldest import first. A record that fails validation is left out. */
export async function listDatasetRecords(): Promise<DatasetRecord[]> {
  const all = await (await open()).getAll('datasets');
  return all
    .flatMap((d) => {
      const checked = v.safeParse(RecordSchema, d);
      return checked.success ? [checked.output as DatasetRecord] : [];
    })
    .sort((a, b) => a.importedAt.localeCompare(b.importedAt));
}

/**
 * Stored datasets with all their claims, oldest import first (the options page's list and browse
 * view, and changes to the library). Records that fail validation are left out, not trusted.
 */
export async function listDatasets(): Promise<StoredDataset[]> {
  const database = await open();
  const records = await listDatasetRecords();
  const out: StoredDataset[] = [];
  for (const r of records) {
    const rows = await database.getAll('claims', IDBKeyRange.bound([r.id, ''], [r.id, '\uffff']));
    const claims = rows.map(trustedClaim);
    if (claims.includes(null)) continue;
    const { claimCount: _n, entityCounts: _e, ...rest } = r;
    // The claims were validated when written (see trustedClaim); the dataset's own fields here.
    const checked = v.safeParse(StoredDatasetSchema, { ...rest, claims: [] });
    if (checked.success) out.push({ ...checked.output, claims: claims as Claim[] });
  }
  return out;
}

/**
 * What one card needs from the imports, in one read-only transaction: the claims of the given
 * (enabled) datasets that involve an entity (one record per dataset: cost grows with the entity's
 * claims, not with the library), then the claims that `answerTargets` says they answer (by id).
 * Both in the order of `datasetIds`; a claim that fails its check is left out.
 */
export async function readCardClaims(
  entityId: string,
  datasetIds: readonly string[],
  answerTargets: (involving: readonly Claim[]) => readonly string[],
): Promise<{ involving: Claim[]; answered: Claim[] }> {
  if (datasetIds.length === 0) return { involving: [], answered: [] };
  const tx = (await open()).transaction(['entityClaims', 'claims'], 'readonly');
  const grouped = tx.objectStore('entityClaims');
  const records = await Promise.all(datasetIds.map((id) => grouped.get([id, entityId])));
  const involving = records.flatMap((r) =>
    r ? r.claims.flatMap((claim) => trustedClaim({ schema: r.schema, claim }) ?? []) : [],
  );
  const ids = answerTargets(involving);
  const byId = tx.objectStore('claims').index('id');
  const rows = (await Promise.all(ids.map((id) => byId.getAll(id)))).flat();
  await tx.done;
  return { involving, answered: claimsInOrder(rows, datasetIds) };
}

/**
 * A stored claim, or null when it is damaged: a record validated when it was written against the
 * current schema gets a cheap shape check only, any other record the full schema.
 */
function trustedClaim(row: { schema?: number; claim: Claim }): Claim | null {
  if (row.schema === CLAIM_RECORD_SCHEMA) return looksLikeClaim(row.claim) ? row.claim : null;
  const checked = v.safeParse(ClaimSchema, row.claim);
  return checked.success ? checked.output : null;
}

function claimsInOrder(rows: ClaimRecord[], datasetIds: readonly string[]): Claim[] {
  const rank = new Map(datasetIds.map((id, i) => [id, i]));
  return rows
    .filter((r) => rank.has(r.dataset))
    .sort((a, b) => rank.get(a.dataset)! - rank.get(b.dataset)!)
    .flatMap((r) => {
      const claim = trustedClaim(r);
      return claim ? [claim] : [];
    });
}

/** The current library revision (0 before any import). */
export async function libraryRevision(): Promise<number> {
  const stored = await browser.storage.local.get(REVISION_KEY);
  const n = stored[REVISION_KEY];
  return typeof n === 'number' && Number.isInteger(n) ? n : 0;
}

/** The full dictionary with imported entities, or null when nothing was imported. */
export async function readDerivedDictionary(): Promise<SerializedDictionary | null> {
  const full = (await (await open()).get('derived', 'current'))?.full;
  return full ? upgradeDictionary(full) : null;
}

/** The bundled data the library merges with. */
export interface Bundled {
  dataset: Dataset;
  entities: EntitySource[];
}

/**
 * Apply a change to the stored datasets atomically. `change` receives the current list and
 * returns the new one; everything derived (dictionaries, revision) is rebuilt from it. Only the
 * claims of added or removed datasets are written: enabling or disabling one rewrites its record.
 */
export async function changeLibrary(
  bundled: Bundled,
  change: (current: StoredDataset[]) => StoredDataset[],
): Promise<Library> {
  const database = await open();
  const before = await listDatasets();
  const stored = new Map(before.map((d) => [d.id, d.claims]));
  // Claims are validated here, once, and stored in their validated form (reads trust them); those
  // already stored (same array) were, so only their dataset's own fields are checked again.
  const after = change(before).map((d) => {
    if (stored.get(d.id) !== d.claims) return v.parse(StoredDatasetSchema, d);
    v.parse(StoredDatasetSchema, { ...d, claims: [] });
    return d;
  });
  const library = mergeLibrary(bundled.dataset, bundled.entities, after);
  const imported = after.length > 0;
  const dictionary = compileDictionary(library.highlightable);
  const matching = storedDictionary(
    CONTENT_DATA_BUILD,
    serializeDictionary(dictionary, { matchingOnly: true }),
  );
  const revision = (await libraryRevision()) + 1;
  const previousDerived = await database.get('derived', 'current');
  const write = async (from: StoredDataset[], to: StoredDataset[], derived: Derived | undefined) => {
    const tx = database.transaction(['datasets', 'claims', 'entityClaims', 'derived'], 'readwrite');
    const datasets = tx.objectStore('datasets');
    const claims = tx.objectStore('claims');
    const grouped = tx.objectStore('entityClaims');
    const keep = new Map(to.map((d) => [d.id, d]));
    for (const d of from) {
      const next = keep.get(d.id);
      // Same id, other claims (never happens through the options page, but stay correct).
      if (!next || next.claims !== d.claims) {
        await claims.delete(IDBKeyRange.bound([d.id, ''], [d.id, '\uffff']));
        await grouped.delete(IDBKeyRange.bound([d.id, ''], [d.id, '\uffff']));
        if (!next) await datasets.delete(d.id);
      }
    }
    const had = new Map(from.map((d) => [d.id, d]));
    // Queue every write and await them together: awaiting each of 100,000 puts in turn costs a
    // round trip apiece.
    const writes: Promise<unknown>[] = [];
    for (const d of to) {
      const { meta, claims: rows, byEntity } = toRecords(d);
      writes.push(datasets.put(meta));
      if (had.get(d.id)?.claims !== d.claims) {
        for (const r of rows) writes.push(claims.put(r));
        for (const r of byEntity) writes.push(grouped.put(r));
      }
    }
    await Promise.all(writes);
    if (derived) await tx.objectStore('derived').put(derived, 'current');
    else await tx.objectStore('derived').delete('current');
    await tx.done;
  };
  await write(before, after, imported ? { revision, full: serializeDictionary(dictionary) } : undefined);
  try {
    await browser.storage.local.set({ [DICTIONARY_KEY]: matching, [REVISION_KEY]: revision });
  } catch (error) {
    await write(after, before, previousDerived);
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
 * the matching dictionary, the card's strings and its stylesheet (so no page waits for the background to wake
 * up). Run at install and update, and when a content script found them missing or stale. With
 * imported datasets the whole library is derived again, since their dictionary was compiled with
 * the previous build's entities.
 */
export async function ensureContentData(
  bundled: Bundled,
  bundledDictionary: () => SerializedDictionary,
  cardMessages: CardMessages,
  cardCss: string,
): Promise<void> {
  const stored = await browser.storage.local.get([DICTIONARY_KEY, CARD_MESSAGES_KEY, CARD_STYLE_KEY]);
  if (!currentCardMessages(stored[CARD_MESSAGES_KEY], CONTENT_DATA_BUILD)) {
    const strings: StoredCardMessages = { build: CONTENT_DATA_BUILD, tables: cardMessages };
    await browser.storage.local.set({ [CARD_MESSAGES_KEY]: strings });
  }
  if (currentCardStyle(stored[CARD_STYLE_KEY], CONTENT_DATA_BUILD) === null) {
    const style: StoredCardStyle = { build: CONTENT_DATA_BUILD, css: cardCss };
    await browser.storage.local.set({ [CARD_STYLE_KEY]: style });
  }
  if (currentDictionary(stored[DICTIONARY_KEY], CONTENT_DATA_BUILD)) return;
  if ((await listDatasets()).length > 0) {
    await changeLibrary(bundled, (list) => list);
    return;
  }
  const matching = storedDictionary(CONTENT_DATA_BUILD, bundledDictionary());
  await browser.storage.local.set({ [DICTIONARY_KEY]: matching });
}
