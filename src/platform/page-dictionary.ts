import browser from 'webextension-polyfill';
import { REVISION_KEY } from '../core/storage-keys';

/** Whether the user imported datasets (the options page then stores a library revision above 0). */
export async function hasImportedData(): Promise<boolean> {
  const revision = (await browser.storage.local.get(REVISION_KEY))[REVISION_KEY];
  return typeof revision === 'number' && revision > 0;
}
