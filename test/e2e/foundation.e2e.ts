/**
 * Foundation: the built extension loads in real Chromium and Firefox, its content script runs on a
 * page served from 127.0.0.1 and reaches the background, the popup and options pages render, and a
 * setting changed in the options page is what the popup shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  BROWSERS,
  distFor,
  launchWithExtension,
  ROOT,
  serveStatic,
  highlightCount,
  waitFor,
  type ExtensionBrowser,
} from './harness';

type Server = Awaited<ReturnType<typeof serveStatic>>;

/** Read all of `storage.<area>` from an extension page. */
function readStorage(page: Page, area: 'local' | 'session' | 'sync'): Promise<Record<string, any>> {
  return page.evaluate((a) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    return api.storage[a].get(null);
  }, area);
}

/** Send a raw message to the background from an extension page and return the reply. */
function sendRaw(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((m) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    return api.runtime.sendMessage(m);
  }, message as any);
}

const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent?.trim() ?? '');

describe.each(BROWSERS)('%s: foundation', (name) => {
  let ext: ExtensionBrowser;
  let server: Server;

  beforeAll(async () => {
    server = await serveStatic(`${ROOT}/assets/demo`);
    ext = await launchWithExtension(name, distFor(name));
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('runs the content script on a local page and reaches the background', async () => {
    const url = `${server.origin}/index.html`;
    const page = await ext.open(url);
    expect(await page.title()).toContain('Izium');
    const options = await ext.open(`${ext.extensionOrigin}/src/options/index.html`);
    await options.waitForSelector('#wsw-enabled');
    const record = await waitFor('the content script hello', async () => {
      const session = await readStorage(options, 'session');
      return Object.entries(session).find(([, v]) => (v as { href?: string }).href === url);
    });
    expect(record[0]).toMatch(/^tab:\d+$/);
    await page.close();
    await options.close();
  });

  it('renders the popup with its status and switch', async () => {
    const popup = await ext.open(`${ext.extensionOrigin}/src/popup/index.html`);
    await popup.waitForSelector('#wsw-enabled');
    expect(await text(popup, 'h1')).toBe('Who Said What');
    // Opened as a tab, the popup's "active tab" is itself: an extension page we never run on.
    await waitFor('popup status', async () => (await text(popup, '.wsw-status')).startsWith('Not available'));
    expect(await popup.$eval('#wsw-enabled', (el) => (el as HTMLInputElement).checked)).toBe(true);
    // The bundled dataset's version and date, from the background.
    await waitFor('dataset line', async () =>
      /^Dataset \d+\.\d+\.\d+ · data as of \d{4}-\d{2}-\d{2} · \d+ claims$/.test(
        await text(popup, '.wsw-dataset'),
      ),
    );
    await popup.close();
  });

  it('carries a setting from the options page to the popup, and back', async () => {
    const options = await ext.open(`${ext.extensionOrigin}/src/options/index.html`);
    await options.waitForSelector('#wsw-enabled');
    expect(await text(options, 'h1')).toBe('Who Said What — settings');
    await options.click('#wsw-enabled');
    await waitFor('"Saved."', async () => (await text(options, '.wsw-save-state')) === 'Saved.');
    const stored = (await readStorage(options, 'sync')).settings as { enabled: boolean };
    expect(stored.enabled).toBe(false);

    const popup = await ext.open(`${ext.extensionOrigin}/src/popup/index.html`);
    await popup.waitForSelector('#wsw-enabled');
    expect(await popup.$eval('#wsw-enabled', (el) => (el as HTMLInputElement).checked)).toBe(false);

    // Turning it back on in the popup shows at once in the still-open options page.
    await popup.click('#wsw-enabled');
    await waitFor('options page to follow the popup', () =>
      options.$eval('#wsw-enabled', (el) => (el as HTMLInputElement).checked),
    );
    await popup.close();
    await options.close();
  });

  it('manages the list of sites where the extension is off', async () => {
    const options = await ext.open(`${ext.extensionOrigin}/src/options/index.html`);
    await options.waitForSelector('#wsw-site-input');
    await options.type('#wsw-site-input', 'not a host');
    await options.click('#wsw-site-add');
    await options.waitForSelector('.wsw-error');
    expect(await text(options, '.wsw-error')).toMatch(/not a site name/);
    await options.$eval('#wsw-site-input', (el) => ((el as HTMLInputElement).value = ''));
    await options.type('#wsw-site-input', 'https://www.news.example/path');
    await options.keyboard.press('Enter');
    await waitFor('site listed', async () =>
      (await options.$$eval('.wsw-sites li span', (els) => els.map((e) => e.textContent))).includes(
        'www.news.example',
      ),
    );
    const stored = (await readStorage(options, 'sync')).settings as { disabledSites: string[] };
    expect(stored.disabledSites).toEqual(['www.news.example']);
    await options.click('.wsw-sites li button');
    await waitFor('list empty', async () => (await options.$$('.wsw-sites li')).length === 0);
    expect(
      ((await readStorage(options, 'sync')).settings as { disabledSites: string[] }).disabledSites,
    ).toEqual([]);
    await options.close();
  });

  it('refuses messages that are not of the protocol', async () => {
    const options = await ext.open(`${ext.extensionOrigin}/src/options/index.html`);
    await options.waitForSelector('#wsw-enabled');
    expect(await sendRaw(options, { tag: 'wsw/1', name: 'nope', payload: {} })).toEqual({
      ok: false,
      error: 'unknown message: nope',
    });
    expect(
      await sendRaw(options, { tag: 'wsw/1', name: 'tabStatus', payload: { tabId: 'x' } }),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^tabStatus: tabId: /),
    });
    expect(await sendRaw(options, { hello: 1 })).toEqual({ ok: false, error: 'unknown envelope' });
    const reply = await sendRaw(options, { tag: 'wsw/1', name: 'hello', payload: { href: 'about:blank' } });
    expect(reply).toMatchObject({ ok: true, value: { version: expect.any(String) } });
    await options.close();
  });

  it('highlights with the data the background wrote to storage.local, and a page finding it stale asks for it', async () => {
    const options = await ext.open(`${ext.extensionOrigin}/src/options/index.html`);
    await options.waitForSelector('#wsw-enabled');
    // Written at install, both tagged with this build.
    const stored = await waitFor('the content data in storage.local', async () => {
      const local = await readStorage(options, 'local');
      return local['wsw-dictionary'] && local['wsw-card-messages'] ? local : null;
    });
    const build = stored['wsw-dictionary'].build as string;
    expect(build).toMatch(/^[0-9a-f]{16}$/);
    expect(stored['wsw-card-messages'].build).toBe(build);
    expect(Object.keys(stored['wsw-card-messages'].tables).sort()).toEqual(['en', 'ru', 'uk']);
    // As right after an update: the strings missing, the dictionary another build's.
    await options.evaluate((dictionary) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      return Promise.all([
        api.storage.local.remove('wsw-card-messages'),
        api.storage.local.set({ 'wsw-dictionary': { build: 'an-older-build', dictionary } }),
      ]);
    }, stored['wsw-dictionary'].dictionary);
    const page = await ext.open(`${server.origin}/index.html`);
    await waitFor('highlights', async () => (await highlightCount(page)) > 10);
    const after = await readStorage(options, 'local');
    expect(after['wsw-dictionary'].build).toBe(build);
    expect(after['wsw-card-messages'].build).toBe(build);
    await page.close();
    await options.close();
  });
});
