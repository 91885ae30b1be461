/**
 * Shared set-up of the e2e tests: which browsers to run, the served fixtures, and small helpers that
 * act on extension pages the same way in Chromium and Firefox.
 */
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { BrowserName } from '../../scripts/browsers';

export { launchWithExtension, type ExtensionBrowser } from '../../scripts/browsers';
export { serveStatic } from '../../scripts/serve';

/** Project root, resolved from this file so tests run from any working directory. */
export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Browsers under test. Both by default; WSW_BROWSERS=chromium (or firefox) narrows it for local
 * work. An unknown name is an error, never a silent skip.
 */
export const BROWSERS: BrowserName[] = (() => {
  const wanted = (process.env.WSW_BROWSERS ?? 'chromium,firefox').split(',').map((s) => s.trim());
  for (const name of wanted) {
    if (name !== 'chromium' && name !== 'firefox') throw new Error(`WSW_BROWSERS: unknown browser "${name}"`);
  }
  return wanted as BrowserName[];
})();

/** The build directory for a browser. */
export const distFor = (name: BrowserName) =>
  resolve(ROOT, 'dist', name === 'chromium' ? 'chrome' : 'firefox');

/** Poll `check` until it returns a truthy value (or time out with `what` in the message). */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T>,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Scroll the first occurrence of a phrase (in `scope`) into view; its centre and size. */
export function locatePhrase(
  page: Page,
  phrase: string,
  scope = 'body',
): Promise<{ x: number; y: number; width: number; height: number }> {
  return page.evaluate(
    (p, sel) => {
      const walker = document.createTreeWalker(document.querySelector(sel)!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(p);
        if (i < 0) continue;
        (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + p.length);
        const b = r.getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2, width: b.width, height: b.height };
      }
      throw new Error(`phrase not found: ${p}`);
    },
    phrase,
    scope,
  );
}

/** The text of every highlighted range on the page, sorted. */
export function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...CSS.highlights.values()]
      .flatMap((h) =>
        [...(h as unknown as Set<StaticRange>)].map((r) => {
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          return live.toString();
        }),
      )
      .sort(),
  );
}

/**
 * Whether the page renders `text` anywhere, closed shadow roots included (find-in-page, from the
 * top, wrapping). How tests read the card, which page scripts cannot reach; in Firefox there is
 * no accessibility snapshot over WebDriver BiDi either.
 */
export function rendersText(page: Page, text: string): Promise<boolean> {
  return page.evaluate(
    `(() => { getSelection()?.removeAllRanges(); return window.find(${JSON.stringify(text)}, false, false, true); })()`,
  ) as Promise<boolean>;
}
