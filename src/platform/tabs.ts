import browser from 'webextension-polyfill';
import * as v from 'valibot';
import { ENVELOPE_TAG, PageInfoSchema, type PageInfo } from '../core/messages';

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
  try {
    const raw: unknown = await browser.tabs.sendMessage(tabId, {
      tag: ENVELOPE_TAG,
      name: 'pageInfo',
      payload: {},
    });
    const result = v.safeParse(PageInfoSchema, raw);
    return result.success ? result.output : null;
  } catch {
    return null;
  }
}

/** Ask a tab's content script to scroll to an entity's first mention and open its card. */
export async function reveal(tabId: number, entityId: string): Promise<void> {
  await browser.tabs
    .sendMessage(tabId, { tag: ENVELOPE_TAG, name: 'reveal', payload: { entityId } })
    .catch(() => undefined);
}
