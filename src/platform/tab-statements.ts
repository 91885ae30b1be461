/**
 * The statements found on each tab's page (see `core/page-statements.ts`), kept in memory and in
 * `storage.session` (memory-backed, cleared when the browser closes): the background may be stopped
 * between the page's text arriving and a card opening, and attributing again would need the text.
 */
import browser from 'webextension-polyfill';
import type { PageStatement } from '../core/page-statements';

interface TabStatements {
  url: string;
  statements: PageStatement[];
}

const memory = new Map<number, TabStatements>();
const key = (tabId: number) => `wsw-statements-${tabId}`;

/** Keep a tab's statements (replacing those of the page it showed before). */
export async function recordStatements(
  tabId: number,
  url: string,
  statements: PageStatement[],
): Promise<void> {
  memory.set(tabId, { url, statements });
  await browser.storage.session.set({ [key(tabId)]: { url, statements } satisfies TabStatements });
}

/** A URL without its fragment (an in-page link does not change the document). */
const documentOf = (url: string) => url.replace(/#.*$/s, '');

/**
 * A tab's statements, when they were found on the page at `url` (another page's say nothing here);
 * `ignoreFragment`: the same document under another `#fragment` counts (the popup knows the URL the
 * page had when its script started, and a reader may have followed an in-page link since).
 */
export async function readStatements(
  tabId: number,
  url: string | undefined,
  { ignoreFragment = false } = {},
): Promise<PageStatement[]> {
  let kept = memory.get(tabId);
  if (!kept) {
    const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)] as TabStatements | undefined;
    if (stored) memory.set(tabId, (kept = stored));
  }
  const same = (a: string, b: string) => (ignoreFragment ? documentOf(a) === documentOf(b) : a === b);
  return kept && (url === undefined || same(kept.url, url)) ? kept.statements : [];
}

/** Forget a closed tab. */
export async function forgetStatements(tabId: number): Promise<void> {
  memory.delete(tabId);
  await browser.storage.session.remove(key(tabId));
}
