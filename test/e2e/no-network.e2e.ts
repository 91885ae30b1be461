/**
 * Nothing leaves the machine: with the demo page loaded, highlights drawn, a card opened and the
 * popup and options pages used, no request goes anywhere but the local test server (page) and the
 * extension's own files. Chromium only: it exposes every target's network (pages, extension pages
 * and the service worker) through the DevTools protocol; Firefox's WebDriver BiDi in this
 * puppeteer gives no event stream for the extension's background.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Target } from 'puppeteer-core';
import {
  distFor,
  launchWithExtension,
  locatePhrase,
  ROOT,
  serveStatic,
  waitFor,
  type ExtensionBrowser,
} from './harness';

const RUN = (process.env.WSW_BROWSERS ?? 'chromium,firefox').includes('chromium');

describe.runIf(RUN)('chromium: no network', () => {
  let ext: ExtensionBrowser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  const requests: { target: string; url: string }[] = [];
  const sessions: CDPSession[] = [];

  const watch = async (target: Target) => {
    const type = target.type();
    if (type !== 'page' && type !== 'service_worker' && type !== 'other') return;
    const session = await target.createCDPSession().catch(() => null);
    if (!session) return;
    sessions.push(session);
    session.on('Network.requestWillBeSent', (e: { request: { url: string } }) =>
      requests.push({ target: target.url(), url: e.request.url }),
    );
    await session.send('Network.enable').catch(() => undefined);
  };

  beforeAll(async () => {
    server = await serveStatic(`${ROOT}/assets/demo`);
    ext = await launchWithExtension('chromium', distFor('chromium'));
    for (const target of ext.browser.targets()) await watch(target);
    ext.browser.on('targetcreated', (t: Target) => void watch(t));
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('makes no request beyond the page itself and its own files', async () => {
    const page = await ext.open(`${server.origin}/index.html`);
    await page.setViewport({ width: 1200, height: 800 });
    await waitFor('highlights', () => page.evaluate(() => CSS.highlights.size > 0));
    const at = await locatePhrase(page, 'Izyum', 'article');
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await waitFor('card', () =>
      page.evaluate(() => {
        const host = document.querySelector('wsw-card') as HTMLElement | null;
        return !!host && host.getBoundingClientRect().height > 120;
      }),
    );
    for (const path of ['src/popup/index.html', 'src/options/index.html']) {
      const p = await ext.open(`${ext.extensionOrigin}/${path}`);
      await new Promise((r) => setTimeout(r, 500));
      await p.close();
    }
    await new Promise((r) => setTimeout(r, 500));
    // Network means http(s)/ws(s); chrome://, chrome-extension:// and data: are local.
    const network = requests.filter(({ url }) => /^(https?|wss?):/i.test(url));
    expect(network.filter(({ url }) => !url.startsWith(server.origin))).toEqual([]);
    // The demo page loads only its HTML and stylesheet: the extension added no request to it.
    const pageRequests = requests
      .filter(({ url }) => url.startsWith(server.origin))
      .map(({ url }) => new URL(url).pathname);
    expect([...new Set(pageRequests)].sort()).toEqual(
      ['/favicon.ico', '/index.html', '/style.css'].filter((p) => pageRequests.includes(p)),
    );
    expect(pageRequests.every((p) => ['/index.html', '/style.css', '/favicon.ico'].includes(p))).toBe(true);
    // The watch is real: requests of the extension's own pages were seen too.
    expect(requests.some(({ target }) => target.startsWith(ext.extensionOrigin))).toBe(true);
  });
});
