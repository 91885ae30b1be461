/**
 * The toolbar popup over a real page (Chromium: `action.openPopup()` opens the real popup for the
 * window, so its active tab is the page). Firefox opens the popup only on a user gesture, which
 * WebDriver BiDi cannot give to the toolbar, so this file runs in Chromium; the popup's rendering
 * and settings are covered in both browsers by foundation.e2e.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { distFor, launchWithExtension, ROOT, serveStatic, waitFor, type ExtensionBrowser } from './harness';

const RUN = (process.env.WSW_BROWSERS ?? 'chromium,firefox').includes('chromium');

describe.runIf(RUN)('chromium: popup on a page', () => {
  let ext: ExtensionBrowser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let page: Page;

  const openPopup = async (): Promise<Page> => {
    await page.bringToFront();
    const sw = await ext.browser.waitForTarget((t) => t.type() === 'service_worker');
    const worker = (await sw.worker())!;
    expect(await worker.evaluate('chrome.action.openPopup().then(() => "ok", (e) => String(e))')).toBe('ok');
    const target = await ext.browser.waitForTarget((t) => t.url().includes('/src/popup/index.html'));
    const popup = (await target.asPage())!;
    await popup.waitForSelector('.wsw-status');
    return popup;
  };
  const highlightCount = () =>
    page.evaluate(() =>
      [...CSS.highlights.values()].reduce((n, h) => n + (h as unknown as Set<unknown>).size, 0),
    );

  beforeAll(async () => {
    server = await serveStatic(`${ROOT}/assets/demo`);
    ext = await launchWithExtension('chromium', distFor('chromium'));
    page = await ext.open(`${server.origin}/index.html`);
    await waitFor('highlights', async () => (await highlightCount()) > 10);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('lists the entities found on the page, grouped by type, with counts', async () => {
    const popup = await openPopup();
    const rows = await waitFor('entity list', async () => {
      const r = await popup.$$eval('.wsw-entity', (els) => els.map((e) => e.textContent ?? ''));
      return r.length ? r : null;
    });
    expect(rows.some((r) => /^Izium\s*4 mentions · \d+ claims$/.test(r))).toBe(true);
    expect(await popup.$$eval('.wsw-found h2', (els) => els.map((e) => e.textContent))).toEqual([
      'People',
      'Places',
      'Organisations',
    ]);
    await popup.close();
  });

  it('turns the extension off and on for the site in one click, at once', async () => {
    const popup = await openPopup();
    await popup.waitForSelector('#wsw-site');
    expect(await popup.$eval('#wsw-site + span', (e) => e.textContent)).toBe('On 127.0.0.1');
    await popup.click('#wsw-site');
    await waitFor('highlights gone', async () => (await highlightCount()) === 0);
    await waitFor(
      'popup says off',
      async () => (await popup.$eval('.wsw-status', (e) => e.textContent)) === 'Off on this site.',
    );
    await popup.click('#wsw-site');
    await waitFor('highlights back', async () => (await highlightCount()) > 10);
    await popup.close();
  });

  it('scrolls to an entity and opens its card from the list', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const popup = await openPopup();
    const buttons = await waitFor('entity list', async () => {
      const b = await popup.$$('.wsw-entity');
      return b.length ? b : null;
    });
    const names = await popup.$$eval('.wsw-entity-name', (els) => els.map((e) => e.textContent));
    await buttons[names.indexOf('Bucha')]!.click();
    await waitFor('card on the page', () =>
      page.evaluate(() => {
        const host = document.querySelector('wsw-card') as HTMLElement | null;
        return !!host && getComputedStyle(host).display !== 'none' && document.activeElement === host;
      }),
    );
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });
});
