/**
 * Background entry (service worker in Chrome, event page in Firefox). It keeps no state in memory:
 * the browser may stop it at any time, so what must survive lives in `storage.session`.
 */
import browser from 'webextension-polyfill';
import dataset from 'virtual:wsw-dataset';
import fullDictionary from 'virtual:wsw-dictionary-full';
import { loadDictionary, type Dictionary } from '../core/dictionary';
import type { Dataset } from '../core/dataset';
import { mergeLibrary } from '../core/library';
import { explainMention } from '../core/matcher';
import { buildCardData, buildPageList } from '../core/card-data';
import { NO_PAGE, toPageContext } from '../core/card-rank';
import { ENVELOPE_TAG, type TabMessage } from '../core/messages';
import { listen } from '../platform/messaging';
import { isActiveOn } from '../core/settings';
import { loadSettings } from '../platform/settings-store';
import { forgetTab, readTabStatus, recordTabStatus } from '../platform/tab-status';
import {
  libraryRevision,
  listDatasets,
  readDerivedDictionary,
  REVISION_KEY,
} from '../platform/library-store';

const bundledDictionary = loadDictionary(fullDictionary);
/** Items per hover card ("Show all" lists them; "All claims" opens the rest in the browse view). */
const CARD_MAX_ITEMS = 40;

/** What cards and the popup are built from: the bundled data merged with enabled imports. */
interface Current {
  revision: number;
  dataset: Dataset;
  dictionary: Dictionary;
  imported: number;
}
let current: Promise<Current> | null = null;

/**
 * The merged library, loaded once per background lifetime (the bundled data alone costs
 * nothing to read; imports are read from IndexedDB) and dropped when the options page changes it.
 */
function library(): Promise<Current> {
  current ??= (async (): Promise<Current> => {
    const revision = await libraryRevision();
    if (revision === 0) return { revision, dataset, dictionary: bundledDictionary, imported: 0 };
    const [stored, derived] = await Promise.all([listDatasets(), readDerivedDictionary()]);
    if (stored.length === 0 || !derived)
      return { revision, dataset, dictionary: bundledDictionary, imported: 0 };
    return {
      revision,
      dataset: mergeLibrary(dataset, [], stored).dataset,
      dictionary: loadDictionary(derived),
      imported: stored.length,
    };
  })().catch((error: unknown) => {
    current = null;
    throw error;
  });
  return current;
}

browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && REVISION_KEY in changes) current = null;
});

listen({
  async hello({ href }, sender) {
    const tabId = sender.tab?.id;
    if (tabId !== undefined && sender.frameId === 0) await recordTabStatus(tabId, href);
    const [settings, revision] = await Promise.all([loadSettings(), libraryRevision()]);
    return {
      version: browser.runtime.getManifest().version,
      enabled: isActiveOn(settings, href),
      imported: revision > 0,
    };
  },
  // Only the extension's own pages may ask about tabs (a content script must not learn other tabs' URLs).
  tabStatus: async ({ tabId }, sender) => {
    if (sender.tab !== undefined && !sender.url?.startsWith(browser.runtime.getURL('')))
      throw new Error('not allowed');
    return readTabStatus(tabId);
  },
  entityCard: async ({ entityId, lang, pattern, seen, support, context }) => {
    const { dataset, dictionary } = await library();
    const valid =
      pattern < dictionary.patternCount &&
      dictionary.entities[dictionary.patternEntity[pattern]!]?.id === entityId;
    const why = valid
      ? explainMention(seen, dictionary, { entity: entityId, start: 0, end: seen.length, pattern, support })
      : null;
    return buildCardData(dataset, dictionary.entities, entityId, lang, {
      why,
      page: context ? toPageContext(context) : NO_PAGE,
      maxItems: CARD_MAX_ITEMS,
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
    const { dataset, dictionary } = await library();
    return buildPageList(dataset, dictionary.entities, ids, lang, context ? toPageContext(context) : NO_PAGE);
  },
  datasetInfo: async () => {
    const { dataset, imported } = await library();
    return {
      imported,
      title: dataset.title,
      version: dataset.version,
      dataAsOf: dataset.dataAsOf,
      licence: dataset.licence,
      claims: dataset.claims.length,
      entities: Object.keys(dataset.byEntity).length,
    };
  },
  // No `tabs` permission needed: opening a tab with our own page is always allowed.
  openBrowse: async ({ entityId }) => {
    const url = browser.runtime.getURL('src/options/index.html') + `#entity=${encodeURIComponent(entityId)}`;
    await browser.tabs.create({ url });
    return null;
  },
});

browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

// Keyboard commands (user-rebindable in the browser's shortcut settings) go to the active tab.
browser.commands.onCommand.addListener((command, tab) => {
  const direction = command === 'next-mention' ? 'next' : command === 'previous-mention' ? 'previous' : null;
  if (!direction || tab?.id === undefined) return;
  const message: TabMessage = { tag: ENVELOPE_TAG, name: 'navigate', payload: { direction } };
  // No content script on this tab (browser pages): nothing to do.
  browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
});
