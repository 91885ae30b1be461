import browser from 'webextension-polyfill';
import { parseSettings, SETTINGS_KEY, updateSettings, type Settings } from '../core/settings';

/** Read settings from `storage.sync`; always valid (defaults fill what is missing or broken). */
export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.sync.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

/** Apply a change and persist it; returns what was stored. */
export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = updateSettings(await loadSettings(), change);
  await browser.storage.sync.set({ [SETTINGS_KEY]: next });
  return next;
}

/**
 * Call `listener` whenever settings change anywhere (options page, popup, another device).
 * Returns the unsubscribe function, so callers can tie it to an AbortSignal or unmount.
 */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) listener(parseSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
