import browser from 'webextension-polyfill';
import type { PageInfo } from '../core/messages';
import { sendToTab } from './messaging';

/** How long a page may take to apply settings and read itself before the popup gives up on it. */
const PAGE_INFO_TIMEOUT_MS = 10_000;

/** The active tab's id (needs no "tabs" permission), or null. */
export async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/**
 * Ask a tab's content script what the page holds, once it applied the stored settings and read
 * the page with them (it decides itself whether it is active there): asked right after a change,
 * the answer reflects it. Null when no content script of ours runs there (browser pages, stores,
 * the PDF viewer), or no valid answer came in time.
 */
export async function pageInfo(tabId: number): Promise<PageInfo | null> {
  const reply = await sendToTab(tabId, 'pageInfo', { settled: true }, { timeoutMs: PAGE_INFO_TIMEOUT_MS });
  return reply.ok ? reply.value : null;
}

/** Ask a tab's content script to scroll to an entity's first mention and open its card. */
export async function reveal(tabId: number, entityId: string): Promise<void> {
  await sendToTab(tabId, 'reveal', { entityId });
}
