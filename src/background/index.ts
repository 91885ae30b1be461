/**
 * Background entry (service worker in Chrome, event page in Firefox). It keeps no state in memory:
 * the browser may stop it at any time, so what must survive lives in `storage.session`.
 */
import browser from 'webextension-polyfill';
import dataset from 'virtual:wsw-dataset';
import { listen } from '../platform/messaging';
import { loadSettings } from '../platform/settings-store';
import { forgetTab, readTabStatus, recordTabStatus } from '../platform/tab-status';

listen({
  async hello({ href }, sender) {
    const tabId = sender.tab?.id;
    if (tabId !== undefined && sender.frameId === 0) await recordTabStatus(tabId, href);
    const settings = await loadSettings();
    return { version: browser.runtime.getManifest().version, enabled: settings.enabled };
  },
  tabStatus: ({ tabId }) => readTabStatus(tabId),
  datasetInfo: async () => ({
    title: dataset.title,
    version: dataset.version,
    dataAsOf: dataset.dataAsOf,
    licence: dataset.licence,
    claims: dataset.claims.length,
    entities: Object.keys(dataset.byEntity).length,
  }),
});

browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
