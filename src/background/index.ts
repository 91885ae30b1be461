/**
 * Background entry (service worker in Chrome, event page in Firefox). It keeps no state in memory:
 * the browser may stop it at any time, so what must survive lives in `storage.session`.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import dataset from 'virtual:wsw-dataset';
import matchingDictionary from 'virtual:wsw-dictionary';
import fullDictionary from 'virtual:wsw-dictionary-full';
import entitySources from 'virtual:wsw-entity-sources';
import speakerSource from 'virtual:wsw-dictionary-speakers';
import CONTENT_DATA_BUILD from 'virtual:wsw-content-data-id';
import cardMessages from 'virtual:wsw-card-messages';
import {
  compileDictionary,
  loadDictionary,
  serializeDictionary,
  type DictEntity,
  type Dictionary,
} from '../core/dictionary';
import type { Dataset } from '../core/dataset';
import type { Claim } from '../core/claims';
import { newestDataAsOf } from '../core/library';
import { cardSlice, missingAnswerTargets } from '../core/library-index';
import { explainMention } from '../core/matcher';
import { buildCardData, buildPageList } from '../core/card-data';
import { NO_PAGE, toPageContext } from '../core/card-rank';
import { compileDataset } from '../core/dataset';
import { CARD_CSS } from '../ui/card-css';
import { listen, sendToTab } from '../platform/messaging';
import { forgetTab, readTabStatus, recordTabStatus } from '../platform/tab-status';
import { forgetStatements, readStatements, recordStatements } from '../platform/tab-statements';
import { pageStatements } from '../core/attribution';
import { pageSpeakers } from '../core/page-speakers';
import {
  ensureContentData,
  libraryRevision,
  listDatasetRecords,
  readCardClaims,
  readDerivedDictionary,
  REVISION_KEY,
  type DatasetRecord,
} from '../platform/library-store';

const bundledDictionary = loadDictionary(fullDictionary);
/** Every bundled entity, claims or not (who speaks on a page), loaded when first needed. */
let speakerDictionary: Dictionary | null = null;
const speakers = (): Dictionary =>
  (speakerDictionary ??= speakerSource ? loadDictionary(speakerSource) : bundledDictionary);

/**
 * The library's entities plus those of `ids` it lacks but the bundled entity list has (a speaker
 * with no claims yet, highlighted on the page that quotes them): their cards and popup rows.
 */
function withSpeakers(entities: DictEntity[], ids: readonly string[]): DictEntity[] {
  const known = new Set(entities.map((e) => e.id));
  const missing = new Set(ids.filter((id) => !known.has(id)));
  return missing.size ? [...entities, ...speakers().entities.filter((e) => missing.has(e.id))] : entities;
}

const bundledById = new Map<string, Claim>(dataset.claims.map((c: Claim) => [c.id, c]));
/** Items per hover card ("Show all" lists them; "All claims" opens the rest in the browse view). */
const CARD_MAX_ITEMS = 40;

/**
 * What cards and the popup are built from: the bundled data plus the enabled imports' records
 * (metadata and per-entity counts, never their claims: a card reads its entity's claims from the
 * index, so a 100,000-claim import costs a hover only what concerns the hovered entity).
 */
interface Current {
  revision: number;
  dictionary: Dictionary;
  /** Enabled imports, oldest first (the library's precedence after the bundled data). */
  enabled: DatasetRecord[];
  imported: number;
  dataAsOf: string;
}
let current: Promise<Current> | null = null;

/** Loaded once per background lifetime and dropped when the options page changes the library. */
function library(): Promise<Current> {
  current ??= (async (): Promise<Current> => {
    const bundledOnly = (revision: number): Current => ({
      revision,
      dictionary: bundledDictionary,
      enabled: [],
      imported: 0,
      dataAsOf: dataset.dataAsOf,
    });
    const revision = await libraryRevision();
    if (revision === 0) return bundledOnly(revision);
    const [records, derived] = await Promise.all([listDatasetRecords(), readDerivedDictionary()]);
    if (records.length === 0 || !derived) return bundledOnly(revision);
    const enabled = records.filter((r) => r.enabled);
    return {
      revision,
      dictionary: loadDictionary(derived),
      enabled,
      imported: records.length,
      dataAsOf: newestDataAsOf(dataset.dataAsOf, enabled),
    };
  })().catch((error: unknown) => {
    current = null;
    throw error;
  });
  return current;
}

