import browser from 'webextension-polyfill';
import type { PageInfo } from '../core/messages';
import { sendToTab } from './messaging';

/** The active tab's id (needs no "tabs" permission), or null. */
export async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/**
 * Ask a tab's content script what the page holds. Null when no content script of ours runs there
 * (browser pages, stores, the PDF viewer) or the answer is malformed.
 */
export async function pageInfo(tabId: number): Promise<PageInfo | null> {
  const reply = await sendToTab(tabId, 'pageInfo', {});
  return reply.ok ? reply.value : null;
}

/** Ask a tab's content script to scroll to an entity's first mention and open its card. */
export async function reveal(tabId: number, entityId: string): Promise<void> {
  await sendToTab(tabId, 'reveal', { entityId });
}
