import browser from 'webextension-polyfill';

/** What the background remembers of a tab whose content script said hello. */
export interface TabStatus {
  href: string;
  at: number;
}

const key = (tabId: number) => `tab:${tabId}`;

/**
 * Remember that our content script runs in a tab. Kept in `storage.session` (memory-backed, cleared
 * when the browser closes) because the background itself may be stopped between two messages.
 */
export async function recordTabStatus(tabId: number, href: string): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: { href, at: Date.now() } satisfies TabStatus });
}

/** The status of a tab, or null when no content script of ours ran there (e.g. browser pages). */
export async function readTabStatus(tabId: number): Promise<TabStatus | null> {
  const stored = await browser.storage.session.get(key(tabId));
  const value = stored[key(tabId)] as Partial<TabStatus> | undefined;
  return typeof value?.href === 'string' && typeof value.at === 'number'
    ? { href: value.href, at: value.at }
    : null;
}

/** Drop a closed tab's status. */
export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