/**
 * Slices of the entities asked about last, while the library is unchanged: a warm hover (and the
 * page's cards fetched ahead, which often repeat an entity under another spelling) then skips the
 * IndexedDB read. Bounded, since a slice of a popular entity holds ~1,300 claims at 100,000
 * imported: a dozen slices stay within a few megabytes of the background's heap.
 */
const SLICE_CACHE = 12;
let slices = new Map<string, Promise<Dataset>>();

/** The part of the library one card needs (see {@link cardSlice}), cached for a few entities. */
async function datasetFor(entityId: string): Promise<Dataset> {
  const lib = await library();
  if (lib.enabled.length === 0) return dataset;
  const cached = slices.get(entityId);
  if (cached) {
    slices.delete(entityId);
    slices.set(entityId, cached);
    return cached;
  }
  const slice = readSlice(entityId, lib);
  slices.set(entityId, slice);
  if (slices.size > SLICE_CACHE) slices.delete(slices.keys().next().value!);
  slice.catch(() => slices.get(entityId) === slice && slices.delete(entityId));
  return slice;
}

async function readSlice(entityId: string, { enabled, dataAsOf }: Current): Promise<Dataset> {
  const answered = new Map<string, Claim>();
  const { involving, answered: fromImports } = await readCardClaims(
    entityId,
    enabled.map((r) => r.id),
    (imported) =>
      missingAnswerTargets(imported, dataset, entityId).filter((id) => {
        const bundledClaim = bundledById.get(id);
        if (bundledClaim) answered.set(id, bundledClaim);
        return !bundledClaim;
      }),
  );
  for (const c of fromImports) if (!answered.has(c.id)) answered.set(c.id, c);
  return cardSlice(dataset, entityId, involving, answered, dataAsOf);
}

/** The claims of several entities' slices in one dataset (the popup's list of a page). */
async function datasetForAll(ids: readonly string[]): Promise<Dataset> {
  const slices = await Promise.all(ids.map((id) => datasetFor(id)));
  const byId = new Map<string, Claim>();
  for (const slice of slices) for (const c of slice.claims) if (!byId.has(c.id)) byId.set(c.id, c);
  const { claims: _c, byEntity: _b, ...meta } = slices[0] ?? dataset;
  return compileDataset(meta, [...byId.values()]);
}

/** Whether a message comes from one of the extension's own pages (popup, options), not a content script. */
const fromOwnPage = (sender: Runtime.MessageSender): boolean =>
  sender.tab === undefined || !!sender.url?.startsWith(browser.runtime.getURL(''));

/** One write at a time of the content scripts' data (install and a page may ask at once). */
let ensuring: Promise<void> | null = null;
function contentDataStored(): Promise<void> {
  ensuring ??= ensureContentData(
    { dataset, entities: entitySources },
    matchingDictionary,
    cardMessages,
    CARD_CSS,
  ).finally(() => (ensuring = null));
  return ensuring;
}
// Install and update: content scripts read their data from storage.local from the first page on.
browser.runtime.onInstalled.addListener(() => void contentDataStored().catch(() => undefined));

browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && REVISION_KEY in changes) {
    current = null;
    slices = new Map();
  }
});

