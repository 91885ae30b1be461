/**
 * Shared set-up of the e2e tests: which browsers to run, the served fixtures, and small helpers that
 * act on extension pages the same way in Chromium and Firefox.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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

/** How many ranges are registered in all our highlights on a page. */
export function highlightCount(page: Page): Promise<number> {
  return page.evaluate(() =>
    [...CSS.highlights.values()].reduce((n, h) => n + (h as unknown as Set<unknown>).size, 0),
  );
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Run axe-core on a page: its violations as "rule: target" lines, and how many rules passed (a
 * page axe could not read would pass vacuously, so callers check that it really ran).
 */
export async function runAxe(page: Page): Promise<{ passes: number; violations: string[] }> {
  await page.evaluate(axeSource);
  return (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => ({
    passes: r.passes.length,
    violations: r.violations.flatMap((v) => v.nodes.map((n) => v.id + ': ' + JSON.stringify(n.target))),
  }))`)) as { passes: number; violations: string[] };
}

/** The shared seed article (present in CI beside the repository). */
export const SEED = resolve(ROOT, '../shared/seed/article.txt');
export const hasSeed = existsSync(SEED);

/**
 * The seed article rendered as paragraphs in a temporary directory (its text is never copied into
 * the project); the directory to serve and the paragraphs.
 */
export function writeSeedPage(): { dir: string; paragraphs: string[] } {
  const paragraphs = readFileSync(SEED, 'utf8')
    .split('\n')
    .filter((p) => p.trim());
  const dir = mkdtempSync(join(tmpdir(), 'wsw-seed-'));
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>seed</title></head><body><article>${paragraphs
      .map((p) => `<p>${escape(p)}</p>`)
      .join('\n')}</article></body></html>`,
  );
  return { dir, paragraphs };
}