listen({
  async hello({ href }, sender) {
    const tabId = sender.tab?.id;
    if (tabId !== undefined && sender.frameId === 0) await recordTabStatus(tabId, href);
    return { version: browser.runtime.getManifest().version };
  },
  ensureContentData: async () => {
    await contentDataStored();
    return null;
  },
  // Only the extension's own pages may ask about tabs (a content script must not learn other tabs' URLs).
  tabStatus: async ({ tabId }, sender) => {
    if (!fromOwnPage(sender)) throw new Error('not allowed');
    return readTabStatus(tabId);
  },
  pageSpeakers: async ({ tabId, lang }, sender) => {
    if (!fromOwnPage(sender)) throw new Error('not allowed');
    // Only the statements of the page the tab shows now (its content script said hello from it).
    const status = await readTabStatus(tabId);
    if (!status) return [];
    const [{ dictionary }, statements] = await Promise.all([
      library(),
      readStatements(tabId, status.href, { ignoreFragment: true }),
    ]);
    const byId = new Map(
      withSpeakers(
        dictionary.entities,
        statements.map((s) => s.speaker),
      ).map((e) => [e.id, e]),
    );
    return pageSpeakers(statements, (id) => {
      const e = byId.get(id);
      return e && { name: e.name[lang], type: e.type };
    });
  },
  // Attributed here, off the page's main thread, with the full dictionary; only a count goes back.
  pageStatements: async ({ url, text }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId !== 0) return { statements: 0 };
    const { dictionary, enabled } = await library();
    // Every bundled entity may speak (with imports: the library's, which adds theirs).
    // Measured (User Timing, the last one kept; scripts/bench/attribution.ts reads it): the
    // attribution itself, apart from the message and the session-storage write around it.
    performance.clearMeasures('wsw-attribution');
    const started = performance.now();
    const statements = pageStatements(text, enabled.length ? dictionary : speakers());
    performance.measure('wsw-attribution', { start: started });
    await recordStatements(tabId, url, statements);
    // Speakers the page's dictionary lacks go back as a small dictionary the page highlights too.
    const known = new Set(dictionary.entities.map((e) => e.id));
    const unseen = new Set(statements.map((s) => s.speaker).filter((id) => !known.has(id)));
    const sources = entitySources.filter((e) => unseen.has(e.id));
    if (!sources.length) return { statements: statements.length };
    const extra = serializeDictionary(compileDictionary(sources), { matchingOnly: true });
    return { statements: statements.length, speakers: { build: CONTENT_DATA_BUILD, dictionary: extra } };
  },
  entityCard: async ({ entityId, lang, pattern, seen, support, context }, sender) => {
    const tabId = sender.tab?.id;
    const [{ dictionary }, dataset, statements] = await Promise.all([
      library(),
      datasetFor(entityId),
      tabId === undefined ? [] : readStatements(tabId, sender.frameId === 0 ? sender.url : undefined),
    ]);
    const valid =
      pattern < dictionary.patternCount &&
      dictionary.entities[dictionary.patternEntity[pattern]!]?.id === entityId;
    const why = valid
      ? explainMention(seen, dictionary, { entity: entityId, start: 0, end: seen.length, pattern, support })
      : null;
    return buildCardData(dataset, withSpeakers(dictionary.entities, [entityId]), entityId, lang, {
      why,
      page: context ? toPageContext(context) : NO_PAGE,
      maxItems: CARD_MAX_ITEMS,
      statements,
    });
  },
  pageFound: async ({ entities }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId !== 0) return null;
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#2358c4' });
    await browser.action.setBadgeText({ tabId, text: entities > 0 ? String(Math.min(entities, 999)) : '' });
    return null;
  },
  entitySummaries: async ({ ids, lang, context }) => {
    const { dictionary, enabled } = await library();
    // With imports, only the page's entities' claims are read (from the index), never all.
    const scope = enabled.length === 0 ? dataset : await datasetForAll(ids);
    const entities = withSpeakers(dictionary.entities, ids);
    return buildPageList(scope, entities, ids, lang, context ? toPageContext(context) : NO_PAGE);
  },
  datasetInfo: async () => {
    const { imported, enabled, dataAsOf } = await library();
    const entities = new Set(Object.keys(dataset.byEntity));
    for (const r of enabled) for (const id of Object.keys(r.entityCounts)) entities.add(id);
    return {
      imported,
      title: dataset.title,
      version: dataset.version,
      dataAsOf,
      licence: dataset.licence,
      // Imported claims whose id repeats an earlier one are counted here, not shown on cards.
      claims: enabled.reduce((n, r) => n + r.claimCount, dataset.claims.length),
      entities: entities.size,
    };
  },
  // No `tabs` permission needed: opening a tab with our own page is always allowed.
  openBrowse: async ({ entityId }) => {
    const url = browser.runtime.getURL('src/options/index.html') + `#entity=${encodeURIComponent(entityId)}`;
    await browser.tabs.create({ url });
    return null;
  },
});

browser.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
  void forgetStatements(tabId);
});

// Keyboard commands (user-rebindable in the browser's shortcut settings) go to the active tab.
browser.commands.onCommand.addListener((command, tab) => {
  const direction = command === 'next-mention' ? 'next' : command === 'previous-mention' ? 'previous' : null;
  if (!direction || tab?.id === undefined) return;
  // No content script on this tab (browser pages): the reply says so, and nothing is to be done.
  void sendToTab(tab.id, 'navigate', { direction });
});
